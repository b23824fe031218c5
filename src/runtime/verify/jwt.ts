/**
 * Webhooks signed as JSON Web Tokens (Zoho Desk's X-ZDesk-JWT, Microsoft's bot tokens): the token is checked with
 * jose against the vendor's JSON Web Key Set, fetched through the manifest's HTTP client (so on the API host only),
 * cached per URL, and fetched again when a token names a key the cached set lacks (vendors rotate keys).
 */
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose'
import type { Scope } from '../../manifest/expressions'
import type { VerifyPlan } from '../../manifest/plan'
import { BoundedCache } from '../../bounded-cache'
import { WebhookRejection } from '../errors'
import type { HttpClient } from '../http'

type JwtPlan = Extract<VerifyPlan, { type: 'jwt' }>
type KeySet = { fetchedAt: number; keys: ReturnType<typeof createLocalJWKSet> }

const TTL_MS = 10 * 60_000
/** Least time between two fetches of one key set when tokens name unknown keys (no fetch storm from forged tokens). */
const REFETCH_AFTER_MS = 30_000
/** Key sets by URL (public keys: nothing secret), shared by every tenant. */
export const keySets = new BoundedCache<Promise<KeySet>>(500)

export async function verifyJwt(v: JwtPlan, s: Scope, http: HttpClient, now: number): Promise<void> {
  const headers = s.headers as Record<string, string>
  const header = v.header.toLowerCase()
  let token = headers[header]
  if (!token) throw new WebhookRejection(401, `missing token header ${header}`)
  if (v.prefix) {
    if (!token.startsWith(v.prefix))
      throw new WebhookRejection(401, `token in ${header} does not start with '${v.prefix}'`)
    token = token.slice(v.prefix.length)
  }
  const url = await http.absoluteUrl((await v.jwksUrl.text(s)) ?? '')
  const issuer = await v.issuer?.text(s)
  const audience = await v.audience?.text(s)
  const options = {
    algorithms: v.algorithms,
    issuer,
    audience,
    clockTolerance: v.clockToleranceSeconds,
    maxTokenAge: v.maxAgeSeconds,
    currentDate: new Date(now),
  }
  let set = await keySet(url, http, now, false)
  for (let attempt = 0; ; attempt++) {
    try {
      await jwtVerify(token, set.keys, options)
      return
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey && attempt === 0 && now - set.fetchedAt > REFETCH_AFTER_MS) {
        set = await keySet(url, http, now, true)
        continue
      }
      throw new WebhookRejection(401, `invalid webhook token: ${reason(err)}`)
    }
  }
}

function keySet(url: string, http: HttpClient, now: number, refresh: boolean): Promise<KeySet> {
  const cached = keySets.get(url)
  if (cached && !refresh) {
    return cached.then((set) => (now - set.fetchedAt < TTL_MS ? set : keySet(url, http, now, true)))
  }
  const pending = http
    .send({ step: 'webhookKeySet', method: 'GET', path: url, query: [], headers: [], accept: [] })
    .then((response) => {
      const body = response.body as JSONWebKeySet | undefined
      if (!body || !Array.isArray(body.keys))
        throw new WebhookRejection(401, `the key set at ${new URL(url).pathname} has no keys`)
      return { fetchedAt: now, keys: createLocalJWKSet(body) }
    })
  keySets.set(url, pending)
  return pending
}

function reason(err: unknown): string {
  if (err instanceof errors.JWTExpired)
    return err.claim === 'iat' ? 'token issued too long ago (iat)' : 'token expired (exp)'
  if (err instanceof errors.JWTClaimValidationFailed)
    return `claim ${err.claim} ${err.reason === 'check_failed' ? 'does not match' : err.reason.replace(/_/g, ' ')}`
  if (err instanceof errors.JWKSNoMatchingKey) return 'no key of the key set matches the token'
  if (err instanceof errors.JOSEAlgNotAllowed) return 'signing algorithm not allowed'
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature does not verify'
  if (err instanceof errors.JOSEError) return err.code.replace(/^ERR_/, '').toLowerCase().replace(/_/g, ' ')
  return (err as Error).message
}
