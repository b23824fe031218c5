/** A shared secret the vendor sends back in a header, a query parameter or a field of the JSON body, compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Scope, Steps } from '../../manifest/expressions'
import { read } from '../../manifest/expressions/fast-path'
import type { VerifyPlan } from '../../manifest/plan'
import { WebhookRejection } from '../errors'

type TokenPlan = Extract<VerifyPlan, { type: 'token' }>

export function* verifyToken(v: TokenPlan, s: Scope): Steps<void> {
  const expected = (yield v.value.textSoon(s)) as string | undefined
  if (!expected) throw new WebhookRejection(401, 'webhook token is not configured')
  const got = sent(v, s)
  if (typeof got !== 'string' || !sameSecret(got, expected))
    throw new WebhookRejection(
      401,
      `invalid webhook token in ${v.in} ${v.in === 'header' ? v.name.toLowerCase() : v.name}`
    )
}

/** The token as the request carries it, or undefined. */
function sent(v: TokenPlan, s: Scope): unknown {
  // Header names arrive lowercase (HTTP's are case-insensitive); query names are as the manifest writes them.
  if (v.in === 'header') return (s.headers as Record<string, string>)[v.name.toLowerCase()]
  if (v.in === 'query') return (s.query as Record<string, string>)[v.name]
  // A field of the JSON body, its path's names joined by dots, read as a plain path is (own properties only).
  let body: unknown
  try {
    body = JSON.parse(String(s.rawBody ?? ''))
  } catch {
    return undefined
  }
  return read(body as Scope, v.name.split('.'))
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest()
  const hb = createHash('sha256').update(b).digest()
  return timingSafeEqual(ha, hb)
}
