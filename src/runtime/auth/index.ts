/**
 * Auth kinds, one strategy each, in a table the compiler checks for exhaustiveness: adding a kind to AuthPlan
 * without its strategy here does not compile.
 */
import type { Scope } from '../../manifest/expressions'
import type { AuthPlan } from '../../manifest/plan'
import { truthy } from '../truth'
import { authorizationCode } from './authorization-code'
import { hmacRequest } from './hmac-request'
import { oauth2 } from './oauth2'
import { apiKey, basic, bearer, headerSet, none } from './static'
import type { AuthContext, Authenticator } from './types'

export type { AuthContext, Authenticator, PreparedRequest } from './types'

type Strategies = { [K in AuthPlan['type']]: (plan: Extract<AuthPlan, { type: K }>, ctx: AuthContext) => Authenticator }

/** One of two ways: `when` decided once, on first use, over the call's configuration. */
function either(plan: Extract<AuthPlan, { type: 'either' }>, ctx: AuthContext): Authenticator {
  let picked: Promise<Authenticator> | undefined
  const pick = () => (picked ??= chosenAuth(plan, ctx.scope).then((chosen) => authenticator(chosen, ctx)))
  return {
    apply: async (request) => (await pick()).apply(request),
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
  hmacRequest,
  either,
}

export function authenticator(plan: AuthPlan, ctx: AuthContext): Authenticator {
  return (strategies[plan.type] as (p: AuthPlan, c: AuthContext) => Authenticator)(plan, ctx)
}

export { tokenCache } from './oauth2'
export { refreshes } from './authorization-code'
