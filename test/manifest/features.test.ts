/** Every feature of the manifest language is accepted, and every auth and verification kind has its place. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { stringify, parse } from 'yaml'
import { loadManifest } from '../../src/manifest/load'

const TEXT = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'kitchen-sink.yaml'), 'utf8')

function variant(edit: (m: any) => void): string {
  const m = parse(TEXT)
  edit(m)
  return stringify(m)
}

describe('manifest language features', () => {
  it('accepts the kitchen-sink manifest and compiles all of it', () => {
    const plan = loadManifest(TEXT, 'kitchen-sink.yaml')
    expect(plan.manifest.id).toBe('kitchen-sink')
    expect(plan.secretFields).toEqual(['apiKey', 'signingSecret'])
    expect(Object.keys(plan.messages).sort()).toEqual(['audio', 'bloc', 'file', 'image', 'text', 'video'])
    expect(plan.startHitl.history).toEqual({ strategy: 'last', count: 3, botName: 'Assistant' })
    expect(plan.startHitl.steps[1]!.forEach?.source).toBe('input.hitlSession.topics')
    expect(plan.inbound.type === 'webhook' && plan.inbound.handshakes.map((h) => h.beforeVerify)).toEqual([true, false])
    expect(plan.events.matchers.map((m) => m.emit)).toEqual(['ignore', 'message', 'assigned', 'stopped'])
    expect(plan.http.retry).toEqual({
      maxRetries: 2,
      statuses: [429, 503],
      retryAfterHeaders: ['x-retry-in'],
      resetHeaders: ['x-reset-at'],
      baseDelayMs: 5,
      maxDelayMs: 1000,
    })
    expect(plan.lifecycle.register?.steps[0]!.where).toMatch(
      /^kitchen-sink\.yaml:\d+:\d+ lifecycle\.register\.steps\[0\]$/
    )
  })

  it('caches: the same text loads to the same plan, without parsing again', () => {
    expect(loadManifest(TEXT, 'kitchen-sink.yaml')).toBe(loadManifest(TEXT, 'kitchen-sink.yaml'))
  })

  const auths: Record<string, unknown> = {
    none: { type: 'none' },
    basic: { type: 'basic', username: '{{ config.account }}', password: '{{ config.apiKey }}' },
    bearer: { type: 'bearer', token: '{{ config.apiKey }}', scheme: 'Token' },
    apiKeyQuery: { type: 'apiKey', in: 'query', name: 'key', value: '{{ config.apiKey }}' },
    headers: {
      type: 'headers',
      headers: { Authorization: 'Zoho-oauthtoken {{ config.apiKey }}', orgId: '{{ config.account }}' },
    },
    oauth2ClientCredentials: {
      type: 'oauth2ClientCredentials',
      tokenUrl: 'https://auth.example/token',
      clientId: '{{ config.account }}',
      clientSecret: '{{ config.apiKey }}',
      scope: 'tickets',
      clientAuth: 'basic',
      refreshOn: [401, 403],
      expiryMarginSeconds: 30,
    },
    oauth2RefreshToken: {
      type: 'oauth2RefreshToken',
      tokenUrl: 'https://accounts.example/oauth/v2/token',
      clientId: '{{ config.account }}',
      clientSecret: '{{ config.apiKey }}',
      refreshToken: '{{ config.apiKey }}',
      scheme: 'Zoho-oauthtoken',
    },
  }
  const planned: Record<string, Record<string, unknown>> = {
    oauth2ClientCredentials: {
      type: 'oauth2ClientCredentials',
      clientAuth: 'basic',
      refreshOn: [401, 403],
      expiryMarginSeconds: 30,
      scheme: 'Bearer',
    },
    oauth2RefreshToken: {
      type: 'oauth2RefreshToken',
      clientAuth: 'body',
      refreshOn: [401],
      expiryMarginSeconds: 60,
      scheme: 'Zoho-oauthtoken',
    },
  }
  for (const [name, auth] of Object.entries(auths)) {
    it(`accepts auth ${name}`, () => {
      const plan = loadManifest(
        variant((m) => (m.http.auth = auth)),
        `auth-${name}.yaml`
      )
      expect(plan.http.auth).toMatchObject(planned[name] ?? { type: (auth as { type: string }).type })
    })
  }

  const verifications: Record<string, unknown> = {
    none: { type: 'none' },
    token: { type: 'token', in: 'query', name: 'token', value: '{{ config.signingSecret }}' },
    rsa: {
      type: 'rsa',
      algorithm: 'sha256',
      publicKey: '{{ config.publicKey }}',
      signature: { header: 'X-Sig', encoding: 'base64' },
    },
    hmacBase64: {
      type: 'hmac',
      algorithm: 'sha1',
      secret: '{{ config.signingSecret }}',
      signature: { header: 'X-Hub-Signature', prefix: 'sha1=', encoding: 'hex' },
    },
    jwt: {
      type: 'jwt',
      header: 'X-ZDesk-JWT',
      jwksUrl: '/.well-known/jwks.json',
      algorithms: ['RS256', 'ES256'],
      issuer: 'orgId:{{ config.account }}',
      audience: 'webhookId:{{ state.hookId }}',
      maxAgeSeconds: 300,
    },
  }
  for (const [name, verify] of Object.entries(verifications)) {
    it(`accepts verification ${name}`, () => {
      const plan = loadManifest(
        variant((m) => (m.inbound.verify = verify)),
        `verify-${name}.yaml`
      )
      expect(plan.inbound.type === 'webhook' && plan.inbound.verify.type).toBe((verify as { type: string }).type)
    })
  }

  for (const strategy of ['none', 'concatenate', 'last', 'each']) {
    it(`accepts history strategy ${strategy}`, () => {
      expect(
        loadManifest(
          variant((m) => (m.actions.startHitl.history = { strategy, count: 5 })),
          `h-${strategy}.yaml`
        ).startHitl.history.strategy
      ).toBe(strategy)
    })
  }

  it('accepts webhook bodies as JSON or auto-detected', () => {
    for (const format of ['json', 'auto'])
      expect(
        loadManifest(
          variant((m) => (m.inbound.format = format)),
          `f-${format}.yaml`
        ).inbound
      ).toMatchObject({ type: 'webhook', format })
  })
})
