/**
 * Webhook verification kinds, one verifier each, in a table the compiler checks for exhaustiveness: adding a kind
 * to VerifyPlan without its verifier here does not compile. A verifier throws WebhookRejection (401) or returns.
 */
import { soon, type Scope, type Soon } from '../../manifest/expressions'
import type { VerifyPlan } from '../../manifest/plan'
import type { HttpClient } from '../http'
import { verifyJwt } from './jwt'
import { verifyHmac, verifyRsa } from './signed'
import { verifyToken } from './token'

type Verifier<V extends VerifyPlan> = (v: V, s: Scope, http: HttpClient, now: number) => Soon<void>
type Verifiers = { [K in VerifyPlan['type']]: Verifier<Extract<VerifyPlan, { type: K }>> }

/** Each at once where its values are on the fast path (`soon`), else as a promise; JWT's key set may need a fetch. */
const verifiers: Verifiers = {
  none: () => undefined,
  hmac: (v, s, _http, now) => soon(verifyHmac(v, s, now)),
  rsa: (v, s, _http, now) => soon(verifyRsa(v, s, now)),
  token: (v, s) => soon(verifyToken(v, s)),
  jwt: verifyJwt,
}

export function verifyWebhook(v: VerifyPlan, s: Scope, http: HttpClient, now: number): Soon<void> {
  return (verifiers[v.type] as Verifier<VerifyPlan>)(v, s, http, now)
}
