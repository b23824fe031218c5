/**
 * The authorization-code runtime against the sandbox's OAuth server, over real HTTP, with the grant store played by
 * hand so that two instances can be ordered exactly: one refreshes (rotating the refresh token) while the other still
 * holds the old grant; the second's refresh is refused (the token was used), and it takes the first one's result from
 * the store instead of failing the call. Also: nothing connected, and a grant without a refresh token.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { connectManifest } from '../../testkit/connect-manifest'
import { SandboxHelpdesk } from '../../playground/sandbox-helpdesk'
import { loadManifest } from '../../src/manifest/load'
import { refreshes, type Grant, type GrantStore } from '../../src/runtime/auth/authorization-code'
import { ProviderRuntime } from '../../src/runtime/provider'

const sandbox = new SandboxHelpdesk('api-token-unused')
const plan = loadManifest(connectManifest(), 'sandbox-connect.yaml')
let config: Record<string, unknown>
/** What Botpress holds (the integration's hitlConnection state). */
let stored: Grant | undefined

/** A call's store: the grant as the call found it, Botpress' current one on reload. */
function store(): GrantStore {
  let seen = stored
  return {
    read: async () => seen,
    reload: async () => (seen = stored),
    write: async (g) => void (stored = seen = g),
  }
}
/** A runtime for one call; `null`: nothing connected. */
const runtime = (grants: GrantStore | null = store()) =>
  new ProviderRuntime(plan, {
    config,
    state: {},
    env: { webhookUrl: 'https://webhook.botpress.cloud/wh' },
    grants: grants ?? undefined,
  })

beforeAll(async () => {
  const url = await sandbox.start()
  const { clientId, clientSecret } = sandbox.oauth
  config = { url, clientId, clientSecret, workspace: 'acme' }
})
afterAll(() => sandbox.stop())

beforeEach(async () => {
  refreshes.reset()
  sandbox.oauth.grants.length = 0
  const flow = runtime().connect!
  const redirectUri = 'https://webhook.botpress.cloud/wh/oauth/callback'
  const { state, verifier } = flow.secrets()
  const authorize = new URL(await flow.authorizeUrl({ redirectUri, state, verifier }))
  const form = new URLSearchParams(authorize.searchParams)
  form.set('decision', 'allow')
  const back = await fetch(`${sandbox.url}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' })
  const code = new URL(back.headers.get('location')!).searchParams.get('code')!
  const { grant, identifier } = await flow.exchange({ code, redirectUri, verifier })
  expect(identifier).toBe('acme')
  stored = grant
})

describe('oauth2AuthorizationCode at run time', () => {
  it('takes the grant another instance refreshed when its own refresh finds the token already used', async () => {
    const first = runtime()
    const second = runtime() // opened now: it holds the grant as it is before the first refreshes
    sandbox.oauth.expireAccessTokens()
    await first.createUser({ name: 'Ada' }, { id: 'u1' })
    const rotated = stored!.refreshToken
    // Another instance: the first one's refresh is not shared in memory, only through Botpress.
    refreshes.reset()
    await second.createUser({ name: 'Grace' }, { id: 'u2' })
    expect(sandbox.oauth.grants).toEqual(['authorization_code', 'refresh_token', 'refresh_token'])
    expect(stored!.refreshToken, 'the failed refresh wrote nothing').toBe(rotated)
    expect([...sandbox.users.values()].map((u) => u.name)).toEqual(expect.arrayContaining(['Ada', 'Grace']))
  })

  it('says how to connect when nothing is connected, and asks nothing of the helpdesk', async () => {
    const before = sandbox.users.size
    await expect(runtime(null).createUser({ name: 'Ada' }, { id: 'u1' })).rejects.toThrow(
      "not connected: open the integration's Connect link (its webhook URL + /oauth/start)"
    )
    expect(sandbox.users.size).toBe(before)
  })

  it('refuses plainly when the access token expired and the grant has no refresh token', async () => {
    stored = { accessToken: stored!.accessToken, expiresAt: Date.now() - 1 }
    await expect(runtime().createUser({ name: 'Ada' }, { id: 'u1' })).rejects.toThrow(
      /the connection expired and has no refresh token: not connected/
    )
  })
})
