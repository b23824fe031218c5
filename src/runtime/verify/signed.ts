/** HMAC and RSA: a signature in a header over a signed payload (the raw body, or a template), in a replay window. */
import { createPublicKey, timingSafeEqual, verify as rsaVerify, type KeyObject } from 'node:crypto'
import { BoundedCache } from '../../bounded-cache'
import { widened, type Scope, type Soon, type Steps } from '../../manifest/expressions'
import type { VerifyPlan } from '../../manifest/plan'
import { linearPattern } from '../../manifest/expressions/safety'
import { WebhookRejection } from '../errors'
import { hmac, keyBytes, parseTimestamp } from '../signing'

type Signed = Extract<VerifyPlan, { type: 'hmac' | 'rsa' }>
type Signature = Signed['signature']

/**
 * The headers a verification reads, named as they arrive (HTTP's names are case-insensitive: received lowercase),
 * worked out once per plan rather than once per request.
 */
const headerNames = new WeakMap<Signed, { timestamp?: string; signature: string; payloadReadsTimestamp: boolean }>()
function namesOf(v: Signed) {
  let names = headerNames.get(v)
  if (!names) {
    names = {
      timestamp: v.timestamp?.header.toLowerCase(),
      signature: v.signature.header.toLowerCase(),
      payloadReadsTimestamp: v.signedPayload.readsName('timestamp'),
    }
    headerNames.set(v, names)
  }
  return names
}

/**
 * The signatures a header carries, decoded, and the payload they sign (at once, or its promise); refused first if
 * outside the window.
 */
function signedParts(v: Signed, s: Scope, now: number): { candidates: Buffer[]; payload: Soon<string | undefined> } {
  const headers = s.headers as Record<string, string>
  const names = namesOf(v)
  let timestamp: string | undefined
  if (v.timestamp) {
    const name = names.timestamp!
    const header = headers[name]
    timestamp =
      header === undefined ? undefined : v.timestamp.pattern ? firstGroup(v.timestamp.pattern, header) : header
    if (!timestamp) throw new WebhookRejection(401, `missing timestamp in header ${name}`)
    const at = parseTimestamp(timestamp, v.timestamp.format)
    if (Number.isNaN(at)) throw new WebhookRejection(401, `unreadable timestamp in ${name}`)
    if (Math.abs(now - at) > v.timestamp.toleranceSeconds * 1000)
      throw new WebhookRejection(401, `timestamp outside the ${v.timestamp.toleranceSeconds} s replay window`)
  }
  const header = headers[names.signature]
  if (!header) throw new WebhookRejection(401, `missing signature header ${names.signature}`)
  const candidates = signaturesIn(header, v.signature)
  // A text: an HMAC reads it as UTF-8 without a copy; RSA takes its bytes.
  return { candidates, payload: v.signedPayload.textSoon(names.payloadReadsTimestamp ? widened(s, { timestamp }) : s) }
}

export function* verifyHmac(v: Extract<VerifyPlan, { type: 'hmac' }>, s: Scope, now: number): Steps<void> {
  const { candidates, payload: signing } = signedParts(v, s, now)
  // Each value yielded only when it comes later (../../manifest/expressions/soon.ts, after).
  let payload = signing
  if (payload instanceof Promise) payload = (yield payload) as string | undefined
  let secret = v.secret.textSoon(s)
  if (secret instanceof Promise) secret = (yield secret) as string | undefined
  if (!secret) throw new WebhookRejection(401, 'webhook signing secret is not configured')
  let key: Buffer | string
  try {
    key = keyBytes(secret, v.keyEncoding)
  } catch (err) {
    throw new WebhookRejection(
      401,
      `webhook signing secret: ${(err as Error).message}, as inbound.verify.keyEncoding says`
    )
  }
  const expected = hmac(v.algorithm, key, payload ?? '')
  if (!candidates.some((c) => c.length === expected.length && timingSafeEqual(c, expected)))
    throw new WebhookRejection(401, 'invalid webhook signature')
}

export function* verifyRsa(v: Extract<VerifyPlan, { type: 'rsa' }>, s: Scope, now: number): Steps<void> {
  const { candidates, payload: signing } = signedParts(v, s, now)
  const payload = ((yield signing) as string | undefined) ?? ''
  const pem = (yield v.publicKey.textSoon(s)) as string | undefined
  if (!pem) throw new WebhookRejection(401, 'webhook public key is not configured')
  const key = publicKey(pem)
  const bytes = Buffer.from(payload, 'utf8')
  if (!candidates.some((c) => rsaVerify(v.algorithm, bytes, key, c)))
    throw new WebhookRejection(401, 'invalid webhook signature')
}

/**
 * Public keys by their PEM text, each parsed once (tens of microseconds) for every webhook it verifies, whichever
 * configuration names it: a public key is nothing secret, and the text is all that makes the key.
 */
export const publicKeys = new BoundedCache<KeyObject>(200)

function publicKey(pem: string): KeyObject {
  const known = publicKeys.get(pem)
  if (known) return known
  try {
    const armored = pem.includes('BEGIN') ? pem : `-----BEGIN PUBLIC KEY-----\n${pem}\n-----END PUBLIC KEY-----`
    return publicKeys.set(pem, createPublicKey(armored))
  } catch {
    throw new WebhookRejection(401, 'webhook public key is not a valid PEM key')
  }
}

/** Every match of a pattern in a header, each its first group (or the whole match). */
function matches(pattern: string, header: string): string[] {
  const found: string[] = []
  // In linear time (RE2), as every pattern a manifest writes: a pasted one cannot stall the process on a long header.
  const m = linearPattern(pattern).matcher(header)
  while (m.find()) found.push((m.groupCount() >= 1 ? (m.group(1) ?? m.group(0)) : m.group(0)) ?? '')
  return found
}

const firstGroup = (pattern: string, header: string) => matches(pattern, header)[0]?.trim()

/** The signatures a header carries (several during a key rotation: every match of the pattern), decoded. */
function signaturesIn(header: string, sig: Signature): Buffer[] {
  const found: Buffer[] = []
  for (const match of sig.pattern ? matches(sig.pattern, header) : [header]) {
    const r = match.trim()
    // A prefix the manifest names is required: a signature without it is none.
    const signature = !sig.prefix ? r : r.startsWith(sig.prefix) ? r.slice(sig.prefix.length) : ''
    if (signature) found.push(Buffer.from(signature, sig.encoding))
  }
  return found
}
