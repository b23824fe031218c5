/**
 * A whole HITL session against Intercom (conversation model), through the bundled integration's handler.
 * Intercom has no webhook API: register changes nothing there and the manual setup is logged.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { caller, useStandIns } from '../support/session'
import { hmac } from '../../testkit/signing'
import { HISTORY_LINES, historyOfEveryType } from '../fixtures/history'

const ctx = useStandIns()
const CLIENT_SECRET = 'ic-client-secret-987654'
const TOKEN = 'ic-access-token-123456789'

function intercomWebhook(body: unknown, secret = CLIENT_SECRET) {
  const raw = JSON.stringify(body)
  return {
    headers: { 'content-type': 'application/json', 'x-hub-signature': `sha1=${hmac('sha1', secret, raw, 'hex')}` },
    body: raw,
  }
}

const notification = (topic: string, item: Record<string, unknown>) => ({
  type: 'notification_event',
  app_id: 'app1',
  id: `notif_${Math.random().toString(36).slice(2)}`,
  topic,
  created_at: Math.floor(Date.now() / 1000),
  delivery_attempts: 1,
  data: { type: 'notification_event_data', item: { type: 'conversation', id: '499', state: 'open', ...item } },
})
const part = (p: Record<string, unknown>) => ({
  conversation_parts: { type: 'conversation_part.list', conversation_parts: [p] },
})

describe('Intercom session', () => {
  let bp: ReturnType<typeof caller>
  let partNo = 0
  let contacts = 0

  beforeAll(() => {
    ctx.helpdesk
      .on('POST', '/contacts', () =>
        ++contacts === 1
          ? { body: { type: 'contact', id: 'c-100' } }
          : {
              status: 409,
              body: {
                type: 'error.list',
                errors: [{ code: 'conflict', message: 'A contact matching those details already exists' }],
              },
            }
      )
      .on('POST', '/contacts/search', () => ({ body: { type: 'list', data: [{ type: 'contact', id: 'c-100' }] } }))
      .on('POST', '/conversations', () => ({ body: { type: 'user_message', id: 'm1', conversation_id: '499' } }))
      .on('POST', '/conversations/:id/parts', (_, p) => ({ body: { type: 'conversation', id: p.id } }))
      .on('POST', '/conversations/:id/reply', (_, p) => ({
        body: { type: 'conversation', id: p.id, ...part({ id: `p-${++partNo}`, part_type: 'comment' }) },
      }))
      .on('GET', '/admins/:id', (_, p) => ({
        body: {
          type: 'admin',
          id: p.id,
          name: 'Grace Admin',
          email: 'grace@acme.test',
          avatar: { image_url: 'https://acme.test/grace.png' },
        },
      }))
    bp = caller(
      ctx,
      { accessToken: TOKEN, clientSecret: CLIENT_SECRET, adminId: '814', region: 'eu', apiBaseUrl: ctx.helpdesk.url },
      'intercom'
    )
  })

  it('registers without calling Intercom (manual webhook setup)', async () => {
    expect((await bp.register()).status).toBe(200)
    expect(ctx.helpdesk.calls()).toHaveLength(0)
  })

  let userId: string
  let conversationId: string

  it('creates the contact, and finds it when createUser runs again', async () => {
    ;({ userId } = await bp.action('createUser', { name: 'Ada', email: 'ada@example.com' }))
    const [create] = ctx.helpdesk.calls('POST', /^\/contacts$/)
    expect(create!.json).toEqual({ role: 'user', external_id: userId, email: 'ada@example.com', name: 'Ada' })
    expect(create!.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'intercom-version': '2.14' })
    expect(ctx.api.users.get(userId)!.tags.id).toBe('c-100')

    const again = await bp.action('createUser', { name: 'Ada', email: 'ada@example.com' })
    expect(ctx.helpdesk.calls('POST', /search$/)[0]!.json.query).toEqual({
      field: 'external_id',
      operator: '=',
      value: again.userId,
    })
    expect(ctx.api.users.get(again.userId)!.tags.id).toBe('c-100')
  })

  it('starts the conversation as the contact, with the transcript, and assigns it', async () => {
    ;({ conversationId } = await bp.action('startHitl', {
      userId,
      title: 'Late order',
      hitlSession: { assigneeId: 'team-7' },
      messageHistory: historyOfEveryType(userId, ctx.helpdesk.url),
    }))
    const [create] = ctx.helpdesk.calls('POST', /^\/conversations$/)
    expect(create!.json.from).toEqual({ type: 'user', id: 'c-100' })
    expect(create!.json.body.startsWith('Late order\n\nAda: Hello, my order is late\nBot: Sorry')).toBe(true)
    for (const line of HISTORY_LINES) expect(create!.json.body).toContain(line)
    expect(ctx.helpdesk.calls('POST', /parts$/)[0]!.json).toEqual({
      message_type: 'assignment',
      type: 'admin',
      admin_id: '814',
      assignee_id: 'team-7',
    })
    expect(ctx.api.conversations.get(conversationId)!.tags).toEqual({ id: '499' })
  })

  it('posts contact replies and bot notes of every type, attachments by URL', async () => {
    const files = ctx.helpdesk.filesUrl
    const sends: [string, Record<string, unknown>][] = [
      ['text', { text: 'Order 1234', userId }],
      ['text', { text: 'Hold on <3' }],
      ['image', { imageUrl: `${files}/photo.png`, userId }],
      ['audio', { audioUrl: `${files}/voice.ogg`, title: 'Voice note', userId }],
      ['video', { videoUrl: `${files}/clip.mp4` }],
      ['file', { fileUrl: `${files}/invoice.pdf`, userId }],
      [
        'bloc',
        {
          items: [
            { type: 'text', payload: { text: 'one' } },
            { type: 'image', payload: { imageUrl: `${files}/two.png` } },
          ],
          userId,
        },
      ],
    ]
    for (const [type, payload] of sends) {
      const res = await bp.send(conversationId, type, payload)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(ctx.api.messages.get(res.message.id)!.tags.id).toMatch(/^p-\d+$/)
    }
    const replies = ctx.helpdesk.calls('POST', /\/conversations\/499\/reply$/).map((r) => r.json)
    expect(replies).toEqual([
      { message_type: 'comment', type: 'user', intercom_user_id: 'c-100', body: 'Order 1234' },
      { message_type: 'note', type: 'admin', admin_id: '814', body: '<p><b>Bot:</b> Hold on &lt;3</p>' },
      {
        message_type: 'comment',
        type: 'user',
        intercom_user_id: 'c-100',
        body: 'photo.png',
        attachment_urls: [`${files}/photo.png`],
      },
      {
        message_type: 'comment',
        type: 'user',
        intercom_user_id: 'c-100',
        body: 'Voice note',
        attachment_urls: [`${files}/voice.ogg`],
      },
      {
        message_type: 'note',
        type: 'admin',
        admin_id: '814',
        body: '<p><b>Bot:</b> clip.mp4</p>',
        attachment_urls: [`${files}/clip.mp4`],
      },
      {
        message_type: 'comment',
        type: 'user',
        intercom_user_id: 'c-100',
        body: 'invoice.pdf',
        attachment_urls: [`${files}/invoice.pdf`],
      },
      { message_type: 'comment', type: 'user', intercom_user_id: 'c-100', body: 'one' },
      {
        message_type: 'comment',
        type: 'user',
        intercom_user_id: 'c-100',
        body: 'two.png',
        attachment_urls: [`${files}/two.png`],
      },
    ])
    expect(ctx.helpdesk.calls('GET', /^\/files\//)).toHaveLength(0) // nothing downloaded: Intercom takes URLs
  })

  it('acknowledges the ping and maps an HTML admin reply with an attachment to agent messages', async () => {
    expect(
      (
        await bp.webhook(
          intercomWebhook({
            type: 'notification_event',
            topic: 'ping',
            data: { item: { type: 'ping', message: 'hi' } },
          })
        )
      ).status
    ).toBe(200)
    const reply = notification(
      'conversation.admin.replied',
      part({
        id: 'p-900',
        part_type: 'comment',
        body: '<p>Hello Ada &amp; welcome</p><p>See attached</p>',
        author: { type: 'admin', id: '55', name: 'Grace Admin', email: 'grace@acme.test' },
        attachments: [
          {
            type: 'upload',
            name: 'label.png',
            url: 'https://downloads.intercomcdn.com/label.png',
            content_type: 'image/png',
          },
        ],
      })
    )
    expect((await bp.webhook(intercomWebhook(reply))).status).toBe(200)
    expect((await bp.webhook(intercomWebhook(reply))).status).toBe(200) // delivered twice
    const incoming = ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming')
    expect(incoming.map((m) => [m.type, m.payload, m.tags.id])).toEqual([
      ['text', { text: 'Hello Ada & welcome\n\nSee attached' }, 'p-900'],
      ['image', { imageUrl: 'https://downloads.intercomcdn.com/label.png', title: 'label.png' }, 'p-900#1'],
    ])
    expect(ctx.api.users.get(incoming[0]!.userId)).toMatchObject({ name: 'Grace Admin', tags: { agentId: '55' } })

    const ownNote = notification(
      'conversation.admin.noted',
      part({ id: 'p-901', part_type: 'note', body: '<p>Bot: hi</p>', author: { type: 'admin', id: '814' } })
    )
    const ownReply = notification(
      'conversation.admin.replied',
      part({ id: 'p-902', part_type: 'comment', body: '<p>x</p>', author: { type: 'admin', id: '814' } })
    )
    expect((await bp.webhook(intercomWebhook(ownNote))).status).toBe(200)
    expect((await bp.webhook(intercomWebhook(ownReply))).status).toBe(200)
    expect(ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming')).toHaveLength(2)
  })

  it('refuses an unsigned or wrongly signed notification', async () => {
    const reply = notification(
      'conversation.admin.replied',
      part({ id: 'p-950', body: 'x', author: { type: 'admin', id: '55' } })
    )
    expect((await bp.webhook(intercomWebhook(reply, 'not-the-secret'))).status).toBe(401)
    expect(
      (await bp.webhook({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(reply) })).status
    ).toBe(401)
  })

  it('maps assignment and closing to hitl events', async () => {
    const assigned = notification('conversation.admin.assigned', {
      admin_assignee_id: 55,
      ...part({ id: 'p-960', part_type: 'assignment', author: { type: 'admin', id: '814' } }),
    })
    expect((await bp.webhook(intercomWebhook(assigned))).status).toBe(200)
    const agent = [...ctx.api.users.values()].find((u) => u.tags.agentId === '55')!
    expect(ctx.api.events.find((e) => e.type === 'hitlAssigned')).toMatchObject({
      payload: { conversationId, userId: agent.id },
    })
    expect(agent.pictureUrl).toBe('https://acme.test/grace.png')
    expect(
      (
        await bp.webhook(
          intercomWebhook(
            notification(
              'conversation.admin.closed',
              part({ id: 'p-970', part_type: 'close', author: { type: 'admin', id: '55' } })
            )
          )
        )
      ).status
    ).toBe(200)
    expect(ctx.api.events.find((e) => e.type === 'hitlStopped')).toMatchObject({ payload: { conversationId } })
  })

  it('closes the conversation on stopHitl', async () => {
    await bp.action('stopHitl', { conversationId })
    expect(ctx.helpdesk.calls('POST', /parts$/).at(-1)!.json).toEqual({
      message_type: 'close',
      type: 'admin',
      admin_id: '814',
    })
  })
})
