/**
 * Webhook verification kinds, one verifier each, in a table the compiler checks for exhaustiveness: adding a kind
 * to VerifyPlan without its verifier here does not compile. A verifier throws WebhookRejection (401) or returns.
 */
import type { Scope } from '../../manifest/expressions'
import type { VerifyPlan } from '../../manifest/plan'
import type { HttpClient } from '../http'
import { verifyJwt } from './jwt'
import { verifyHmac, verifyRsa } from './signed'
import { verifyToken } from './token'

type Verifiers = {
  [K in VerifyPlan['type']]: (
    v: Extract<VerifyPlan, { type: K }>,
    s: Scope,
    http: HttpClient,
    now: number
  ) => Promise<void>
}

const verifiers: Verifiers = {
  none: async () => {},
  hmac: (v, s, _http, now) => verifyHmac(v, s, now),
  rsa: (v, s, _http, now) => verifyRsa(v, s, now),
  token: (v, s) => verifyToken(v, s),
  jwt: verifyJwt,
}

export function verifyWebhook(v: VerifyPlan, s: Scope, http: HttpClient, now: number): Promise<void> {
  return (verifiers[v.type] as (v: VerifyPlan, s: Scope, http: HttpClient, now: number) => Promise<void>)(
    v,
    s,
    http,
    now
  )
}
