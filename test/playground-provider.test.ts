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
      .on('GET', '/api/v2/users/me.json', () => ({
        body: { user: { id: 42, name: 'API agent', url: 'https://acme.zendesk.com/api/v2/users/42.json' } },
      }))
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
      startPlayground({ port: 0, provider: 'front', env: { HITL_API_TOKEN: 'x' }, log: () => {} })
    ).rejects.toThrow(
      'set the configuration of Front in the environment: HITL_API_SECRET (API secret), HITL_CHANNEL_ID (Custom channel id)'
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
    expect(playground.connectUrl, 'an API token: nothing to connect').toBeUndefined()
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

  it('connects Zendesk with OAuth when no API token is set: consent, code exchange, then every call on the token', async () => {
    await playground?.stop()
    const tokens: string[] = []
    zendesk.on('POST', '/oauth/tokens', (r) => {
      tokens.push(r.form?.grant_type ?? '')
      return {
        body: {
          access_token: 'zd-access-1',
          refresh_token: 'zd-refresh-1',
          token_type: 'bearer',
          expires_in: 1800,
          scope: 'read write',
        },
      }
    })
    const env = {
      HITL_SUBDOMAIN: 'acme',
      HITL_CLIENT_ID: 'botpress_hitl',
      HITL_CLIENT_SECRET: 'zd-client-secret',
      HITL_API_BASE_URL: `${zendesk.url}/api/v2`,
    }
    const hooksBefore = zendesk.calls('POST', /webhooks$/).length
    playground = await startPlayground({ port: 0, provider: 'zendesk', env, log: () => {} })
    // Not connected yet: registration waits for the Connect link.
    expect(playground.connectUrl).toBe(`${playground.webhookUrl}/oauth/start`)
    expect(zendesk.calls('POST', /webhooks$/)).toHaveLength(hooksBefore)

    const started = await fetch(playground.connectUrl!, { method: 'POST', body: '', redirect: 'manual' })
    const consent = new URL(started.headers.get('location')!)
    expect(`${consent.origin}${consent.pathname}`).toBe(`${zendesk.url}/oauth/authorizations/new`)
    expect(Object.fromEntries(consent.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'botpress_hitl',
      scope: 'read write',
      redirect_uri: `${playground.webhookUrl}/oauth/callback`,
      code_challenge_method: 'S256',
    })
    // Zendesk sends the browser back with a code (its consent page is Zendesk's own: played here by the test).
    const back = new URL(consent.searchParams.get('redirect_uri')!)
    back.searchParams.set('code', 'zd-code-1')
    back.searchParams.set('state', consent.searchParams.get('state')!)
    const done = await fetch(back)
    // The account as Zendesk names it (Show Self), not the host the configuration pointed at.
    expect(await done.text()).toContain('Connected as <strong>acme.zendesk.com</strong>')
    const [exchange] = zendesk.calls('POST', /oauth\/tokens$/)
    expect(exchange!.form).toMatchObject({
      grant_type: 'authorization_code',
      code: 'zd-code-1',
      client_id: 'botpress_hitl',
      client_secret: 'zd-client-secret',
    })
    expect(exchange!.form!.code_verifier).toMatch(/^[\w-]{64}$/)

    // Botpress registers again once connected: the webhook is made with the access token.
    await expect.poll(() => zendesk.calls('POST', /webhooks$/).length).toBe(hooksBefore + 1)
    expect(zendesk.calls('POST', /webhooks$/).at(-1)!.headers.authorization).toBe('Bearer zd-access-1')
    const session = await fetch(`${playground.url}/play/start`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Ada' }),
    })
    expect(session.status).toBe(200)
    expect(zendesk.calls('POST', /tickets\.json$/).at(-1)!.headers.authorization).toBe('Bearer zd-access-1')
    expect(tokens).toEqual(['authorization_code'])
    expect(playground.botpress.violations).toEqual([])
  })
})

describe('playground with Slack, connected with "Connect with Slack"', () => {
  const slack = new HelpdeskStandIn()
  let playground: Playground | undefined
  beforeAll(async () => {
    await slack.start()
    slack
      .on('POST', '/api/oauth.v2.access', () => ({
        body: {
          ok: true,
          access_token: 'xoxb-connected-1',
          token_type: 'bot',
          scope: 'chat:write,reactions:read',
          bot_user_id: 'U0BOT',
          app_id: 'A0APP',
          team: { id: 'T0TEAM', name: 'Acme' },
        },
      }))
      .on('GET', '/api/auth.test', () => ({ body: { ok: true, user_id: 'U0BOT', team_id: 'T0TEAM' } }))
      .on('POST', '/api/conversations.join', () => ({ body: { ok: true } }))
      .on('POST', '/api/chat.postMessage', () => ({ body: { ok: true, ts: '1733400000.000100' } }))
  })
  afterAll(async () => {
    await playground?.stop()
    await slack.stop()
  })

  it('installs the app: consent, code exchange (no PKCE), the workspace named, then every call on the bot token', async () => {
    const env = {
      HITL_CHANNEL_ID: 'C0SUPPORT',
      HITL_SIGNING_SECRET: 'slack-signing-secret',
      HITL_CLIENT_ID: '1111.2222',
      HITL_CLIENT_SECRET: 'slack-client-secret',
      HITL_API_BASE_URL: `${slack.url}/api`,
    }
    playground = await startPlayground({ port: 0, provider: 'slack', env, log: () => {} })
    expect(playground.connectUrl).toBe(`${playground.webhookUrl}/oauth/start`)
    expect(slack.calls('GET', /auth\.test$/)).toHaveLength(0)

    const started = await fetch(playground.connectUrl!, { method: 'POST', body: '', redirect: 'manual' })
    const consent = new URL(started.headers.get('location')!)
    expect(`${consent.origin}${consent.pathname}`).toBe(`${slack.url}/oauth/v2/authorize`)
    expect(Object.fromEntries(consent.searchParams)).toMatchObject({
      client_id: '1111.2222',
      redirect_uri: `${playground.webhookUrl}/oauth/callback`,
    })
    expect(consent.searchParams.get('scope')).toContain('chat:write.customize')
    expect(consent.searchParams.has('code_challenge')).toBe(false)
    const back = new URL(consent.searchParams.get('redirect_uri')!)
    back.searchParams.set('code', 'slack-code-1')
    back.searchParams.set('state', consent.searchParams.get('state')!)
    expect(await (await fetch(back)).text()).toContain('Connected as <strong>T0TEAM</strong>')
    const [exchange] = slack.calls('POST', /oauth\.v2\.access$/)
    expect(exchange!.form).toMatchObject({
      code: 'slack-code-1',
      client_id: '1111.2222',
      client_secret: 'slack-client-secret',
    })

    // Registered once connected, on the bot token; then a session opens its thread with it.
    await expect.poll(() => slack.calls('GET', /auth\.test$/).length).toBe(1)
    expect(slack.calls('GET', /auth\.test$/)[0]!.headers.authorization).toBe('Bearer xoxb-connected-1')
    const session = await fetch(`${playground.url}/play/start`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Ada' }),
    })
    expect(session.status).toBe(200)
    const [opened] = slack.calls('POST', /chat\.postMessage$/)
    expect(opened!.headers.authorization).toBe('Bearer xoxb-connected-1')
    expect(opened!.json).toMatchObject({ channel: 'C0SUPPORT', username: 'Ada' })
    expect(playground.botpress.violations).toEqual([])
  })
})
