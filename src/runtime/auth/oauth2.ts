/**
 * OAuth2 client credentials and refresh-token grants: the access token is fetched on first use, cached, refreshed
 * before expiry and once after a 401 (or the manifest's refreshOn statuses), and sent with any scheme. The cache is
 * shared by the calls of every tenant with the same credentials (one fetch at a time per key), keyed by a hash of
 * those credentials, bounded, and resettable in tests; a token another call fetched is taught to this call's
 * redactor before use.
 */
import { createHash } from 'node:crypto'
import type { AuthPlan } from '../../manifest/plan'
import { BoundedCache } from '../../bounded-cache'
import { withCredentials, type AuthContext, type Authenticator } from './types'
import { endpointUrl, requestToken } from './token-endpoint'

type Token = { value: string; expiresAt: number }

/** Access tokens by a hash of the credentials they were fetched with. */
type Plan = Extract<AuthPlan, { type: 'oauth2ClientCredentials' | 'oauth2RefreshToken' }>

const grantOf = (plan: Plan) => (plan.type === 'oauth2ClientCredentials' ? 'client_credentials' : 'refresh_token')

export const tokenCache = new BoundedCache<Promise<Token>>(1000)

export function oauth2(plan: Plan, ctx: AuthContext): Authenticator {
  const { scope, redactor } = ctx
  let key: Promise<string> | undefined
  const keyOf = () =>
    (key ??= (async () => {
      const parts = [
        grantOf(plan),
        await plan.tokenUrl.text(scope),
        await plan.clientId.text(scope),
        await plan.clientSecret.text(scope),
        'scope' in plan ? await plan.scope?.text(scope) : undefined,
        'refreshToken' in plan ? await plan.refreshToken.text(scope) : undefined,
      ]
      return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
    })())

  async function token(): Promise<string> {
    const k = await keyOf()
    const cached = tokenCache.get(k)
    if (cached) {
      const t = await cached.catch(() => undefined)
      if (t && t.expiresAt > Date.now()) {
        // Perhaps fetched by another call: this one's redactor must learn it too.
        redactor.add(t.value)
        return t.value
      }
      tokenCache.forget(k, cached)
    }
    const pending = fetchToken(plan, ctx)
    tokenCache.set(k, pending)
    const t = await pending
    redactor.add(t.value)
    return t.value
  }

  return withCredentials(
    async () => ({ headers: [['authorization', `${plan.scheme} ${await token()}`]], query: [] }),
    async (status) => {
      if (!plan.refreshOn.includes(status)) return false
      tokenCache.forget(await keyOf())
      return true
    }
  )
}

async function fetchToken(plan: Plan, ctx: AuthContext): Promise<Token> {
  const url = await endpointUrl(plan.tokenUrl, 'http.auth.tokenUrl', ctx)
  const form = new URLSearchParams({ grant_type: grantOf(plan) })
  const wanted = 'scope' in plan ? await plan.scope?.text(ctx.scope) : undefined
  if (wanted) form.set('scope', wanted)
  if ('refreshToken' in plan) form.set('refresh_token', (await plan.refreshToken.text(ctx.scope)) ?? '')
  const client = { id: plan.clientId, secret: plan.clientSecret, auth: plan.clientAuth }
  const answer = await requestToken(url, form, client, ctx, 'OAuth2 token')
  const lifetime = Number(answer.expires_in ?? 3600)
  return { value: answer.access_token, expiresAt: Date.now() + Math.max(0, lifetime - plan.expiryMarginSeconds) * 1000 }
}
