/**
 * Auth kinds, one strategy each, in a table the compiler checks for exhaustiveness: adding a kind to AuthPlan
 * without its strategy here does not compile.
 */
import type { Scope } from '../../manifest/expressions'
import type { AuthPlan } from '../../manifest/plan'
import type { Redactor } from '../redact'
import type { SecretGuard } from '../secret-guard'
import { truthy } from '../truth'
import { authorizationCode, type GrantStore } from './authorization-code'
import { oauth2 } from './oauth2'
import { apiKey, basic, bearer, headerSet, none } from './static'

/** What a strategy may use: the call's scope (config, state), its redactor, the API's base URL, the time budget. */
export type AuthContext = {
  scope: Scope
  redactor: Redactor
  baseUrl: () => Promise<URL>
  timeoutMs: number
  /** Where a connected account's grant lives (authorization code): supplied by the Botpress binding. */
  grants?: GrantStore
  /** Where the deployment's secrets may go: token requests and authorize URLs are checked against it. */
  guard?: SecretGuard
}

export interface Authenticator {
  /** Headers and query parameters every request carries (worked out on first use). */
  credentials(): Promise<{ headers: [string, string][]; query: [string, string][] }>
  /** After a response with this status, forget the credentials so the next attempt gets fresh ones (once). */
  renewOn?(status: number): Promise<boolean>
}

type Strategies = { [K in AuthPlan['type']]: (plan: Extract<AuthPlan, { type: K }>, ctx: AuthContext) => Authenticator }

/** One of two ways: `when` decided once, on first use, over the call's configuration. */
function either(plan: Extract<AuthPlan, { type: 'either' }>, ctx: AuthContext): Authenticator {
  let picked: Promise<Authenticator> | undefined
  const pick = () => (picked ??= chosenAuth(plan, ctx.scope).then((chosen) => authenticator(chosen, ctx)))
  return {
    credentials: async () => (await pick()).credentials(),
    renewOn: async (status) => (await (await pick()).renewOn?.(status)) ?? false,
  }
}

/** The way of authenticating a call uses: an `either` resolved over its scope (config, secrets), to a plain kind. */
export async function chosenAuth(plan: AuthPlan, scope: Scope): Promise<AuthPlan> {
  let auth = plan
  while (auth.type === 'either') auth = truthy(await auth.when.evaluate(scope)) ? auth.use : auth.otherwise
  return auth
}

const strategies: Strategies = {
  none,
  basic,
  bearer,
  apiKey,
  headers: headerSet,
  oauth2ClientCredentials: oauth2,
  oauth2RefreshToken: oauth2,
  oauth2AuthorizationCode: authorizationCode,
  either,
}

export function authenticator(plan: AuthPlan, ctx: AuthContext): Authenticator {
  return (strategies[plan.type] as (p: AuthPlan, c: AuthContext) => Authenticator)(plan, ctx)
}

export { tokenCache } from './oauth2'
export { refreshes } from './authorization-code'
