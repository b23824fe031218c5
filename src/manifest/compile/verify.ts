/**
 * `webhook.verify`, one compiler per kind in a table the type checker holds exhaustive (runtime:
 * src/runtime/webhook.ts and src/runtime/jwt.ts).
 */
import type { ManifestPath } from '../problems'
import type { VerifyPlan } from '../plan'
import type { Signature, Timestamp, Verify } from '../types'
import { scopeOf, type Compiler } from './compiler'

type Of<K extends Verify['type']> = Extract<Verify, { type: K }>
type Kinds = { [K in Verify['type']]: (v: Of<K>, c: Compiler) => VerifyPlan }

const p = (...rest: ManifestPath) => ['webhook', 'verify', ...rest]
const vs = () => scopeOf('verify')

/** What HMAC and RSA verification share: where the signature is, what is signed, the replay window. */
function signed(x: { signature: Signature; signedPayload?: string; timestamp?: Timestamp }, c: Compiler) {
  const t = x.timestamp
  return {
    signature: {
      header: x.signature.header.toLowerCase(),
      prefix: x.signature.prefix,
      encoding: x.signature.encoding,
      pattern: x.signature.pattern === undefined ? undefined : new RegExp(x.signature.pattern, 'g'),
    },
    signedPayload: c.template(x.signedPayload ?? '{{ rawBody }}', p('signedPayload'), vs()),
    timestamp: t && { header: t.header.toLowerCase(), format: t.format, toleranceSeconds: t.toleranceSeconds ?? 300 },
  }
}

const kinds: Kinds = {
  none: () => ({ type: 'none' }),
  hmac: (v, c) => ({
    type: 'hmac',
    algorithm: v.algorithm,
    secret: c.template(v.secret, p('secret'), vs()),
    ...signed(v, c),
  }),
  rsa: (v, c) => ({
    type: 'rsa',
    algorithm: v.algorithm,
    publicKey: c.template(v.publicKey, p('publicKey'), vs()),
    ...signed(v, c),
  }),
  token: (v, c) => ({
    type: 'token',
    in: v.in,
    name: v.in === 'header' ? v.name.toLowerCase() : v.name,
    value: c.template(v.value, p('value'), vs()),
  }),
  jwt: (v, c) => ({
    type: 'jwt',
    header: v.header.toLowerCase(),
    prefix: v.prefix,
    jwksUrl: c.template(v.jwksUrl, p('jwksUrl'), vs()),
    algorithms: v.algorithms ?? ['RS256'],
    issuer: v.issuer === undefined ? undefined : c.template(v.issuer, p('issuer'), vs()),
    audience: v.audience === undefined ? undefined : c.template(v.audience, p('audience'), vs()),
    clockToleranceSeconds: v.clockToleranceSeconds ?? 60,
    maxAgeSeconds: v.maxAgeSeconds,
  }),
}

export function compileVerify(v: Verify, c: Compiler): VerifyPlan {
  return (kinds[v.type] as (v: Verify, c: Compiler) => VerifyPlan)(v, c)
}
