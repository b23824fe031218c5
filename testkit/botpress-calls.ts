/**
 * Botpress API calls per operation (npm run bench, and the tests): the bundled integration driven as Botpress drives it (testkit's caller and API
 * stand-in, the Zendesk fixture's helpdesk stand-in), each call it makes to Botpress counted, by operation.
 */
import { configurationName } from '../src/botpress/names'
import { BotpressApiStandIn } from './botpress-api'
import { BotpressCaller, IDS } from './botpress-caller'
import { fill, loadFixtures, signWebhook } from './fixture'
import { HelpdeskStandIn } from './helpdesk'

export type CallCount = { operation: string; calls: number; which: string[] }

export async function botpressCalls(bundleFile: string, provider = 'zendesk'): Promise<CallCount[]> {
  const api = new BotpressApiStandIn()
  process.env.BP_API_URL = await api.start()
  const helpdesk = new HelpdeskStandIn()
  await helpdesk.start()
  try {
    const webhookUrl = `https://webhook.botpress.cloud/${IDS.webhookId}`
    const f = fill(
      loadFixtures().find((x) => x.provider === provider)!,
      {
        files: helpdesk.filesUrl,
        storage: `${helpdesk.storageUrl}/_downloads`,
        webhookUrl,
        helpdesk: helpdesk.url,
      }
    )
    helpdesk.answer(f.routes)
    delete require.cache[bundleFile]
    const integration = require(bundleFile).default
    const bp = new BotpressCaller(
      integration,
      api,
      { ...f.configuration, apiBaseUrl: `${helpdesk.url}${f.apiPath ?? ''}` },
      configurationName(provider)
    )
    const counted = async (operation: string, run: () => Promise<unknown>): Promise<CallCount> => {
      const before = api.calls.length
      await run()
      const made = api.calls
        .slice(before)
        .map((c) =>
          /State/.test(c.operation) ? `${c.operation} ${c.path.split('/').slice(-2).join('/')}` : c.operation
        )
      return { operation, calls: made.length, which: made }
    }
    await bp.register(webhookUrl)
    const { userId } = await bp.action('createUser', f.createUser.input)
    const { conversationId } = await bp.action('startHitl', { userId, messageHistory: [], ...f.startHitl.input })
    const reply = f.webhooks!.events.find((w) => 'message' in w.expect)!
    const state = api.states.get(`integration/${IDS.integrationId}/lifecycle`)?.payload.values
    const body = JSON.stringify(reply.body)
    const signed = signWebhook(f.webhooks!.sign, body, { url: webhookUrl, state })
    return [
      await counted('text message out', () => bp.send(conversationId, 'text', { text: 'Order 1234', userId })),
      await counted('agent-reply webhook in', () =>
        bp.webhook({
          headers: { 'content-type': 'application/json', ...signed.headers },
          query: signed.query,
          body: signed.body ?? body,
        })
      ),
    ]
  } finally {
    await helpdesk.stop()
    await api.stop()
  }
}

if (require.main === module) {
  process.env.HITL_ALLOW_LOCAL_NETWORK = '1'
  botpressCalls(process.argv[2]!).then((rows) => {
    for (const r of rows) console.log(`${r.operation}: ${r.calls} (${r.which.join(', ')})`)
  })
}
