/**
 * The kitchen-sink manifest, pasted into the configuration and run through the bundled handler: form, raw and
 * multipart bodies, query and header templates, captured headers, user and session data, forEach, the `last`
 * history strategy, handshakes before and after verification, form-encoded batched webhooks signed with a
 * composite header, follow-up requests, and RSA verification.
 */
import { generateKeyPairSync, sign } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { parse, stringify } from 'yaml'
import { IDS } from '../support/botpress'
import { FILE_BYTES } from '../../testkit/helpdesk'
import { caller, useStandIns } from '../support/session'
import { hmac } from '../../testkit/signing'

const ctx = useStandIns()
const TEXT = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'kitchen-sink.yaml'), 'utf8')
const API_KEY = 'ks_live_secret_key_777'
const HOOK_SECRET = 'whsec_kitchen_sink_123'
const WEBHOOK_URL = `https://webhook.botpress.cloud/${IDS.webhookId}`

describe('kitchen-sink manifest at run time', () => {
  let bp: ReturnType<typeof caller>
  let n = 0
  beforeAll(() => {
    ctx.helpdesk
      .on('POST', '/v1/hooks', () => ({ status: 201, body: { id: 'h1', secret: HOOK_SECRET } }))
      .on('DELETE', '/v1/hooks/:id', () => ({ status: 204 }))
      .on('POST', '/v1/people', () => ({ status: 201, headers: { etag: 'W/"v1"' }, body: { id: 'person-1' } }))
      .on('POST', '/v1/conversations', () => ({ status: 201, body: { id: 900 } }))
      .on('PUT', '/v1/conversations/:id/tags/:tag', (_, p) => ({ body: { id: `tag-${p.tag}` } }))
      .on('POST', '/v1/conversations/:id/messages', () => ({ status: 201, body: { id: `m-${++n}` } }))
      .on('POST', '/v1/conversations/:id/files', () => ({ status: 201, body: { id: `m-${++n}` } }))
      .on('POST', '/v1/conversations/:id/audio', () => ({ status: 201, body: {} }))
      .on('POST', '/v1/uploads', () => ({ status: 201, body: { id: 'up-1' } }))
      .on('DELETE', '/v1/conversations/:id', () => ({ status: 410, body: { problem: { detail: 'gone' } } }))
      .on('GET', '/v1/agents/:id', (_, p) => ({ body: { id: p.id, name: 'Kim' } }))
    bp = caller(
      ctx,
      {
        manifest: TEXT,
        settings: { apiKey: API_KEY, account: 'acme', signingSecret: 'unused' },
        apiBaseUrl: `${ctx.helpdesk.url}/v1`,
      },
      null
    )
  })

  let userId: string
  let conversationId: string

  it('registers and stores what the vendor returned', async () => {
    expect((await bp.register()).status).toBe(200)
    const [hook] = ctx.helpdesk.calls('POST', /hooks$/)
    expect(hook!.json).toEqual({ url: WEBHOOK_URL, events: ['message', 'assigned', 'closed'] })
    expect(hook!.headers).toMatchObject({ 'x-api-key': API_KEY, 'x-client': 'botpress-hitl', 'x-tier': 'pro' })
  })

  it('sends a form body with query and header templates, and keeps captured headers as user data', async () => {
    ;({ userId } = await bp.action('createUser', { name: 'Ada', email: 'ada@example.com' }))
    const [req] = ctx.helpdesk.calls('POST', /people$/)
    expect(req!.form).toEqual({ name: 'Ada', email: 'ada@example.com' })
    expect(req!.query).toEqual({ inbox: '7' }) // default applied; dryRun left out
    expect(req!.headers['x-request-id']).toBe(userId)
    const state = ctx.api.states.get(`user/${userId}/hitlUser`)!
    expect(state.payload.data).toEqual({ etag: 'W/"v1"', since: String(new Date().getFullYear()) })
  })

  it('runs forEach with raw text bodies, then relays the last messages one by one', async () => {
    const history = ['one', 'two', 'three', 'four'].map((text, i) => ({
      source: i % 2 ? { type: 'bot' } : { type: 'user', userId },
      type: 'text',
      payload: { text },
    }))
    ;({ conversationId } = await bp.action('startHitl', {
      userId,
      title: 'Sink',
      hitlSession: { topics: ['billing', 'a b'], queue: 3 },
      messageHistory: history,
    }))
    const [open] = ctx.helpdesk.calls('POST', /conversations$/)
    expect(open!.json).toEqual({
      person: 'person-1',
      etag: 'W/"v1"',
      subject: 'Sink',
      urgency: 'low',
      queue: 3,
      topics: ['billing', 'a b'],
      previewLines: 3,
      fixed: [1, true, null, 'x'],
    })
    const tags = ctx.helpdesk.calls('PUT')
    expect(tags.map((t) => [t.path, t.raw.toString(), t.headers['content-type']])).toEqual([
      ['/v1/conversations/900/tags/billing', '#0 billing', 'text/plain'],
      ['/v1/conversations/900/tags/a%20b', '#1 a b', 'text/plain'],
    ])
    const relayed = ctx.helpdesk.calls('POST', /900\/messages$/).map((m) => m.json)
    expect(relayed).toEqual([
      { from: 'bot', who: 'Assistant', text: 'two', tags: ['tag-billing', 'tag-a b'] },
      { from: 'user', who: 'Ada', text: 'three', tags: ['tag-billing', 'tag-a b'] },
      { from: 'bot', who: 'Assistant', text: 'four', tags: ['tag-billing', 'tag-a b'] },
    ])
  })

  it('uploads raw bytes, posts multipart files, and sends a bloc whole when the manifest has a bloc operation', async () => {
    const files = ctx.helpdesk.filesUrl
    expect(
      (await bp.send(conversationId, 'image', { imageUrl: `${files}/cat.png`, title: 'Cat', userId })).status
    ).toBe(200)
    const [upload] = ctx.helpdesk.calls('POST', /uploads$/)
    expect(Buffer.compare(upload!.raw, FILE_BYTES)).toBe(0)
    expect(upload!.headers['content-type']).toBe('image/png')
    expect(ctx.helpdesk.calls('POST', /900\/messages$/).at(-1)!.json).toEqual({ upload: 'up-1', caption: 'Cat' })

    expect((await bp.send(conversationId, 'file', { fileUrl: `${files}/report.pdf`, userId })).status).toBe(200)
    const [multipart] = ctx.helpdesk.calls('POST', /files$/)
    expect(multipart!.multipart).toEqual({
      fields: { note: 'report.pdf' },
      files: [
        { field: 'attachments[]', fileName: 'report.pdf', contentType: 'application/pdf', size: FILE_BYTES.length },
      ],
    })

    const audio = await bp.send(conversationId, 'audio', { audioUrl: `${files}/a.ogg` })
    expect(audio.status).toBe(200)
    // No message id in the answer: marked relayed all the same (stopHitl waits for what is not)
    expect(ctx.api.messages.get(audio.message.id)!.tags).toEqual({ relayed: 'posted' })

    await bp.send(conversationId, 'bloc', {
      items: [
        { type: 'text', payload: { text: 'A' } },
        { type: 'markdown', payload: { markdown: '*B*' } },
      ],
    })
    expect(ctx.helpdesk.calls('POST', /900\/messages$/).at(-1)!.json).toEqual({ text: 'A\n*B*' })
  })

  function signed(body: string, options: { ts?: number; secret?: string } = {}) {
    const ts = String(options.ts ?? Date.now())
    const sig = hmac('sha512', options.secret ?? HOOK_SECRET, `${ts}.POST.${WEBHOOK_URL}.${body}`, 'hex')
    return {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-ks-timestamp': ts,
        'x-ks-signature': `t=${ts},v1=deadbeef,v1=${sig}`,
      },
      body,
    }
  }
  const form = (events: unknown[]) => new URLSearchParams({ payload: JSON.stringify({ events }) }).toString()

  it('answers the unsigned challenge before verifying, and the signed ping after', async () => {
    const challenge = await bp.webhook({ query: 'challenge=abc123', headers: {}, body: '' })
    expect(challenge).toMatchObject({ status: 200, body: 'abc123' })
    expect(challenge.headers['content-type']).toBe('text/plain')
    const unsignedPing = await bp.webhook({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=ping',
    })
    expect(unsignedPing.status).toBe(401)
    expect(await bp.webhook(signed('type=ping'))).toMatchObject({ status: 202, body: { pong: true } })
  })

  it('splits a signed form-encoded batch into events: message with attachments, assignment with a follow-up request, close', async () => {
    const events = [
      { type: 'bounce', conversation: 900 },
      {
        type: 'message',
        conversation: 900,
        id: 5,
        author: { role: 'agent', id: 3, name: 'Kim', avatar: 'https://k.example/kim.png' },
        html: '<p>Hi &amp; bye</p>',
        files: [{ href: 'https://k.example/f.pdf', filename: 'f.pdf', mime: 'application/pdf' }],
      },
      { type: 'message', conversation: 900, id: 6, author: { role: 'customer', id: 9 }, html: 'echo' },
      { type: 'assigned', conversation: 900, agent: 3 },
      { type: 'closed', conversation: 900 },
    ]
    const res = await bp.webhook(signed(form(events)))
    expect(res.status).toBe(200)
    const incoming = ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming')
    expect(incoming.map((m) => [m.type, m.payload, m.tags.id])).toEqual([
      ['text', { text: 'Hi & bye' }, '5'],
      ['file', { fileUrl: 'https://k.example/f.pdf', title: 'f.pdf' }, '5#1'],
    ])
    expect(ctx.helpdesk.calls('GET', /agents\/3$/)).toHaveLength(1)
    expect(ctx.api.events.map((e) => e.type)).toEqual(['hitlAssigned', 'hitlStopped'])
  })

  it('refuses a stale timestamp and a wrong secret', async () => {
    expect((await bp.webhook(signed(form([]), { ts: Date.now() - 120_000 }))).status).toBe(401)
    expect((await bp.webhook(signed(form([]), { secret: 'nope' }))).status).toBe(401)
  })

  it('takes an accepted error status as success, and unregisters', async () => {
    expect(await bp.action('stopHitl', { conversationId })).toEqual({})
    expect((await bp.unregister()).status).toBe(200)
    expect(ctx.helpdesk.calls('DELETE', /hooks\/h1$/)).toHaveLength(1)
  })

  it("finds signatures in a composite header with the manifest's pattern, run by RE2, every match tried", async () => {
    const m = parse(TEXT)
    m.inbound.verify = {
      type: 'hmac',
      algorithm: 'sha256',
      secret: '{{ config.signingSecret }}',
      signature: { header: 'X-Composite-Signature', encoding: 'hex', pattern: 'v1=([0-9a-f]+)' },
    }
    m.inbound.format = 'json'
    m.events.split = 'body'
    const bp = caller(
      ctx,
      {
        manifest: stringify(m),
        settings: { apiKey: API_KEY, account: 'acme', signingSecret: HOOK_SECRET, publicKey: 'x' },
        apiBaseUrl: `${ctx.helpdesk.url}/v1`,
      },
      null
    )
    const body = JSON.stringify({ type: 'closed', conversation: 900 })
    const good = hmac('sha256', HOOK_SECRET, body, 'hex')
    const deliver = (header: string) =>
      bp.webhook({ headers: { 'content-type': 'application/json', 'x-composite-signature': header }, body })
    // A rotated secret's signature first, the good one second: every match is tried.
    expect((await deliver(`t=1764050000,v1=${'0'.repeat(64)},v1=${good}`)).status).toBe(200)
    expect((await deliver(`t=1764050000,v1=${'0'.repeat(64)}`)).status).toBe(401)
    // A long header of near-matches is read in linear time (a backtracking pattern could not stall the process).
    expect((await deliver(`v1=${'a'.repeat(200_000)}x`)).status).toBe(401)
  })

  it('verifies RSA-SHA256 signatures with the configured public key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const m = parse(TEXT)
    m.inbound.verify = {
      type: 'rsa',
      algorithm: 'sha256',
      publicKey: '{{ config.publicKey }}',
      signature: { header: 'X-Freshchat-Signature', encoding: 'base64' },
    }
    m.inbound.format = 'json'
    m.events.split = 'body'
    const rsa = caller(
      ctx,
      {
        manifest: stringify(m),
        settings: {
          apiKey: API_KEY,
          account: 'acme',
          signingSecret: 'x',
          publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
        apiBaseUrl: `${ctx.helpdesk.url}/v1`,
      },
      null
    )
    const body = JSON.stringify({ type: 'closed', conversation: 900 })
    const good = sign('sha256', Buffer.from(body), privateKey).toString('base64')
    expect(
      (await rsa.webhook({ headers: { 'content-type': 'application/json', 'x-freshchat-signature': good }, body }))
        .status
    ).toBe(200)
    expect(
      (
        await rsa.webhook({
          headers: { 'content-type': 'application/json', 'x-freshchat-signature': good },
          body: body.replace('900', '901'),
        })
      ).status
    ).toBe(401)
  })

  it('verifies JWT webhooks against the key set, checks issuer, audience and age, and follows key rotation', async () => {
    const keyPair = (kid: string) => {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
      return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } }
    }
    const first = keyPair('k1')
    const second = keyPair('k2')
    let published = [first.jwk]
    let keySetFetches = 0
    ctx.helpdesk.on('GET', '/.well-known/jwks.json', () => (keySetFetches++, { body: { keys: published } }))
    const m = parse(TEXT)
    m.inbound.verify = {
      type: 'jwt',
      header: 'X-Hook-JWT',
      jwksUrl: '/.well-known/jwks.json',
      issuer: 'org:{{ config.account }}',
      audience: 'hook:{{ state.hookId }}',
      maxAgeSeconds: 600,
    }
    m.inbound.format = 'json'
    m.events.split = 'body'
    const jwt = caller(
      ctx,
      {
        manifest: stringify(m),
        settings: { apiKey: API_KEY, account: 'acme', signingSecret: 'x' },
        apiBaseUrl: `${ctx.helpdesk.url}/v1`,
      },
      null
    )
    ctx.api.states.set(`integration/${IDS.integrationId}/lifecycle`, { payload: { values: { hookId: 'h1' } } } as any)
    const token = (key: typeof first, claims: Record<string, unknown>) => {
      const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')
      const input = `${part({ alg: 'RS256', kid: key.kid })}.${part(claims)}`
      return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`
    }
    const now = Math.floor(Date.now() / 1000)
    const good = { iss: 'org:acme', aud: 'hook:h1', iat: now, exp: now + 300 }
    const body = JSON.stringify({ type: 'closed', conversation: 900 })
    const deliver = async (t: string) => {
      const res = await jwt.webhook({ headers: { 'content-type': 'application/json', 'x-hook-jwt': t }, body })
      return `${res.status} ${res.status === 200 ? '' : JSON.stringify(res.body)}`.trim()
    }

    expect(await deliver(token(first, good))).toBe('200')
    expect(await deliver(token(first, { ...good, aud: 'hook:other' }))).toMatch(/^401 .*claim aud/)
    expect(await deliver(token(first, { ...good, iss: 'org:evil' }))).toMatch(/^401 .*claim iss/)
    expect(await deliver(token(first, { ...good, iat: now - 3600, exp: now - 3000 }))).toMatch(/^401 .*expired/)
    expect(await deliver(token(first, { ...good, iat: now - 1200, exp: now + 300 }))).toMatch(/^401 .*iat/)
    expect(await deliver(token(first, good).slice(0, -6) + 'AAAAAA')).toMatch(/^401 .*signature/)
    expect(keySetFetches, 'the key set is fetched once and cached').toBe(1)

    // The vendor rotates its key: a token naming the new key makes the runtime fetch the set again, once.
    published = [first.jwk, second.jwk]
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 })
    try {
      const later = { ...good, iat: now + 60, exp: now + 360 }
      expect(await deliver(token(second, later))).toBe('200')
      expect(await deliver(token(second, later))).toBe('200')
      expect(keySetFetches).toBe(2)
      // A forged key id does not make it fetch again within the cool-down.
      expect(await deliver(token(keyPair('forged'), later))).toMatch(/^401 .*no key/)
      expect(keySetFetches).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })
})
