/**
 * `npm start -- --provider <id>`: the playground against a real provider's manifest, configured from HITL_<FIELD>
 * environment variables (here Zendesk's, pointed at a local stand-in of its API), registered with the webhook URL
 * it prints; and the clear refusal when a variable is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { envName, startPlayground, type Playground } from '../playground/playground'
import { HelpdeskStandIn } from '../testkit/helpdesk'

describe('playground with a real provider', () => {
  const zendesk = new HelpdeskStandIn()
  let playground: Playground
  beforeAll(async () => {
    await zendesk.start()
    zendesk
      .on('GET', '/api/v2/users/me.json', () => ({ body: { user: { id: 42, name: 'API agent' } } }))
      .on('POST', '/api/v2/webhooks', () => ({ status: 201, body: { webhook: { id: 'wh-play' } } }))
      .on('GET', '/api/v2/webhooks/:id/signing_secret', () => ({
        body: { signing_secret: { algorithm: 'SHA256', secret: 'play-secret' } },
      }))
      .on('DELETE', '/api/v2/webhooks/:id', () => ({ status: 204 }))
      .on('POST', '/api/v2/users/create_or_update.json', () => ({ status: 201, body: { user: { id: 9001 } } }))
      .on('POST', '/api/v2/tickets.json', () => ({ status: 201, body: { ticket: { id: 501 } } }))
  })
  afterAll(async () => {
    await playground?.stop()
    await zendesk.stop()
  })

  it('names the environment variables it needs', async () => {
    await expect(
      startPlayground({ port: 0, provider: 'zendesk', env: { HITL_SUBDOMAIN: 'acme' }, log: () => {} })
    ).rejects.toThrow(
      'set the configuration of Zendesk in the environment: HITL_EMAIL (Agent email), HITL_API_TOKEN (API token)'
    )
    expect(envName('apiToken')).toBe('HITL_API_TOKEN')
  })

  it('registers with the webhook URL it prints, and runs a session against the provider', async () => {
    const env = {
      HITL_SUBDOMAIN: 'acme',
      HITL_EMAIL: 'bot@acme.test',
      HITL_API_TOKEN: 'zd-play-token',
      HITL_API_BASE_URL: `${zendesk.url}/api/v2`,
    }
    playground = await startPlayground({ port: 0, provider: 'zendesk', env, log: () => {} })
    expect(playground.agentUrl).toBeUndefined()
    const [hook] = zendesk.calls('POST', /webhooks$/)
    expect(hook!.json.webhook.endpoint).toBe(playground.webhookUrl)
    expect(hook!.headers.authorization).toBe(
      `Basic ${Buffer.from('bot@acme.test/token:zd-play-token').toString('base64')}`
    )
    const started = await fetch(`${playground.url}/play/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada' }),
    })
    expect(started.status).toBe(200)
    expect(zendesk.calls('POST', /tickets\.json$/)).toHaveLength(1)
    expect(playground.botpress.violations).toEqual([])
  })
})
