/**
 * Faults between the integration and the helpdesk: rate limits, server errors, timeouts, expired OAuth2 tokens,
 * vendor errors, malformed webhooks. Each ends as it should, with nothing lost, duplicated or leaked.
 * The manifest is pasted into the default configuration, as a bot builder with their own manifest would.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()
const SECRET = 'tiny-client-secret-42'
const manifest = () => readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')

describe('faults', () => {
  let bp: ReturnType<typeof caller>
  let tokens = 0
  let customers = 0
  beforeEach(() => {
    ctx.helpdesk.requests.length = 0
    ctx.helpdesk
      .on('POST', '/api/oauth/token', () => ({
        body: { access_token: `token-${++tokens}`, token_type: 'bearer', expires_in: 3600 },
      }))
      .on('POST', '/api/customers', () => ({ status: 201, body: { id: `cust-${++customers}` } }))
      .on('GET', '/api/queues/default', () => ({ body: { id: 'q1' } }))
      .on('POST', '/api/tickets', () => ({ status: 201, body: { id: 31 } }))
    bp = caller(
      ctx,
      {
        manifest: manifest(),
        settings: { clientId: 'cid', clientSecret: SECRET, webhookToken: 'hook-token-1234' },
        apiBaseUrl: `${ctx.helpdesk.url}/api`,
      },
      null
    )
  })

  const calls = (method: string, path: RegExp) => ctx.helpdesk.calls(method, path)

  it('waits as Retry-After says on 429, then succeeds once', async () => {
    let n = 0
    ctx.helpdesk.on('POST', '/api/customers', () =>
      ++n === 1
        ? { status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } }
        : { status: 201, body: { id: 'cust-429' } }
    )
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const sent = calls('POST', /customers$/)
    expect(sent).toHaveLength(2)
    expect(ctx.api.users.get(userId)!.tags.id).toBe('cust-429')
    expect(sent[1]!.headers.authorization).toMatch(/^Bearer token-\d+$/)
  })

  it('reads answers compressed as the helpdesk chose (gzip, deflate, br), and says so when one does not decode', async () => {
    const compress = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync }
    for (const [encoding, squeeze] of Object.entries(compress)) {
      ctx.helpdesk.on('POST', '/api/customers', () => ({
        status: 201,
        headers: { 'content-encoding': encoding },
        body: squeeze(JSON.stringify({ id: `cust-${encoding}` })),
      }))
      const { userId } = await bp.action('createUser', { name: 'Ada' })
      expect(ctx.api.users.get(userId)!.tags.id, encoding).toBe(`cust-${encoding}`)
      expect(calls('POST', /customers$/).at(-1)!.headers['accept-encoding']).toBe('gzip, deflate, br')
    }
    ctx.helpdesk.on('POST', '/api/customers', () => ({
      status: 201,
      headers: { 'content-encoding': 'gzip' },
      body: Buffer.from('not gzip at all'),
    }))
    const before = calls('POST', /customers$/).length
    await expect(bp.action('createUser', { name: 'Ada' })).rejects.toThrow(/the answer broke off/)
    // A POST whose answer was lost may have been applied: not sent again.
    expect(calls('POST', /customers$/).length).toBe(before + 1)
  })

  it('fails at once when the vendor asks for a wait beyond the budget', async () => {
    ctx.helpdesk.on('POST', '/api/customers', () => ({
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { message: 'quota' },
    }))
    await expect(bp.action('createUser', { name: 'Ada' })).rejects.toThrow(
      /step 'createCustomer' \(POST \/customers\) rate limited: the helpdesk asks to wait 3600 s, more than the 2 s budget/
    )
    expect(calls('POST', /customers$/)).toHaveLength(1)
  })

  it('does not send a POST again after a 500 (it may have been applied): no duplicate ticket', async () => {
    let n = 0
    ctx.helpdesk.on('POST', '/api/tickets', () =>
      ++n === 1 ? { status: 500, body: { message: 'oops' } } : { status: 201, body: { id: 32 } }
    )
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    await expect(bp.action('startHitl', { userId, title: 'Help' })).rejects.toThrow(
      "step 'createTicket' (POST /tickets) HTTP 500 — oops (not retried: the helpdesk may have applied it)"
    )
    expect(calls('POST', /tickets$/)).toHaveLength(1)
  })

  it("fails a step the helpdesk answered 200 with the error inside, with the vendor's words (failWhen)", async () => {
    const strict = manifest().replace(
      '        request: { method: DELETE, path: "/tickets/{{ session.ticketId }}" }\n',
      '        request: { method: DELETE, path: "/tickets/{{ session.ticketId }}" }\n        failWhen: $count(response.body.messages) > 0\n'
    )
    expect(strict).toContain('failWhen')
    bp.configuration = { ...bp.configuration, manifest: strict }
    ctx.helpdesk.on('DELETE', '/api/tickets/:id', () => ({
      status: 200,
      body: { messages: ['Ticket could not be resolved: unresolved dependencies'] },
    }))
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Help' })
    await expect(bp.action('stopHitl', { conversationId })).rejects.toThrow(
      "step 'closeTicket' (DELETE /tickets/31) HTTP 200 — Ticket could not be resolved: unresolved dependencies"
    )
    ctx.helpdesk.on('DELETE', '/api/tickets/:id', () => ({ status: 200, body: { messages: [] } }))
    expect(await bp.action('stopHitl', { conversationId })).toEqual({})
  })

  it('accepts a status only when its condition holds: a name in use is fine, an e-mail in use is not', async () => {
    const tolerant = manifest().replace(
      '        capture: { customerId: response.body.id }',
      '        accept: [{ status: 409, when: "$contains($string(response.body.message), \'name already in use\')" }]\n        capture: { customerId: "response.body.id ? response.body.id : response.body.existing_id" }'
    )
    expect(tolerant).toContain('status: 409')
    bp.configuration = { ...bp.configuration, manifest: tolerant }
    ctx.helpdesk.on('POST', '/api/customers', () => ({
      status: 409,
      body: { message: 'name already in use', existing_id: 'cust-existing' },
    }))
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    expect(ctx.api.users.get(userId)!.tags.id).toBe('cust-existing')
    ctx.helpdesk.on('POST', '/api/customers', () => ({ status: 409, body: { message: 'e-mail already in use' } }))
    await expect(bp.action('createUser', { name: 'Ada' })).rejects.toThrow(
      "step 'createCustomer' (POST /customers) HTTP 409 — e-mail already in use"
    )
  })

  it('drops the echo of our own post even when the helpdesk announces it before answering the post', async () => {
    // tiny-desk's matcher takes every 'reply' event as an agent's: no author filter tells our posts apart.
    const hook = (event: unknown) =>
      bp.webhook({
        headers: { 'content-type': 'application/json', 'x-tiny-token': 'hook-token-1234' },
        body: JSON.stringify(event),
      })
    ctx.helpdesk.on('POST', '/api/tickets', () => ({ status: 201, body: { id: 3170 } }))
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Help' })
    ctx.helpdesk.on('POST', '/api/tickets/:id/notes', async (req, p) => {
      // The announcement of the note, delivered (and handled) before the note's creation is answered.
      const echo = {
        kind: 'reply',
        ticket: Number(p.id),
        id: 'n-70',
        agent: { id: 'cust-1', name: 'Ada' },
        text: req.json.text,
      }
      expect((await hook(echo)).status).toBe(200)
      return { status: 201, body: { id: 'n-70' } }
    })
    expect((await bp.send(conversationId, 'text', { text: 'It was order 1234', userId })).status).toBe(200)
    const incoming = () => ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming')
    expect(incoming()).toEqual([])
    // An agent's own reply, even with the same words, is still a message: the echo was used up.
    expect(
      (
        await hook({
          kind: 'reply',
          ticket: 3170,
          id: 'n-71',
          agent: { id: 'a-9', name: 'Sam' },
          text: 'It was order 1234',
        })
      ).status
    ).toBe(200)
    expect(incoming().map((m) => m.payload.text)).toEqual(['It was order 1234'])
  })

  it('retries a 500 of a step declared idempotent, and creates exactly one ticket', async () => {
    const idempotent = manifest().replace(
      '      - name: createTicket\n',
      '      - name: createTicket\n        idempotent: true\n'
    )
    expect(idempotent).toContain('idempotent: true')
    bp.configuration = { ...bp.configuration, manifest: idempotent }
    let n = 0
    ctx.helpdesk.on('POST', '/api/tickets', () =>
      ++n === 1 ? { status: 500, body: { message: 'oops' } } : { status: 201, body: { id: 32 } }
    )
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Help' })
    expect(calls('POST', /tickets$/)).toHaveLength(2)
    expect(ctx.api.conversations.get(conversationId)!.tags.id).toBe('32')
  })

  it("retries a step's own retryOn statuses within the budget, and no others", async () => {
    let n = 0
    ctx.helpdesk.on('GET', '/api/queues/default', () =>
      ++n < 3 ? { status: 409, body: { message: 'queue not ready' } } : { body: { id: 'q-ready' } }
    )
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Help' })
    expect(calls('GET', /queues/)).toHaveLength(3)
    expect(calls('POST', /tickets$/)[0]!.json.queue).toBe('q-ready')
    expect(ctx.api.conversations.get(conversationId)!.tags.id).toBe('31')

    ctx.helpdesk.on('GET', '/api/queues/default', () => ({ status: 409, body: { message: 'queue not ready' } }))
    await expect(bp.action('startHitl', { userId, title: 'Again' })).rejects.toThrow(
      "step 'lookupQueue' (GET /queues/default) HTTP 409 — queue not ready"
    )
    expect(calls('GET', /queues/)).toHaveLength(3 + 3)
    ctx.helpdesk.on('GET', '/api/queues/default', () => ({ status: 404, body: { message: 'no queue' } }))
    await expect(bp.action('startHitl', { userId, title: 'Once more' })).rejects.toThrow('HTTP 404 — no queue')
    expect(calls('GET', /queues/)).toHaveLength(3 + 3 + 1)
  })

  it('gives up after the retry budget with the vendor status and message', async () => {
    ctx.helpdesk.on('GET', '/api/queues/default', () => ({ status: 503, body: { message: 'maintenance' } }))
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    await expect(bp.action('startHitl', { userId, title: 'Help' })).rejects.toThrow(
      "step 'lookupQueue' (GET /queues/default) HTTP 503 — maintenance"
    )
    expect(calls('GET', /queues/)).toHaveLength(3)
  })

  it('retries a GET that times out, but never a POST (it may have been applied)', async () => {
    let n = 0
    ctx.helpdesk.on('GET', '/api/queues/default', () => (++n === 1 ? { hang: true } : { body: { id: 'q2' } }))
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Help' })
    expect(calls('GET', /queues/)).toHaveLength(2)
    expect(calls('POST', /tickets$/)[0]!.json.queue).toBe('q2')

    ctx.helpdesk.on('POST', '/api/tickets/:id/notes', () => ({ hang: true }))
    const res = await bp.send(conversationId, 'text', { text: 'hello' })
    expect(res.status).toBe(400)
    expect(res.body.message).toContain(
      "step 'addNote' (POST /tickets/31/notes) timed out after 2000 ms; the helpdesk may have applied it, so it was not retried (no duplicate)"
    )
    expect(calls('POST', /notes$/)).toHaveLength(1)
  })

  it('fetches an OAuth2 token once, and a new one when the API answers 401', async () => {
    const before = tokens
    await bp.action('createUser', { name: 'A' })
    await bp.action('createUser', { name: 'B' })
    expect(tokens - before).toBeLessThanOrEqual(1) // cached across calls
    const form = calls('POST', /oauth\/token$/).at(-1)
    if (form) expect(form.form).toEqual({ grant_type: 'client_credentials', client_id: 'cid', client_secret: SECRET })

    let rejected = 0
    ctx.helpdesk.on('POST', '/api/customers', (req) => {
      if (req.headers.authorization === `Bearer token-${tokens}` && rejected === 0)
        return (rejected++, { status: 401, body: { message: 'token expired' } })
      return { status: 201, body: { id: 'cust-after-refresh' } }
    })
    const tokensBefore = tokens
    const { userId } = await bp.action('createUser', { name: 'C' })
    expect(ctx.api.users.get(userId)!.tags.id).toBe('cust-after-refresh')
    expect(tokens).toBe(tokensBefore + 1)
    const [first, second] = calls('POST', /customers$/).slice(-2)
    expect(first!.headers.authorization).not.toBe(second!.headers.authorization)
  })

  it('reports a vendor error with step, call, status and message, and no secret', async () => {
    ctx.helpdesk.on('POST', '/api/customers', () => ({
      status: 422,
      body: { errors: [{ message: 'name is too short' }, { message: `secret ${SECRET} echoed` }] },
    }))
    const err = await bp.action('createUser', { name: 'A' }).catch((e: Error) => e)
    expect(String(err)).toContain(
      "step 'createCustomer' (POST /customers) HTTP 422 — name is too short; secret *** echoed"
    )
    expect(String(err)).not.toContain(SECRET)
  })

  it('answers 400 to a malformed webhook and 401 to a wrong token, creating nothing', async () => {
    const before = ctx.api.messages.size
    const good = { 'content-type': 'application/json', 'x-tiny-token': 'hook-token-1234' }
    expect((await bp.webhook({ headers: good, body: '{"kind": "reply", ' })).status).toBe(400)
    expect((await bp.webhook({ headers: { ...good, 'x-tiny-token': 'nope' }, body: '{}' })).status).toBe(401)
    expect(
      (
        await bp.webhook({
          headers: good,
          body: JSON.stringify({ kind: 'reply', ticket: 404404, id: 1, agent: { id: 2 }, text: 'x' }),
        })
      ).status
    ).toBe(200)
    expect(ctx.api.messages.size).toBe(before)
  })

  it('refuses a pasted manifest that is invalid, saying where', async () => {
    bp.configuration = { ...bp.configuration, manifest: 'manifestVersion: 1\nid: Bad\n' }
    const res = await bp.register()
    expect(res.status).toBe(400)
    expect(res.body.message).toContain('The provider manifest is invalid:')
    expect(res.body.message).toContain('<configuration: manifest>:2:5: id: must match the pattern')
    expect(res.body.message).toContain("<configuration: manifest>:1:1: (root): missing required field 'title'")
  })
})

describe('a failing action, as its logs say it', () => {
  it('is logged once, with the vendor’s words, not once by the integration and again by the SDK', async () => {
    ctx.helpdesk.on('POST', '/api/oauth/token', () => ({ body: { access_token: 'token-log', expires_in: 3600 } }))
    const bp = caller(
      ctx,
      {
        manifest: manifest(),
        settings: { clientId: 'cid', clientSecret: SECRET, webhookToken: 'hook-token-1234' },
        apiBaseUrl: `${ctx.helpdesk.url}/api`,
      },
      null
    )
    const lines: string[] = []
    for (const level of ['error', 'warn', 'info', 'log'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')))
    try {
      ctx.helpdesk.on('POST', '/api/customers', () => ({ status: 422, body: { message: 'email already taken' } }))
      await expect(bp.action('createUser', { name: 'Dup' })).rejects.toThrow('email already taken')
      expect(lines.filter((l) => l.includes('email already taken'))).toHaveLength(1)
    } finally {
      vi.restoreAllMocks()
    }
  })
})
