/**
 * "Connect with …" (oauth2AuthorizationCode) over HTTP, as a bot builder's browser and the helpdesk walk it: the
 * playground with the sandbox connecting through its OAuth server (npm start -- --connect). The Connect page, the
 * redirect to the consent page (PKCE S256, one-time state), the callback, the tokens kept in Botpress and the
 * identifier given to configureIntegration, registration with the tokens, a session, an access token expiring
 * mid-session (one refresh, shared by concurrent calls, the rotated refresh token kept), and the attacks: a replayed
 * callback, a forged state, another account connected over this one, and revocation at unregister.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startPlayground, type Playground } from '../../playground/playground'
import { IDS } from '../../testkit/botpress-caller'

let pg: Playground
let stopped = false
const manual = { redirect: 'manual' } as const

beforeAll(async () => {
  pg = await startPlayground({ port: 0, connect: true, log: () => {} })
})
afterAll(async () => {
  if (!stopped) await pg?.stop()
})
afterEach(() => {
  expect(pg.botpress.violations).toEqual([])
})

type Json = Record<string, any>
const connectionState = () => pg.botpress.states.get(`integration/${IDS.integrationId}/hitlConnection`)?.payload
const play = async (path: string, body: unknown) => {
  const res = await fetch(`${pg.url}${path}`, { method: 'POST', body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as Json }
}
const connection = async () => (await (await fetch(`${pg.url}/play/connection`)).json()) as Json

/** Walks the Connect page and the consent page; returns the callback URL the helpdesk sends the browser to. */
async function consent(workspace: string, decision = 'allow'): Promise<string> {
  const { link } = await connection()
  const started = await fetch(link, {
    ...manual,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ workspace }),
  })
  expect(started.status).toBe(302)
  const authorize = new URL(started.headers.get('location')!)
  const form = new URLSearchParams(authorize.searchParams)
  form.set('decision', decision)
  const decided = await fetch(`${pg.agentUrl}/oauth/authorize`, { ...manual, method: 'POST', body: form })
  expect(decided.status).toBe(302)
  return decided.headers.get('location')!
}

describe('Connect with … (OAuth authorization code)', () => {
  it('shows the Connect page: the fields it asks for and the redirect URI to register', async () => {
    const shown = await connection()
    expect([shown.connect, shown.identifier]).toEqual([true, undefined])
    const page = await fetch(shown.link)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    expect(html).toContain('<input id="workspace" name="workspace" type="text"')
    expect(html).toContain(`${pg.webhookUrl}/oauth/callback`)
    // Nothing works before the account is connected, and it says how to connect.
    const early = await play('/play/start', { name: 'Ada' })
    expect(early.body.error).toMatch(/not connected: open the integration's Connect link/)
  })

  it('sends the builder to the consent page with PKCE and a one-time state', async () => {
    const { link } = await connection()
    const res = await fetch(link, { ...manual, method: 'POST', body: new URLSearchParams({ workspace: 'acme' }) })
    const to = new URL(res.headers.get('location')!)
    expect(`${to.origin}${to.pathname}`).toBe(`${pg.agentUrl}/oauth/authorize`)
    const q = Object.fromEntries(to.searchParams)
    expect(q).toMatchObject({
      response_type: 'code',
      client_id: 'sandbox-app',
      redirect_uri: `${pg.webhookUrl}/oauth/callback`,
      scope: 'tickets:write messages:write',
      code_challenge_method: 'S256',
      workspace: 'acme',
    })
    expect(q.code_challenge).toMatch(/^[\w-]{43}$/)
    expect(q.state).toMatch(/^[\w-]{32}$/)
    expect(q.client_secret).toBeUndefined()
    expect((await fetch(to)).status, 'the consent page').toBe(200)
  })

  it('connects: code exchanged, tokens kept in Botpress, the account given to configureIntegration, registered', async () => {
    const callback = await consent('acme')
    // A forged state is refused, and spends nothing.
    const forged = new URL(callback)
    forged.searchParams.set('state', 'x'.repeat(32))
    expect((await fetch(forged)).status).toBe(400)

    const res = await fetch(callback)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Connected as <strong>acme</strong>')
    expect(pg.botpress.identifier).toBe('acme')
    expect(connectionState()).toMatchObject({
      provider: 'sandbox-connect',
      identifier: 'acme',
      values: { workspace: 'acme' },
    })
    expect(connectionState().grant.accessToken).toMatch(/^sbx-at-/)
    expect(pg.sandbox!.oauth.grants).toEqual(['authorization_code'])
    // Botpress registers again after configureIntegration: the webhook subscribed with the new tokens.
    await expect.poll(() => pg.sandbox!.webhooks.size).toBe(1)

    // The callback is spent: opened again, it connects nothing.
    const replay = await fetch(callback)
    expect(replay.status).toBe(400)
    expect(await replay.text()).toContain('expired or was already used')
    expect(pg.sandbox!.oauth.grants).toEqual(['authorization_code'])
  })

  it('runs a session on those tokens; an expired access token is refreshed once, for concurrent calls too', async () => {
    const { body: session } = await play('/play/start', { name: 'Ada', question: 'Where is my parcel?' })
    expect(session.conversationId).toBeDefined()
    const refreshBefore = connectionState().grant.refreshToken

    pg.sandbox!.oauth.expireAccessTokens()
    const sent = await Promise.all(
      ['one', 'two', 'three'].map((text) => play('/play/send', { ...session, type: 'text', text }))
    )
    expect(sent.map((s) => s.status)).toEqual([200, 200, 200])
    expect(pg.sandbox!.oauth.grants).toEqual(['authorization_code', 'refresh_token'])
    // The rotated refresh token is what Botpress keeps now: the next expiry refreshes with it.
    expect(connectionState().grant.refreshToken).not.toBe(refreshBefore)
    pg.sandbox!.oauth.expireAccessTokens()
    expect((await play('/play/send', { ...session, type: 'text', text: 'four' })).status).toBe(200)
    expect(pg.sandbox!.oauth.grants).toEqual(['authorization_code', 'refresh_token', 'refresh_token'])
    const ticket = [...pg.sandbox!.tickets.values()].at(-1)!
    expect(ticket.messages.map((m) => m.text)).toEqual(expect.arrayContaining(['one', 'two', 'three', 'four']))
    // No token in what Botpress logged or stored outside the connection.
    const tokens = [connectionState().grant.accessToken, connectionState().grant.refreshToken]
    const elsewhere = JSON.stringify([...pg.botpress.messages.values(), pg.botpress.events])
    for (const t of tokens) expect(elsewhere).not.toContain(t)
  })

  it('refuses to connect another account over this one, and revokes what that attempt obtained', async () => {
    const revokedBefore = pg.sandbox!.oauth.revoked
    const res = await fetch(await consent('evil-corp'))
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('This bot is connected to acme')
    expect(connectionState().identifier).toBe('acme')
    expect(pg.botpress.identifier).toBe('acme')
    expect(pg.sandbox!.oauth.revoked).toBe(revokedBefore + 1)
  })

  it('reconnects the same account (a renewed grant), and tells when the builder denied access', async () => {
    const denied = await fetch(await consent('acme', 'deny'))
    expect(denied.status).toBe(400)
    expect(await denied.text()).toContain('did not grant access (access_denied)')
    const old = connectionState().grant.accessToken
    expect((await fetch(await consent('acme'))).status).toBe(200)
    expect(connectionState().grant.accessToken).not.toBe(old)
  })

  it('revokes the grant and forgets the connection at unregister', async () => {
    const revokedBefore = pg.sandbox!.oauth.revoked
    stopped = true
    await pg.stop() // unregisters, as Botpress does when the integration is removed
    expect(pg.sandbox!.oauth.revoked).toBe(revokedBefore + 1)
    expect(connectionState().grant.accessToken).toBe('')
  })
})
