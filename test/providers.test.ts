/**
 * Every provider fixture (test/fixtures/providers/*.yaml) run through the bundled integration: a whole session
 * against a helpdesk stand-in answering as the fixture says, each request checked, and every vendor-shaped
 * webhook delivered signed (then again, then tampered) with its effect on Botpress checked.
 * A new provider needs a manifest and a fixture: no TypeScript.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { configurationName } from '../src/botpress/names'
import { IDS } from './support/botpress'
import { fill, jwksOf, loadFixtures, signWebhook, type ExpectedRequest, type Fixture } from './support/fixture'
import type { Recorded } from './support/helpdesk'
import { caller, useStandIns } from './support/session'

const ctx = useStandIns()
const WEBHOOK_URL = `https://webhook.botpress.cloud/${IDS.webhookId}`

function expectRequests(actual: Recorded[], expected: ExpectedRequest[], what: string) {
  const shown = actual.map((r) => `${r.method} ${r.path} ${r.json ? JSON.stringify(r.json) : r.form ? JSON.stringify(r.form) : ''}`).join('\n')
  expect(actual.length, `${what}: requests sent were\n${shown}`).toBe(expected.length)
  expected.forEach((e, i) => {
    const a = actual[i]!
    expect(`${a.method} ${a.path}`, `${what} request ${i + 1}`).toBe(`${e.method} ${e.path}`)
    if (e.query) expect(a.query, `${what} request ${i + 1} query`).toMatchObject(e.query)
    if (e.headers) expect(a.headers, `${what} request ${i + 1} headers`).toMatchObject(Object.fromEntries(Object.entries(e.headers).map(([k, v]) => [k.toLowerCase(), v])))
    if (e.json !== undefined) expect(a.json, `${what} request ${i + 1} body`).toMatchObject(e.json as object)
    if (e.form !== undefined) expect(a.form, `${what} request ${i + 1} form`).toMatchObject(e.form)
    if (e.multipart !== undefined) expect(a.multipart, `${what} request ${i + 1} multipart`).toMatchObject(e.multipart as object)
  })
}

for (const raw of loadFixtures()) {
  describe(`provider ${raw.provider}`, () => {
    let f: Fixture
    let bp: ReturnType<typeof caller>
    let seen = 0
    const newRequests = () => {
      const all = ctx.helpdesk.calls()
      const fresh = all.slice(seen)
      seen = all.length
      return fresh
    }

    beforeAll(() => {
      ctx.api.reset()
      ctx.helpdesk.requests.length = 0
      f = fill(raw, { files: ctx.helpdesk.filesUrl, webhookUrl: WEBHOOK_URL, helpdesk: ctx.helpdesk.url })
      for (const r of f.routes) ctx.helpdesk.on(r.method, r.path, () => ({ status: r.status ?? 200, headers: r.headers, body: r.body }))
      const sign = f.webhooks.sign
      if (sign.type === 'jwt') ctx.helpdesk.on('GET', sign.jwksPath, () => ({ status: 200, body: jwksOf(sign) }))
      bp = caller(ctx, { ...f.configuration, apiBaseUrl: `${ctx.helpdesk.url}${f.apiPath ?? ''}` }, configurationName(f.provider))
    })

    it('registers', async () => {
      const res = await bp.register()
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expectRequests(newRequests(), f.register?.requests ?? [], 'register')
      if (f.register?.state) expect(ctx.api.states.get(`integration/${IDS.integrationId}/lifecycle`)?.payload.values).toEqual(f.register.state)
    })

    let userId: string
    let conversationId: string

    it('creates the end user', async () => {
      ;({ userId } = await bp.action('createUser', f.createUser.input))
      expectRequests(newRequests(), f.createUser.requests, 'createUser')
      expect(ctx.api.users.get(userId)!.tags.id).toBe(f.createUser.externalId)
    })

    it('starts the HITL session', async () => {
      const history = [
        { source: { type: 'user', userId }, type: 'text', payload: { text: 'My order is late' } },
        { source: { type: 'bot' }, type: 'text', payload: { text: 'Let me get a human' } },
      ]
      ;({ conversationId } = await bp.action('startHitl', { userId, messageHistory: history, ...f.startHitl.input }))
      expectRequests(newRequests(), f.startHitl.requests, 'startHitl')
      expect(ctx.api.conversations.get(conversationId)!.tags.id).toBe(f.startHitl.ticketId)
    })

    it('posts end-user and bot messages', async () => {
      for (const [i, m] of f.messages.entries()) {
        const payload = m.send.from === 'user' ? { ...m.send.payload, userId } : m.send.payload
        const res = await bp.send(conversationId, m.send.type, payload)
        expect(res.status, `message ${i + 1}: ${JSON.stringify(res.body)}`).toBe(200)
        expectRequests(newRequests(), m.requests, `message ${i + 1} (${m.send.type} from ${m.send.from})`)
        if (m.messageId) expect(ctx.api.messages.get(res.message.id)!.tags.id, `message ${i + 1} ack`).toBe(m.messageId)
      }
    })

    it('maps vendor webhooks: agent reply, assignment, closing, echoes and the rest', async () => {
      for (const w of f.webhooks.events) {
        const contentType = w.contentType ?? 'application/json'
        const body = typeof w.body === 'string' ? w.body : JSON.stringify(w.body)
        const deliver = (tamper = false) => {
          const state = ctx.api.states.get(`integration/${IDS.integrationId}/lifecycle`)?.payload.values
          const signed = signWebhook(f.webhooks.sign, body, { url: WEBHOOK_URL, tamper, state })
          return bp.webhook({ headers: { 'content-type': contentType, ...w.headers, ...signed.headers }, query: signed.query, body })
        }
        const messagesBefore = ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming').length
        const eventsBefore = ctx.api.events.length
        if (f.webhooks.sign.type !== 'none') expect((await deliver(true)).status, `${w.name}: tampered`).toBe(401)
        const res = await deliver()
        if ('reply' in w.expect) {
          expect(res.status, w.name).toBe(w.expect.reply.status)
          if (w.expect.reply.body !== undefined) expect(typeof res.body === 'string' ? res.body : JSON.stringify(res.body), w.name).toBe(w.expect.reply.body)
          continue
        }
        expect(res.status, `${w.name}: ${JSON.stringify(res.body)}`).toBe(200)
        const incoming = ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming').slice(messagesBefore)
        const events = ctx.api.events.slice(eventsBefore)
        if ('ignored' in w.expect) {
          expect(incoming, `${w.name}: no message`).toEqual([])
          expect(events, `${w.name}: no event`).toEqual([])
        } else if ('message' in w.expect) {
          const want = w.expect.message
          const parts = [...(want.text !== undefined ? [{ type: 'text', payload: { text: want.text } }] : []), ...(want.attachments ?? []).map((a) => ({ type: a.type, url: a.url }))]
          expect(incoming.length, `${w.name}: ${JSON.stringify(incoming)}`).toBe(parts.length)
          parts.forEach((p, i) => {
            expect(incoming[i]!.type, w.name).toBe(p.type)
            if ('payload' in p) expect(incoming[i]!.payload, w.name).toEqual(p.payload)
            else expect(Object.values(incoming[i]!.payload), w.name).toContain((p as { url: string }).url)
          })
          const agent = ctx.api.users.get(incoming[0]!.userId)!
          expect(agent.tags.agentId, w.name).toBe(want.agentId)
          if (want.agentName) expect(agent.name, w.name).toBe(want.agentName)
          expect((await deliver()).status, `${w.name}: redelivered`).toBe(200)
          expect(ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming').length, `${w.name}: redelivery creates nothing`).toBe(messagesBefore + parts.length)
        } else {
          expect(events.map((e) => e.type), w.name).toEqual([w.expect.event])
          expect(events[0]!.payload.conversationId, w.name).toBe(conversationId)
          if (w.expect.event === 'hitlAssigned') {
            const agent = ctx.api.users.get(events[0]!.payload.userId)!
            expect(agent.tags.agentId, w.name).toBe(w.expect.agentId)
            if (w.expect.agentName) expect(agent.name, w.name).toBe(w.expect.agentName)
          }
        }
      }
    })

    it('stops the session', async () => {
      newRequests()
      expect(await bp.action('stopHitl', { conversationId })).toEqual({})
      expectRequests(newRequests(), f.stopHitl.requests, 'stopHitl')
    })

    it('unregisters', async () => {
      expect((await bp.unregister()).status).toBe(200)
      expectRequests(newRequests(), f.unregister?.requests ?? [], 'unregister')
    })
  })
}
