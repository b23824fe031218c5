/**
 * A whole HITL session against Zendesk (ticket model), through the bundled integration's handler:
 * register → createUser → startHitl with a history of every type → end-user and bot messages of every type →
 * signed agent reply (and its redelivery and echoes) → assignment → solving → stopHitl → unregister.
 * Every request to the helpdesk and every call to Botpress is asserted.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { IDS } from '../support/botpress'
import { FILE_BYTES } from '../../testkit/helpdesk'
import { caller, useStandIns } from '../support/session'
import { hmac } from '../../testkit/signing'
import { HISTORY_LINES, historyOfEveryType } from '../fixtures/history'

const ctx = useStandIns()
const SECRET = 'zd-signing-secret-0123456789'
const TOKEN = 'zd-api-token-abcdef123456'

function zendeskWebhook(body: unknown, options: { secret?: string; at?: Date } = {}) {
  const raw = JSON.stringify(body)
  const ts = (options.at ?? new Date()).toISOString()
  return {
    headers: {
      'content-type': 'application/json',
      'x-zendesk-webhook-signature-timestamp': ts,
      'x-zendesk-webhook-signature': hmac('sha256', options.secret ?? SECRET, ts + raw, 'base64'),
    },
    body: raw,
  }
}

const commentAdded = (
  ticketId: number,
  comment: { id: number; author: { id: number; name: string; is_staff: boolean }; body: string; is_public?: boolean }
) => ({
  type: 'zen:event-type:ticket.comment_added',
  account_id: 1,
  id: `evt-${comment.id}`,
  time: new Date().toISOString(),
  zendesk_event_version: '2022-11-06',
  subject: `zen:ticket:${ticketId}`,
  detail: { id: String(ticketId), status: 'OPEN', requester_id: '9001' },
  event: {
    comment: {
      is_public: true,
      ...comment,
      author: { ...comment.author, id: String(comment.author.id) },
      id: String(comment.id),
    },
  },
})

describe('Zendesk session', () => {
  let bp: ReturnType<typeof caller>
  let comment = 7000
  let webhooks = 0

  beforeAll(() => {
    const { helpdesk } = ctx
    helpdesk
      .on('GET', '/api/v2/users/:id.json', (_, p) => ({
        body: {
          user: {
            id: Number(p.id),
            name: 'Alice Agent',
            email: 'alice@acme.test',
            photo: { content_url: 'https://acme.test/alice.png' },
          },
        },
      }))
      .on('GET', '/api/v2/users/me.json', () => ({ body: { user: { id: 42, name: 'API agent' } } }))
      // An agent's comment read back for its files: none here (the provider fixture has them).
      .on('GET', '/api/v2/tickets/:id/comments.json', () => ({ body: { comments: [] } }))
      .on('POST', '/api/v2/webhooks', () => ({ status: 201, body: { webhook: { id: `wh${++webhooks}` } } }))
      .on('GET', '/api/v2/webhooks/:id/signing_secret', () => ({
        body: { signing_secret: { algorithm: 'SHA256', secret: SECRET } },
      }))
      .on('DELETE', '/api/v2/webhooks/:id', () => ({ status: 204 }))
      .on('POST', '/api/v2/users/create_or_update.json', () => ({ status: 201, body: { user: { id: 9001 } } }))
      .on('POST', '/api/v2/tickets.json', () => ({ status: 201, body: { ticket: { id: 501 } } }))
      .on('PUT', '/api/v2/tickets/:id.json', () => ({
        body: {
          ticket: { id: 501 },
          audit: {
            events: [
              { id: 1, type: 'Change' },
              { id: ++comment, type: 'Comment' },
            ],
          },
        },
      }))
      .on('POST', '/api/v2/uploads.json', (req) => ({
        status: 201,
        body: { upload: { token: `tok-${req.query.filename}` } },
      }))
    bp = caller(
      ctx,
      { subdomain: 'acme', email: 'bot@acme.test', apiToken: TOKEN, apiBaseUrl: `${helpdesk.url}/api/v2` },
      'zendesk'
    )
  })

  it('registers one webhook subscription, even when registered twice', async () => {
    expect((await bp.register()).status).toBe(200)
    const created = ctx.helpdesk.calls('POST', /\/webhooks$/)
    expect(created).toHaveLength(1)
    expect(created[0]!.json.webhook).toMatchObject({
      endpoint: `https://webhook.botpress.cloud/${IDS.webhookId}`,
      subscriptions: [
        'zen:event-type:ticket.comment_added',
        'zen:event-type:ticket.agent_assignment_changed',
        'zen:event-type:ticket.status_changed',
      ],
    })
    expect(created[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from(`bot@acme.test/token:${TOKEN}`).toString('base64')}`
    )
    const state = ctx.api.states.get(`integration/${IDS.integrationId}/lifecycle`)
    expect(state?.payload.values).toEqual({ selfId: '42', webhookId: 'wh1', signingSecret: SECRET })

    expect((await bp.register()).status).toBe(200)
    expect(ctx.helpdesk.calls('DELETE', /\/webhooks\/wh1$/)).toHaveLength(1)
    expect(ctx.helpdesk.calls('POST', /\/webhooks$/)).toHaveLength(2)
    expect(ctx.api.states.get(`integration/${IDS.integrationId}/lifecycle`)?.payload.values.webhookId).toBe('wh2')
  })

  let userId: string
  let conversationId: string

  it('creates the end user on both sides, linked', async () => {
    ;({ userId } = await bp.action('createUser', {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      pictureUrl: 'https://example.com/ada.png',
    }))
    const [req] = ctx.helpdesk.calls('POST', /create_or_update/)
    expect(req!.json).toEqual({
      user: {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        remote_photo_url: 'https://example.com/ada.png',
        external_id: userId,
        role: 'end-user',
        verified: true,
      },
    })
    expect(ctx.api.users.get(userId)).toMatchObject({ name: 'Ada Lovelace', tags: { id: '9001' } })
  })

  it('leaves out a picture URL Zendesk would refuse the whole user for (over 255 characters)', async () => {
    const before = ctx.helpdesk.calls('POST', /create_or_update/).length
    const long = `https://example.com/${'a'.repeat(240)}.png`
    await bp.action('createUser', { name: 'Grace Hopper', email: 'grace@example.com', pictureUrl: long })
    const req = ctx.helpdesk.calls('POST', /create_or_update/)[before]!
    expect(req.json.user).toMatchObject({ name: 'Grace Hopper', email: 'grace@example.com' })
    expect(req.json.user).not.toHaveProperty('remote_photo_url')
  })

  it('opens a ticket with the extra fields and the whole history as its first comment', async () => {
    const messageHistory = historyOfEveryType(userId, ctx.helpdesk.url)
    ;({ conversationId } = await bp.action('startHitl', {
      userId,
      title: 'Late order',
      description: 'Order 1234 has not arrived',
      hitlSession: { priority: 'high', tags: ['vip'], groupId: 360, assigneeId: '77', organizationId: 12, brandId: 3 },
      messageHistory,
    }))
    const [req] = ctx.helpdesk.calls('POST', /\/tickets\.json$/)
    const ticket = req!.json.ticket
    expect(ticket).toMatchObject({
      subject: 'Late order',
      requester_id: 9001,
      priority: 'high',
      group_id: 360,
      assignee_id: 77,
      organization_id: 12,
      brand_id: 3,
      tags: ['botpress-hitl', 'vip'],
    })
    expect(ticket.type).toBeUndefined()
    expect(ticket.comment).toMatchObject({ public: true, author_id: 9001 })
    expect(
      ticket.comment.body.startsWith(
        'Order 1234 has not arrived\n\nConversation so far:\nAda Lovelace: Hello, my order is late\nBot: Sorry'
      )
    ).toBe(true)
    for (const line of HISTORY_LINES) expect(ticket.comment.body).toContain(line)
    // What startHitl keeps (no secret, a few characters; here no chatbotName, so nothing) rides on the
    // conversation: a message reads it for free.
    expect(ctx.api.conversations.get(conversationId)).toMatchObject({
      channel: 'hitl',
      tags: { id: '501', data: '{}' },
    })
    expect(ctx.api.states.get(`conversation/${conversationId}/hitlSession`)).toBeUndefined()
    // concatenate strategy: nothing else was posted; the ticket was only linked back to the conversation.
    expect(ctx.helpdesk.calls('PUT').map((r) => r.json)).toEqual([{ ticket: { external_id: conversationId } }])
  })

  it('posts end-user and bot messages of every type, and acks their comment ids', async () => {
    const files = ctx.helpdesk.filesUrl
    const sends: [string, Record<string, unknown>][] = [
      ['text', { text: 'It was order 1234', userId }],
      ['text', { text: 'An agent will be with you shortly' }],
      ['image', { imageUrl: `${files}/photo.png`, title: 'Damaged box', userId }],
      ['audio', { audioUrl: `${files}/voice.ogg`, userId }],
      ['video', { videoUrl: `${files}/clip.mp4`, userId }],
      ['file', { fileUrl: `${files}/invoice.pdf`, userId, additionalData: 'opaque' }],
      [
        'bloc',
        {
          items: [
            { type: 'text', payload: { text: 'Bloc line' } },
            { type: 'file', payload: { fileUrl: `${files}/terms.pdf` } },
          ],
          userId,
        },
      ],
    ]
    for (const [type, payload] of sends) {
      const res = await bp.send(conversationId, type, payload)
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200)
      expect(ctx.api.messages.get(res.message.id)!.tags.id, type).toMatch(/^70\d\d$/)
    }
    // The comments (the first PUT linked the ticket back to its conversation).
    const puts = ctx.helpdesk.calls('PUT', /\/tickets\/501\.json$/).filter((p) => p.json.ticket.comment)
    const comments = puts.map((p) => p.json.ticket.comment)
    expect(comments.map((c) => c.author_id)).toEqual([9001, undefined, 9001, 9001, 9001, 9001, 9001, 9001])
    expect(comments[0]).toEqual({ public: true, author_id: 9001, body: 'It was order 1234' })
    expect(comments[1]).toEqual({ public: true, body: '[Bot] An agent will be with you shortly' })
    expect(comments[2]).toMatchObject({ body: 'Damaged box', uploads: ['tok-photo.png'] })
    expect(comments[3]).toMatchObject({ body: 'voice.ogg', uploads: ['tok-voice.ogg'] }) // audio goes as a file
    expect(comments[4]).toMatchObject({ body: 'clip.mp4', uploads: ['tok-clip.mp4'] })
    expect(comments[5]).toMatchObject({ body: 'invoice.pdf', uploads: ['tok-invoice.pdf'] })
    expect(comments[6]).toEqual({ public: true, author_id: 9001, body: 'Bloc line' }) // a bloc goes item by item
    expect(comments[7]).toMatchObject({ body: 'terms.pdf', uploads: ['tok-terms.pdf'] })
    const uploads = ctx.helpdesk.calls('POST', /uploads\.json$/)
    expect(uploads).toHaveLength(5)
    for (const u of uploads) expect(Buffer.compare(u.raw, FILE_BYTES)).toBe(0)
    expect(uploads[0]!.headers['content-type']).toBe('image/png')
  })

  it('turns a signed agent reply into one agent message, never twice, and drops echoes', async () => {
    const reply = commentAdded(501, {
      id: 8001,
      author: { id: 77, name: 'Alice Agent', is_staff: true },
      body: 'Hi Ada, I am on it',
    })
    expect((await bp.webhook(zendeskWebhook(reply))).status).toBe(200)
    expect((await bp.webhook(zendeskWebhook(reply))).status).toBe(200) // redelivery
    const agentMessages = ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming')
    expect(agentMessages).toHaveLength(1)
    const agent = ctx.api.users.get(agentMessages[0]!.userId)!
    expect(agent).toMatchObject({ name: 'Alice Agent', tags: { agentId: '77' } })
    expect(agentMessages[0]).toMatchObject({
      type: 'text',
      payload: { text: 'Hi Ada, I am on it' },
      tags: { id: '8001' },
    })

    const echoes = [
      commentAdded(501, {
        id: 8002,
        author: { id: 9001, name: 'Ada Lovelace', is_staff: false },
        body: 'It was order 1234',
      }),
      commentAdded(501, {
        id: 8003,
        author: { id: 42, name: 'API agent', is_staff: true },
        body: '[Bot] An agent will be with you shortly',
      }),
      commentAdded(501, {
        id: 8004,
        author: { id: 77, name: 'Alice Agent', is_staff: true },
        body: 'internal',
        is_public: false,
      }),
      commentAdded(999, { id: 8005, author: { id: 77, name: 'Alice Agent', is_staff: true }, body: 'other ticket' }),
      { type: 'zen:event-type:ticket.priority_changed', detail: { id: '501' }, event: { current: 'HIGH' } },
    ]
    for (const e of echoes) expect((await bp.webhook(zendeskWebhook(e))).status).toBe(200)
    expect(ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming')).toHaveLength(1)
  })

  it('refuses a bad signature and a replayed webhook with 401, changing nothing', async () => {
    const reply = commentAdded(501, {
      id: 8101,
      author: { id: 77, name: 'Alice Agent', is_staff: true },
      body: 'forged',
    })
    const before = ctx.api.messages.size
    expect((await bp.webhook(zendeskWebhook(reply, { secret: 'wrong' }))).status).toBe(401)
    expect((await bp.webhook(zendeskWebhook(reply, { at: new Date(Date.now() - 10 * 60_000) }))).status).toBe(401)
    const tampered = zendeskWebhook(reply)
    expect((await bp.webhook({ ...tampered, body: tampered.body.replace('forged', 'changed') })).status).toBe(401)
    expect(ctx.api.messages.size).toBe(before)
  })

  it('signals the assignment with the agent’s Botpress user', async () => {
    const assigned = {
      type: 'zen:event-type:ticket.agent_assignment_changed',
      detail: { id: '501', assignee_id: '77' },
      event: { current: '77', previous: null },
    }
    expect((await bp.webhook(zendeskWebhook(assigned))).status).toBe(200)
    const [event] = ctx.api.events.filter((e) => e.type === 'hitlAssigned')
    const agent = [...ctx.api.users.values()].find((u) => u.tags.agentId === '77')!
    expect(event).toMatchObject({ payload: { conversationId, userId: agent.id }, conversationId })
    expect(agent).toMatchObject({ pictureUrl: 'https://acme.test/alice.png' })
    expect(ctx.helpdesk.calls('GET', /\/users\/77\.json$/)).toHaveLength(1)
  })

  it('signals the end when the ticket is solved', async () => {
    const solved = {
      type: 'zen:event-type:ticket.status_changed',
      detail: { id: '501' },
      event: { current: 'SOLVED', previous: 'OPEN' },
    }
    expect((await bp.webhook(zendeskWebhook(solved))).status).toBe(200)
    expect(ctx.api.events.filter((e) => e.type === 'hitlStopped')).toEqual([
      expect.objectContaining({ payload: { conversationId } }),
    ])
    // Said on the conversation once announced: what comes after reads it with the conversation and is dropped.
    const closed = ctx.api.conversations.get(conversationId)!.tags.closed
    expect(Date.parse(closed)).not.toBeNaN()
    const incoming = () => ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming').length
    const before = incoming()
    const late = commentAdded(501, {
      id: ++comment,
      author: { id: 77, name: 'Alice Agent', is_staff: true },
      body: 'Late',
    })
    expect((await bp.webhook(zendeskWebhook(late))).status).toBe(200)
    expect((await bp.webhook(zendeskWebhook(solved))).status).toBe(200)
    expect(incoming()).toBe(before)
    expect(ctx.api.events.filter((e) => e.type === 'hitlStopped')).toHaveLength(1)
  })

  it('closes the ticket on stopHitl (a solved one would reopen on a late message), also when closed already', async () => {
    expect(await bp.action('stopHitl', { conversationId })).toEqual({})
    const last = ctx.helpdesk.calls('PUT').at(-1)!
    expect(last.json).toEqual({ ticket: { status: 'closed' } })
    ctx.helpdesk.on('PUT', '/api/v2/tickets/:id.json', () => ({
      status: 422,
      body: { error: 'RecordInvalid', description: 'Status: closed prevents ticket update' },
    }))
    expect(await bp.action('stopHitl', { conversationId })).toEqual({})
  })

  it('removes its webhook on unregister', async () => {
    expect((await bp.unregister()).status).toBe(200)
    expect(ctx.helpdesk.calls('DELETE').map((r) => r.path)).toEqual(['/api/v2/webhooks/wh1', '/api/v2/webhooks/wh2'])
    expect(ctx.api.states.get(`integration/${IDS.integrationId}/lifecycle`)?.payload.values).toEqual({})
  })

  it('opens a ticket for another requester when startHitl names one (Zendesk finds or creates that user)', async () => {
    const before = ctx.helpdesk.calls('POST', /\/tickets\.json$/).length
    ctx.helpdesk.on('POST', '/api/v2/tickets.json', () => ({ status: 201, body: { ticket: { id: 502 } } }))
    // Linking this one back fails: said in the bot's logs, and the session goes on (ticket and conversation exist).
    ctx.helpdesk.on('PUT', '/api/v2/tickets/502.json', () => ({ status: 403, body: { error: 'Forbidden' } }))
    const logs: string[] = []
    const spy = vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')))
    const other = await bp.action('startHitl', {
      userId,
      title: 'On behalf of',
      hitlSession: { requesterName: 'Ada at Work', requesterEmail: 'ada@work.example', ticketFormId: 44 },
      messageHistory: [],
    })
    const ticket = ctx.helpdesk.calls('POST', /\/tickets\.json$/)[before]!.json.ticket
    expect(ticket).toMatchObject({
      requester: { name: 'Ada at Work', email: 'ada@work.example' },
      ticket_form_id: 44,
      comment: { author_id: 9001 },
    })
    expect(ticket).not.toHaveProperty('requester_id')
    expect(ctx.api.conversations.get(other.conversationId)!.tags.id).toBe('502')
    spy.mockRestore()
    expect(logs.join('\n')).toMatch(
      new RegExp(
        `Ticket 502 was not linked back to ${other.conversationId}: step 'linkBack' \\(PUT /tickets/502.json\\) HTTP 403 — Forbidden`
      )
    )
  })

  it('made only calls Botpress describes, and no secret reached Botpress', () => {
    const everything = JSON.stringify(ctx.api.calls)
    expect(everything).not.toContain(TOKEN)
    expect(ctx.api.calls.map((c) => c.operation)).toContain('getOrCreateMessage')
  })
})
