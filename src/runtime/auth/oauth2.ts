/**
 * OAuth2 client credentials and refresh-token grants: the access token is fetched on first use, cached, refreshed
 * before expiry and once after a 401 (or the manifest's refreshOn statuses), and sent with any scheme. The cache is
 * shared by the calls of every tenant with the same credentials (one fetch at a time per key), keyed by a hash of
 * those credentials, bounded, and resettable in tests; a token another call fetched is taught to this call's
 * redactor before use.
 */
import ky, { TimeoutError } from 'ky'
import { createHash } from 'node:crypto'
import type { AuthPlan } from '../../manifest/plan'
import { BoundedCache } from '../../bounded-cache'
import { ProviderError } from '../errors'
import { readResponse } from '../http/wire'
import { checkTarget, networkFailure } from '../network'
import type { AuthContext, Authenticator } from './index'

type Token = { value: string; expiresAt: number }

/** Access tokens by a hash of the credentials they were fetched with. */
export const tokenCache = new BoundedCache<Promise<Token>>(1000)

export function oauth2(plan: Extract<AuthPlan, { type: 'oauth2' }>, ctx: AuthContext): Authenticator {
  const { scope, redactor } = ctx
  let key: Promise<string> | undefined
  const keyOf = () =>
    (key ??= (async () => {
      const parts = [
        plan.grant,
        await plan.tokenUrl.text(scope),
        await plan.clientId.text(scope),
        await plan.clientSecret.text(scope),
        await plan.scope?.text(scope),
        await plan.refreshToken?.text(scope),
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

  return {
    credentials: async () => ({ headers: [['authorization', `${plan.scheme} ${await token()}`]], query: [] }),
    renewOn: async (status) => {
      if (!plan.refreshOn.includes(status)) return false
      tokenCache.forget(await keyOf())
      return true
    },
  }
}

async function fetchToken(
  plan: Extract<AuthPlan, { type: 'oauth2' }>,
  { scope, redactor, baseUrl, timeoutMs }: AuthContext
): Promise<Token> {
  const base = await baseUrl()
  const rawUrl = (await plan.tokenUrl.text(scope)) ?? ''
  const url = /^https?:\/\//i.test(rawUrl)
    ? await checkTarget(rawUrl, 'http.auth.tokenUrl')
    : new URL(base.origin + base.pathname.replace(/\/$/, '') + rawUrl)
  const clientId = (await plan.clientId.text(scope)) ?? ''
  const clientSecret = (await plan.clientSecret.text(scope)) ?? ''
  redactor.add(clientSecret)
  const form = new URLSearchParams({ grant_type: plan.grant })
  const wanted = await plan.scope?.text(scope)
  if (wanted) form.set('scope', wanted)
  if (plan.refreshToken) {
    const refreshToken = (await plan.refreshToken.text(scope)) ?? ''
    redactor.add(refreshToken)
    form.set('refresh_token', refreshToken)
  }
  const headers: Record<string, string> = { accept: 'application/json' }
  if (plan.clientAuth === 'basic') {
    const encoded = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString(
      'base64'
    )
    redactor.add(encoded)
    headers.authorization = `Basic ${encoded}`
  } else {
    form.set('client_id', clientId)
    form.set('client_secret', clientSecret)
  }
  let response: Response
  try {
    response = await ky(url, {
      method: 'POST',
      body: form,
      headers,
      timeout: timeoutMs,
      retry: 2,
      throwHttpErrors: false,
      redirect: 'manual',
    })
  } catch (err) {
    const what = err instanceof TimeoutError ? `timed out after ${timeoutMs} ms` : networkFailure(err, url)
    throw new ProviderError(redactor.redact(`OAuth2 token request to ${url.host}${url.pathname} failed: ${what}`), {
      step: 'oauth2Token',
      transient: true,
    })
  }
  const result = await readResponse(response)
  const body = result.body as { access_token?: string; expires_in?: number } | undefined
  if (result.status !== 200 || !body?.access_token) {
    throw new ProviderError(
      redactor.redact(`OAuth2 token request to ${url.host}${url.pathname} failed: HTTP ${result.status}`),
      {
        status: result.status,
        step: 'oauth2Token',
      }
    )
  }
  redactor.add(body.access_token)
  const lifetime = Number(body.expires_in ?? 3600)
  return { value: body.access_token, expiresAt: Date.now() + Math.max(0, lifetime - plan.expiryMarginSeconds) * 1000 }
}
