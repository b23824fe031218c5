/** A shared secret the vendor sends back in a header or a query parameter, compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Scope } from '../../manifest/expressions'
import type { VerifyPlan } from '../../manifest/plan'
import { WebhookRejection } from '../errors'

export async function verifyToken(v: Extract<VerifyPlan, { type: 'token' }>, s: Scope) {
  const expected = await v.value.text(s)
  if (!expected) throw new WebhookRejection(401, 'webhook token is not configured')
  // Header names arrive lowercase (HTTP's are case-insensitive); query names are as the manifest writes them.
  const name = v.in === 'header' ? v.name.toLowerCase() : v.name
  const got =
    v.in === 'header' ? (s.headers as Record<string, string>)[name] : (s.query as Record<string, string>)[name]
  if (got === undefined || !sameSecret(got, expected))
    throw new WebhookRejection(401, `invalid webhook token in ${v.in} ${name}`)
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest()
  const hb = createHash('sha256').update(b).digest()
  return timingSafeEqual(ha, hb)
}
