/**
 * Exactly once across instances (issue 19): Botpress runs the integration as many instances at once. Here two
 * integration servers, separate processes (`npm run serve`, on the test bundle), share one Botpress; every webhook
 * the sandbox helpdesk sends is delivered 20 times to each of them, all at once. Each event and each agent message
 * reaches Botpress once; a close the bot made is announced by the helpdesk (before it answers) and sends nothing.
 */
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AGENTS, SandboxHelpdesk } from '../../playground/sandbox-helpdesk'
import { readBody } from '../../src/serve'
import { BotpressApiStandIn } from '../../testkit/botpress-api'
import { BotpressCaller, IDS, overHttp } from '../../testkit/botpress-caller'
import { integrationServer, type Instance } from '../support/instance'

const DELIVERIES = 20

const botpress = new BotpressApiStandIn()
const sandbox = new SandboxHelpdesk('sandbox-instances-token', { announceFirst: true })
const servers: Instance[] = []
let relay: Server
const relayed: number[] = []

const callers = () =>
  servers.map(
    (s) => new BotpressCaller(overHttp(s.url), botpress, { url: sandbox.url, apiToken: sandbox.apiToken }, 'sandbox')
  )

beforeAll(async () => {
  const bpUrl = await botpress.start()
  await sandbox.start()
  // The helpdesk's webhooks, each delivered DELIVERIES times to every instance at once, as a redelivering vendor and
  // a load balancer between several instances would.
  relay = createServer((req, res) => {
    void (async () => {
      const body = (await readBody(req, 4 * 1024 * 1024)).toString('utf8')
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
      const answers = await Promise.all(
        callers().flatMap((bp) =>
          Array.from({ length: DELIVERIES }, () => bp.webhook({ method: 'POST', path: '/', headers, body }))
        )
      )
      relayed.push(...answers.map((a) => a.status))
      res.writeHead(answers.every((a) => a.status === 200) ? 200 : 500).end()
    })()
  })
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r))
  const relayUrl = `http://127.0.0.1:${(relay.address() as { port: number }).port}`
  const env = { BP_API_URL: bpUrl, BP_WEBHOOK_URL: relayUrl, HITL_ALLOW_LOCAL_NETWORK: '1' }
  servers.push(...(await Promise.all([integrationServer(env), integrationServer(env)])))
  const registered = await callers()[0]!.register(`${relayUrl}/${IDS.webhookId}`)
  expect(registered.status).toBe(200)
})

afterAll(async () => {
  for (const s of servers) s.process.kill()
  await new Promise<void>((r) => (relay ? relay.close(() => r()) : r()))
  await sandbox.stop()
  await botpress.stop()
})

describe('two instances, every webhook delivered 20 times to each', () => {
  const agent = (ticketId: string, action: string, agentId: string, text?: string) =>
    fetch(`${sandbox.url}/agent/api/tickets/${ticketId}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agentId, text }),
    })
  const eventsOf = (conversationId: string) =>
    botpress.events
      .filter((e) => e.payload?.conversationId === conversationId)
      .map((e) => `${e.type}:${botpress.users.get(e.payload.userId)?.tags.agentId ?? ''}`)
  const agentMessagesOf = (conversationId: string) =>
    botpress
      .messagesIn(conversationId)
      .filter((m) => m.direction === 'incoming')
      .map((m) => m.payload.text)

  it('one hitlAssigned per agent, one message per reply, one hitlStopped: whatever instance gets what', async () => {
    const [a, b] = callers()
    const { userId } = await a!.action('createUser', { name: 'Ada' })
    const { conversationId } = await b!.action('startHitl', { userId, title: 'Twice over', messageHistory: [] })
    const ticketId = botpress.conversations.get(conversationId)!.tags.id
    const [kim, sam] = [AGENTS[0]!.id, AGENTS[1]!.id]
    await agent(ticketId, 'assign', kim)
    await agent(ticketId, 'reply', kim, 'Hello, I am looking into it.')
    await b!.send(conversationId, 'text', { text: 'Thank you!', userId })
    await agent(ticketId, 'assign', sam)
    await agent(ticketId, 'reply', sam, 'Found it: it ships tomorrow.')
    await agent(ticketId, 'close', sam)
    await expect.poll(() => eventsOf(conversationId).length).toBe(3)
    expect(eventsOf(conversationId)).toEqual([`hitlAssigned:${kim}`, `hitlAssigned:${sam}`, 'hitlStopped:'])
    await expect
      .poll(() => agentMessagesOf(conversationId))
      .toEqual(['Hello, I am looking into it.', 'Found it: it ships tomorrow.'])
    expect(sandbox.failedDeliveries).toEqual([])
    expect(relayed.length).toBeGreaterThanOrEqual(6 * 2 * DELIVERIES)
    expect(botpress.violations).toEqual([])
  })

  it('sends nothing for a close the bot made, even announced before the close request returned', async () => {
    const [a, b] = callers()
    const { userId } = await a!.action('createUser', { name: 'Bea' })
    const { conversationId } = await a!.action('startHitl', { userId, title: 'Closed by the bot', messageHistory: [] })
    const ticketId = botpress.conversations.get(conversationId)!.tags.id
    const before = relayed.length
    await b!.action('stopHitl', { conversationId })
    // The sandbox announced the close (delivered, 40 times) before it answered stopHitl's request.
    expect(relayed.length - before).toBe(2 * DELIVERIES)
    expect(sandbox.tickets.get(ticketId)!.status).toBe('closed')
    expect(eventsOf(conversationId)).toEqual([])
    expect(botpress.states.get(`conversation/${conversationId}/hitlClosed`)?.payload.by).toBe('bot')
    expect(botpress.violations).toEqual([])
  })
})
