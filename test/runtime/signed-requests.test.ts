/**
 * Auth that sees the request (kind hmacRequest): every request is signed over what is actually sent (method, path
 * with its query, timestamp, body bytes, a multipart form included), with a key given in hex. The helpdesk stand-in
 * checks each signature the way the vendor documents it, independently of the runtime, and refuses a wrong one.
 */
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import type { Recorded } from '../../testkit/helpdesk'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()
const TINY = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
const KEY_HEX = '8f3a1c9e0b7d4a2f6e5c3b1a09f8e7d6'

/** tiny-desk signing its requests the way a vendor asks: HMAC-SHA256 of method, path, timestamp and body. */
function signing(keyEncoding: 'hex' | 'text'): string {
  const m = parse(TINY)
  m.configuration.signingKey = { type: 'string', title: 'Signing key', description: 'Hex key.', secret: true }
  m.http.auth = {
    type: 'hmacRequest',
    secret: '{{ config.signingKey }}',
    keyEncoding,
    signedString: '{{ request.method }}\n{{ request.path }}\n{{ request.timestamp }}\n{{ request.body }}',
    header: 'X-Desk-Signature',
    prefix: 'v1=',
    timestampHeader: 'X-Desk-Timestamp',
    headers: { 'X-Desk-Key-Id': 'key-1' },
  }
  m.messages.image = {
    steps: [
      {
        name: 'uploadImage',
        request: {
          method: 'POST',
          path: '/tickets/{{ session.ticketId }}/files',
          query: { kind: 'image' },
          body: {
            multipart: {
              fields: { note: '{{ message.title }}' },
              files: [{ field: 'file', url: '{{ message.url }}' }],
            },
          },
        },
      },
    ],
  }
  return stringify(m)
}

/** What the vendor checks: the signature of the request it received, with the key's bytes. */
function signedByVendor(r: Recorded): boolean {
  const expected = createHmac('sha256', Buffer.from(KEY_HEX, 'hex'))
    .update(`${r.method}\n${r.target}\n${r.headers['x-desk-timestamp']}\n${r.raw.toString('utf8')}`)
    .digest('hex')
  return r.headers['x-desk-signature'] === `v1=${expected}` && r.headers['x-desk-key-id'] === 'key-1'
}

describe('requests signed as the vendor asks', () => {
  it('signs every request over what is sent, JSON, multipart and query included', async () => {
    let tickets = 0
    const guarded = (answer: () => { status?: number; body?: unknown }) => (r: Recorded) =>
      signedByVendor(r) ? answer() : { status: 401, body: { message: 'bad signature' } }
    ctx.helpdesk
      .on(
        'POST',
        '/api/customers',
        guarded(() => ({ status: 201, body: { id: 'cust-signed' } }))
      )
      .on(
        'GET',
        '/api/queues/default',
        guarded(() => ({ body: { id: 'q1' } }))
      )
      .on(
        'POST',
        '/api/tickets',
        guarded(() => ({ status: 201, body: { id: ++tickets } }))
      )
      .on(
        'POST',
        '/api/tickets/:id/files',
        guarded(() => ({ status: 201, body: { id: 'f1' } }))
      )
    const bp = caller(
      ctx,
      {
        manifest: signing('hex'),
        settings: { signingKey: KEY_HEX, clientId: 'c', clientSecret: 's', webhookToken: 't' },
        apiBaseUrl: `${ctx.helpdesk.url}/api`,
      },
      null
    )
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Signed', messageHistory: [] })
    const image = await bp.send(conversationId, 'image', {
      imageUrl: `${ctx.helpdesk.filesUrl}/label.png`,
      title: 'Label',
    })
    expect(image.status, JSON.stringify(image.body)).toBe(200)
    const [upload] = ctx.helpdesk.calls('POST', /files$/)
    expect(upload!.multipart!.files[0]).toMatchObject({ field: 'file', fileName: 'label.png' })
    expect(upload!.target).toMatch(/\?kind=image$/)
    expect(
      ctx.helpdesk
        .calls()
        .filter((r) => r.path.startsWith('/api'))
        .every(signedByVendor)
    ).toBe(true)
  })

  it('fails where the vendor refuses when the key is read the wrong way (text instead of hex)', async () => {
    const bp = caller(
      ctx,
      {
        manifest: signing('text'),
        settings: { signingKey: KEY_HEX, clientId: 'c', clientSecret: 's', webhookToken: 't' },
        apiBaseUrl: `${ctx.helpdesk.url}/api`,
      },
      null
    )
    await expect(bp.action('createUser', { name: 'Bea' })).rejects.toThrow(
      "step 'createCustomer' (POST /customers) HTTP 401"
    )
  })
})
