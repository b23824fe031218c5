/**
 * Every common signature scheme: a vendor that gives its signing key in hex, and signs with the timestamp and the
 * signatures in one header (`t=1700000000,v1=5257a8…`, several v1 while it rotates keys). The webhook is signed by
 * the fixture signer from the vendor's own statement of its scheme (testkit/fixture.ts), with the same mechanics as
 * the runtime; a manifest that reads the key otherwise refuses every webhook.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { signWebhook, type Sign } from '../../testkit/fixture'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()
const TINY = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
const KEY = '4f1a0e9b7c3d2a5f6e8b1c0d9a7e3f2b'
/** Tiny Desk, edited (its verification, its configuration), pasted as a bot builder's manifest with these settings. */
function tiny(edit: (m: any) => void, settings: Record<string, string> = {}) {
  const m = parse(TINY)
  edit(m)
  return caller(
    ctx,
    {
      manifest: stringify(m),
      settings: { clientId: 'c', clientSecret: 's', webhookToken: 't', ...settings },
      apiBaseUrl: `${ctx.helpdesk.url}/api`,
    },
    null
  )
}

/** How the vendor signs: HMAC-SHA256 of "timestamp.body" with the key's bytes, both in X-Desk-Signature. */
const VENDOR: Sign = {
  type: 'hmac',
  algorithm: 'sha256',
  secret: KEY,
  keyEncoding: 'hex',
  encoding: 'hex',
  header: 'X-Desk-Signature',
  payload: '{timestamp}.{body}',
  value: 't={timestamp},v1={signature}',
  timestamp: { header: 'X-Desk-Signature', format: 'unixSeconds' },
}

function verifying(keyEncoding: 'hex' | 'text') {
  return tiny(
    (m) => {
      m.configuration.signingKey = { type: 'string', title: 'Signing key', description: 'Hex.', secret: true }
      m.inbound.verify = {
        type: 'hmac',
        algorithm: 'sha256',
        secret: '{{ config.signingKey }}',
        keyEncoding,
        signature: { header: 'X-Desk-Signature', pattern: 'v1=([0-9a-f]+)', encoding: 'hex' },
        timestamp: { header: 'X-Desk-Signature', pattern: 't=(\\d+)', format: 'unixSeconds', toleranceSeconds: 300 },
        signedPayload: '{{ timestamp }}.{{ rawBody }}',
      }
    },
    { signingKey: KEY }
  )
}

const body = JSON.stringify({ kind: 'noise' })
const deliver = (bp: ReturnType<typeof verifying>, headers: Record<string, string>) =>
  bp.webhook({ headers: { 'content-type': 'application/json', ...headers }, body })

describe('a hex key, and the timestamp and signatures in one header', () => {
  it('verifies what the vendor signs, with several signatures during a rotation', async () => {
    const bp = verifying('hex')
    const signed = signWebhook(VENDOR, body, { url: 'https://x' }).headers
    expect(signed['X-Desk-Signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    expect((await deliver(bp, signed)).status).toBe(200)
    // Rotating: the old key's signature first, the new one after; either may match.
    const rotated = signed['X-Desk-Signature']!.replace(',v1=', `,v1=${'0'.repeat(64)},v1=`)
    expect((await deliver(bp, { 'X-Desk-Signature': rotated })).status).toBe(200)
  })

  it('refuses a tampered body, a replay outside the window, and everything when the key is read as text', async () => {
    const bp = verifying('hex')
    const tampered = signWebhook(VENDOR, body, { url: 'https://x', tamper: true }).headers
    expect((await deliver(bp, tampered)).status).toBe(401)
    const old = signWebhook(VENDOR, body, { url: 'https://x', now: Date.now() - 10 * 60_000 }).headers
    const replay = await deliver(bp, old)
    expect([replay.status, replay.body.error]).toEqual([401, 'timestamp outside the 300 s replay window'])
    const wrong = await deliver(verifying('text'), signWebhook(VENDOR, body, { url: 'https://x' }).headers)
    expect([wrong.status, wrong.body.error]).toEqual([401, 'invalid webhook signature'])
  })
})

describe("a token in a field of the body (LiveChat's secret_key)", () => {
  const TOKEN = 'lc-webhook-secret-0f9e8d7c6b5a'
  const bodyToken = (name: string) =>
    tiny((m) => (m.inbound.verify = { type: 'token', in: 'body', name, value: '{{ config.webhookToken }}' }), {
      webhookToken: TOKEN,
    })
  const post = (bp: ReturnType<typeof bodyToken>, raw: string) =>
    bp.webhook({ headers: { 'content-type': 'application/json' }, body: raw })

  it('accepts the field as the vendor writes it, at the top or down a dotted path', async () => {
    expect((await post(bodyToken('secret_key'), JSON.stringify({ secret_key: TOKEN, kind: 'noise' }))).status).toBe(200)
    expect(
      (await post(bodyToken('meta.token'), JSON.stringify({ meta: { token: TOKEN }, kind: 'noise' }))).status
    ).toBe(200)
  })

  it('refuses a wrong, missing or non-text token, a body that is not JSON, and a token elsewhere than the field', async () => {
    const bp = bodyToken('secret_key')
    const refused = [
      JSON.stringify({ secret_key: TOKEN + 'x' }),
      JSON.stringify({ kind: 'noise' }),
      JSON.stringify({ secret_key: [TOKEN] }),
      JSON.stringify({ secret_key: { toString: TOKEN } }),
      `secret_key=${TOKEN}`,
      JSON.stringify({ nested: { secret_key: TOKEN } }),
    ]
    for (const raw of refused) {
      const res = await post(bp, raw)
      expect([raw, res.status, res.body.error]).toEqual([raw, 401, 'invalid webhook token in body secret_key'])
    }
    // Inherited names are not fields: a path through the prototype finds nothing.
    const proto = await post(bodyToken('constructor.name'), JSON.stringify({ kind: 'noise' }))
    expect(proto.status).toBe(401)
  })
})

describe('a timestamp whose unit the vendor does not say (format unix)', () => {
  const SECRET = 'crisp-like-secret-1234'
  const sign = (format: 'unixSeconds' | 'unixMilliseconds'): Sign => ({
    type: 'hmac',
    algorithm: 'sha256',
    secret: SECRET,
    encoding: 'hex',
    header: 'X-Hook-Signature',
    payload: '[{timestamp};{body}]',
    timestamp: { header: 'X-Hook-Timestamp', format },
  })
  const unixVerifying = () =>
    tiny(
      (m) => {
        m.configuration.hookSecret = { type: 'string', title: 'Hook secret', description: 'Text.', secret: true }
        m.inbound.verify = {
          type: 'hmac',
          algorithm: 'sha256',
          secret: '{{ config.hookSecret }}',
          signature: { header: 'X-Hook-Signature', encoding: 'hex' },
          signedPayload: '[{{ headers.`x-hook-timestamp` }};{{ rawBody }}]',
          timestamp: { header: 'X-Hook-Timestamp', format: 'unix', toleranceSeconds: 300 },
        }
      },
      { hookSecret: SECRET }
    )

  it('takes it in seconds or in milliseconds, and refuses either outside the window', async () => {
    const bp = unixVerifying()
    for (const format of ['unixSeconds', 'unixMilliseconds'] as const) {
      const fresh = signWebhook(sign(format), body, { url: 'https://x' }).headers
      expect([format, (await deliver(bp, fresh)).status]).toEqual([format, 200])
      const old = signWebhook(sign(format), body, { url: 'https://x', now: Date.now() - 10 * 60_000 }).headers
      const replay = await deliver(bp, old)
      expect([format, replay.status, replay.body.error]).toEqual([
        format,
        401,
        'timestamp outside the 300 s replay window',
      ])
    }
  })
})
