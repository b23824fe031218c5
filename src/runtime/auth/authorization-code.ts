/**
 * OAuth2 authorization code ("Connect with …"). The bot builder connects the account once, in a browser (the Botpress
 * binding serves the pages: src/botpress/connect.ts); this module builds the authorize URL (PKCE S256, one-time
 * state), exchanges the code, and afterwards authenticates every request with the grant kept in Botpress (a
 * GrantStore the binding supplies): the access token until it nears expiry or the helpdesk answers a refreshOn
 * status, then one refresh, shared by concurrent calls holding the same refresh token, its result (a rotated refresh
 * token too) written back. A refresh refused because another instance already used the refresh token re-reads the
 * store. Revocation (RFC 7009) on unregister.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { AuthPlan } from '../../manifest/plan'
import { BoundedCache } from '../../bounded-cache'
import { ProviderError } from '../errors'
import { withCredentials, type AuthContext, type Authenticator, type Grant, type GrantStore } from './types'

export type { Grant, GrantStore }
import { endpointUrl, postForm, requestToken, type TokenAnswer } from './token-endpoint'

export type { TokenAnswer }

type Plan = Extract<AuthPlan, { type: 'oauth2AuthorizationCode' }>

export const NOT_CONNECTED =
  "not connected: open the integration's Connect link (its webhook URL + /oauth/start) to connect the helpdesk account"

/** Refreshes in flight or just done, by a hash of the refresh token they used: one refresh per token, shared. */
export const refreshes = new BoundedCache<Promise<Grant>>(1000)

const client = (plan: Plan) => ({ id: plan.clientId, secret: plan.clientSecret, auth: plan.clientAuth })

export function grantOf(answer: TokenAnswer, plan: Plan, previous?: Grant): Grant {
  const lifetime = Number(answer.expires_in)
  return {
    accessToken: answer.access_token,
    // A vendor that does not rotate refresh tokens answers without one: the old one stays good.
    refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : previous?.refreshToken,
    expiresAt: Number.isFinite(lifetime) && lifetime > 0 ? Date.now() + lifetime * 1000 : undefined,
  }
}

export function authorizationCode(plan: Plan, ctx: AuthContext): Authenticator {
  const { redactor } = ctx
  /** The access token a refreshOn status condemned: not used again. */
  let condemned: string | undefined
  let used: string | undefined
  const usable = (g: Grant) =>
    g.accessToken !== condemned &&
    (g.expiresAt === undefined || g.expiresAt - plan.expiryMarginSeconds * 1000 > Date.now())

  async function refresh(store: GrantStore, grant: Grant): Promise<Grant> {
    if (!grant.refreshToken)
      throw new ProviderError(`the connection expired and has no refresh token: ${NOT_CONNECTED}`, { status: 401 })
    const key = createHash('sha256').update(grant.refreshToken).digest('hex')
    const shared = refreshes.get(key)
    if (shared) {
      // Done by another call, perhaps long ago (a vendor that keeps the same refresh token): only if still good.
      const done = await shared.catch(() => undefined)
      if (done && usable(done)) return done
      refreshes.forget(key, shared)
    }
    const pending = (async () => {
      const url = await endpointUrl(plan.tokenUrl, 'http.auth.tokenUrl', ctx)
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: grant.refreshToken! })
      try {
        const next = grantOf(await requestToken(url, form, client(plan), ctx, 'OAuth2 refresh'), plan, grant)
        await store.write(next)
        return next
      } catch (err) {
        // Another instance may have used (and rotated) this refresh token first: its result is in Botpress.
        const latest = await store.reload()
        if (latest && latest.refreshToken !== grant.refreshToken && usable(latest)) return latest
        throw err
      }
    })()
    refreshes.set(key, pending)
    pending.catch(() => refreshes.forget(key, pending))
    return pending
  }

  async function token(): Promise<string> {
    const store = ctx.grants
    const grant = await store?.read()
    if (!store || !grant) throw new ProviderError(NOT_CONNECTED, { status: 401 })
    redactor.add(grant.accessToken)
    redactor.add(grant.refreshToken)
    const current = usable(grant) ? grant : await refresh(store, grant)
    redactor.add(current.accessToken)
    redactor.add(current.refreshToken)
    used = current.accessToken
    return current.accessToken
  }

  return withCredentials(
    async () => ({ headers: [['authorization', `${plan.scheme} ${await token()}`]], query: [] }),
    async (status) => {
      if (!plan.refreshOn.includes(status)) return false
      const grant = await ctx.grants?.read()
      if (!grant?.refreshToken || !used) return false
      condemned = used
      return true
    }
  )
}

/** What the Connect flow needs from a manifest: the authorize URL, the code exchange, revocation. */
export const connect = {
  /** A one-time state and a PKCE verifier, both unguessable. */
  secrets: () => ({ state: randomBytes(24).toString('base64url'), verifier: randomBytes(48).toString('base64url') }),

  async authorizeUrl(
    plan: Plan,
    ctx: AuthContext,
    request: { redirectUri: string; state: string; verifier: string }
  ): Promise<string> {
    const url = await endpointUrl(plan.authorizeUrl, 'http.auth.authorizeUrl', ctx)
    const params = url.searchParams
    params.set('response_type', 'code')
    params.set('client_id', (await plan.clientId.text(ctx.scope)) ?? '')
    params.set('redirect_uri', request.redirectUri)
    params.set('state', request.state)
    const scopes = await plan.scopes?.text(ctx.scope)
    if (scopes) params.set('scope', scopes)
    if (plan.pkce) {
      params.set('code_challenge', createHash('sha256').update(request.verifier).digest('base64url'))
      params.set('code_challenge_method', 'S256')
    }
    for (const [k, t] of plan.authorizeParams ?? []) {
      const v = await t.text(ctx.scope)
      if (v !== undefined) params.set(k, v)
    }
    // The browser carries it there: a deployment's client id goes only where the manifest allows it.
    ctx.guard?.check(url, {}, 'http.auth.authorizeUrl')
    return url.toString()
  },

  async exchange(
    plan: Plan,
    ctx: AuthContext,
    request: { code: string; redirectUri: string; verifier: string }
  ): Promise<{ grant: Grant; answer: TokenAnswer; tokenHost: string }> {
    const url = await endpointUrl(plan.tokenUrl, 'http.auth.tokenUrl', ctx)
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code: request.code,
      redirect_uri: request.redirectUri,
    })
    if (plan.pkce) form.set('code_verifier', request.verifier)
    const answer = await requestToken(url, form, client(plan), ctx, 'OAuth2 code exchange')
    return { grant: grantOf(answer, plan), answer, tokenHost: url.host }
  },

  /** Revokes the refresh token (else the access token) where the vendor has a revocation endpoint. */
  async revoke(plan: Plan, ctx: AuthContext, grant: Grant): Promise<void> {
    if (!plan.revokeUrl) return
    const url = await endpointUrl(plan.revokeUrl, 'http.auth.revokeUrl', ctx)
    const form = new URLSearchParams(
      grant.refreshToken
        ? { token: grant.refreshToken, token_type_hint: 'refresh_token' }
        : { token: grant.accessToken, token_type_hint: 'access_token' }
    )
    const { status } = await postForm(url, form, client(plan), ctx, 'OAuth2 revocation')
    if (status !== 200)
      throw new ProviderError(`OAuth2 revocation at ${url.host}${url.pathname} failed: HTTP ${status}`, { status })
  },
}
