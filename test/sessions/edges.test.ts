/**
 * A session's edges, driven as the real HITL plugin drives them (plugins/hitl, read from its source; see
 * ../shared/docs/botpress-hitl.md): the plugin links and activates a session only after startHitl returns, drops
 * hitlAssigned and agent messages that reach it before that, and on /end posts a closing note then calls stopHitl at
 * once. The sandbox helpdesk plays the rules that make those edges bite: an assignment rule and an auto-reply firing
 * while startHitl runs, an agent closing while a message is on its way.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { BotpressCaller, overHttp } from '../../testkit/botpress-caller'
import { startPlayground, type Playground } from '../../playground/playground'
import { AGENTS } from '../../playground/sandbox-helpdesk'

/** How long the plugin takes to link and activate a session after startHitl returns (a few Botpress calls). */
const LINK_MS = 150

let pg: Playground
let logs: string[]

beforeAll(async () => {
  pg = await startPlayground({ port: 0, log: () => {} })
})
afterAll(() => pg?.stop())
afterEach(() => {
  vi.restoreAllMocks()
  pg.sandbox!.options = {}
  expect(pg.botpress.violations).toEqual([])
  expect(pg.sandbox!.failedDeliveries).toEqual([])
})

function captureLogs() {
  logs = []
  for (const level of ['error', 'warn', 'info', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')))
  }
}

/** The HITL plugin, as far as these edges go. */
class Plugin {
  readonly bp: BotpressCaller
  constructor() {
    this.bp = new BotpressCaller(
      overHttp(pg.integrationUrl),
      pg.botpress,
      { url: pg.sandbox!.url, apiToken: pg.sandbox!.apiToken },
      'sandbox'
    )
  }

  /** createUser, startHitl, then link and activate: what lands before activation is dropped by the plugin. */
  async escalate(title: string) {
    const { userId } = await this.bp.action('createUser', { name: 'Ada Lovelace', email: 'ada@example.com' })
    const { conversationId } = await this.bp.action('startHitl', {
      userId,
      title,
      messageHistory: [{ source: { type: 'user', userId }, type: 'text', payload: { text: title } }],
    })
    await new Promise((r) => setTimeout(r, LINK_MS))
    return {
      userId,
      conversationId,
      activatedAt: Date.now(),
      ticketId: pg.botpress.conversations.get(conversationId)!.tags.id as string,
    }
  }

  /** What reached the bot for a session, each with when Botpress handed it over. */
  seen(conversationId: string) {
    const at = (id: string) => pg.botpress.deliverAt.get(id) ?? 0
    const events = pg.botpress.events
      .filter((e) => e.conversationId === conversationId)
      .map((e) => ({ type: e.type, agentId: pg.botpress.users.get(e.payload.userId)?.tags.agentId, at: at(e.id) }))
    const messages = pg.botpress
      .messagesIn(conversationId)
      .filter((m) => m.direction === 'incoming')
      .map((m) => ({ text: m.payload.text, at: at(m.id) }))
    return { events, messages }
  }
}

const ticket = (id: string) => pg.sandbox!.tickets.get(id)!
const agentAction = (ticketId: string, action: 'close' | 'reply' | 'assign', agentId = AGENTS[0]!.id, text?: string) =>
  fetch(`${pg.sandbox!.url}/agent/api/tickets/${ticketId}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agentId, text }),
  })

describe('early events: an assignment rule and an auto-reply firing while startHitl runs', () => {
  it('are kept, then reach the bot once, in order, after the plugin has activated the session', async () => {
    captureLogs()
    const kim = AGENTS[0]!
    pg.sandbox!.options = { onCreate: { assignTo: kim.id, reply: 'Hi, I am Kim. Let me look at your order.' } }
    const plugin = new Plugin()
    const { conversationId, activatedAt, ticketId } = await plugin.escalate('Where is my order 42?')
    // The helpdesk sent both before answering the ticket's creation: nothing knew the ticket then.
    expect(logs.filter((l) => l.includes(`ticket ${ticketId}`) && l.includes('kept for'))).toHaveLength(2)
    const { events, messages } = plugin.seen(conversationId)
    expect(events.map((e) => `${e.type}:${e.agentId}`)).toEqual([`hitlAssigned:${kim.id}`])
    expect(messages.map((m) => m.text)).toEqual(['Hi, I am Kim. Let me look at your order.'])
    // Nothing lands before activation (the plugin would drop it), and the order holds.
    for (const x of [...events, ...messages]) expect(x.at).toBeGreaterThanOrEqual(activatedAt)
    expect(events[0]!.at).toBeLessThan(messages[0]!.at)
    // Kept once: nothing is left for that ticket, and a redelivery adds nothing.
    const kept = pg.botpress.states.get(`integration/intver_test/hitlEarly`)?.payload.outcomes ?? []
    expect(kept.filter((e: { outcome: { ticketId: string } }) => e.outcome.ticketId === ticketId)).toEqual([])
    await pg.sandbox!.emit({ type: 'ticket.assigned', ticketId, agent: kim })
    expect(plugin.seen(conversationId).events).toHaveLength(1)
  })

  it('land after the session settles when they come just after startHitl, and at once later on', async () => {
    const plugin = new Plugin()
    const { conversationId, activatedAt, ticketId } = await plugin.escalate('Quick question')
    await agentAction(ticketId, 'assign')
    await agentAction(ticketId, 'reply', AGENTS[0]!.id, 'Right away.')
    await expect.poll(() => plugin.seen(conversationId).messages.length).toBe(1)
    const { events, messages } = plugin.seen(conversationId)
    expect(events[0]!.at).toBeGreaterThanOrEqual(activatedAt)
    expect(events[0]!.at).toBeLessThan(messages[0]!.at)
  })
})

describe('echoes of our own posts', () => {
  it('are never shown to the end user, when the helpdesk announces a post before answering it', async () => {
    pg.sandbox!.options = { announceFirst: true }
    const plugin = new Plugin()
    const { conversationId, ticketId, userId } = await plugin.escalate('Echo race')
    const sent = await plugin.bp.send(conversationId, 'text', { text: 'Here is my order number: 77', userId })
    expect(sent.status).toBe(200)
    expect(ticket(ticketId).messages.map((m) => m.text)).toContain('Here is my order number: 77')
    expect(plugin.seen(conversationId).messages).toEqual([])
    // Acked with the helpdesk's id, as without the race.
    expect(pg.botpress.messages.get(sent.message.id)!.tags.id).toMatch(/^msg-\d+$/)
  })
})

describe('the last message before a close', () => {
  it('the closing note that reaches a ticket the stop already closed is settled: logged as dropped, not retried', async () => {
    captureLogs()
    const plugin = new Plugin()
    const { conversationId, ticketId } = await plugin.escalate('Closing note after the close')
    expect(await plugin.bp.action('stopHitl', { conversationId })).toEqual({})
    const note = await plugin.bp.send(conversationId, 'text', { text: 'The user ended the conversation.' })
    expect(note.status).toBe(200)
    expect(ticket(ticketId).messages.map((m) => m.text)).not.toContain('The user ended the conversation.')
    expect(logs.join('\n')).toContain(
      `Conversation ${conversationId}: ticket ${ticketId} is closed; this text message was not delivered to the helpdesk`
    )
  })

  it('the closing note Botpress hands over after stopHitl has started reaches the ticket before it closes (50 of 50)', async () => {
    const plugin = new Plugin()
    const NOTE = 'The user ended the conversation.'
    for (let run = 1; run <= 50; run++) {
      const { conversationId, ticketId } = await plugin.escalate(`Closing note, run ${run}`)
      // As the plugin does: the note is written into the conversation, then stopHitl is called at once.
      const note = plugin.bp.create(conversationId, 'text', { text: NOTE })
      const looked = () =>
        pg.botpress.callsTo('listMessages').filter((c) => c.query.conversationId === conversationId).length
      const stopped = plugin.bp.action('stopHitl', { conversationId })
      // Botpress hands the note to the integration only once stopHitl is under way, on purpose.
      await expect.poll(looked, { message: `run ${run}: stopHitl looks for messages on their way` }).toBeGreaterThan(0)
      expect((await plugin.bp.deliver(note)).status, `run ${run}`).toBe(200)
      expect(await stopped, `run ${run}`).toEqual({})
      const t = ticket(ticketId)
      const noted = t.events.findIndex((e) => e.type === 'message.created' && e.message?.text === NOTE)
      const closed = t.events.findIndex((e) => e.type === 'ticket.closed')
      expect([t.status, noted >= 0, closed > noted], `run ${run}: the note, then the close`).toEqual([
        'closed',
        true,
        true,
      ])
      expect(t.closedBy, `run ${run}: the agent desk says the conversation's side ended it`).toEqual({ type: 'api' })
      // The bot ended it: the helpdesk's own close that follows sends no hitlStopped.
      expect(plugin.seen(conversationId).events).toEqual([])
    }
  })

  it('a closing note that never comes holds stopHitl a few seconds at most, said in the logs', async () => {
    captureLogs()
    const plugin = new Plugin()
    const { conversationId, ticketId } = await plugin.escalate('A note that never comes')
    plugin.bp.create(conversationId, 'text', { text: 'Lost on its way' })
    expect(await plugin.bp.action('stopHitl', { conversationId })).toEqual({})
    expect(ticket(ticketId).status).toBe('closed')
    expect(logs.join('\n')).toContain(
      `Conversation ${conversationId}: 1 message(s) of the bot not relayed to the helpdesk 8 s after stopHitl`
    )
  })

  it('a user’s last message racing an agent’s close is delivered or logged as dropped, never failed; one hitlStopped', async () => {
    captureLogs()
    const plugin = new Plugin()
    const { conversationId, ticketId, userId } = await plugin.escalate('Last word')
    const [closed, sent] = await Promise.all([
      agentAction(ticketId, 'close'),
      plugin.bp.send(conversationId, 'text', { text: 'One last thing!', userId }),
    ])
    expect([closed.status, sent.status]).toEqual([200, 200])
    const inTicket = ticket(ticketId).messages.some((m) => m.text === 'One last thing!')
    const dropped = logs.some((l) => l.includes(`Conversation ${conversationId}: ticket ${ticketId} is closed`))
    expect(inTicket !== dropped, 'exactly one of: delivered, logged as dropped').toBe(true)
    await expect.poll(() => plugin.seen(conversationId).events.map((e) => e.type)).toEqual(['hitlStopped'])
    // A message sent once the close is known is settled the same way.
    const after = await plugin.bp.send(conversationId, 'text', { text: 'Hello?', userId })
    expect(after.status).toBe(200)
    expect(ticket(ticketId).messages.map((m) => m.text)).not.toContain('Hello?')
  })
})

describe('work after the answer', () => {
  it('never calls a helpdesk that locks while it delivers: an agent’s files are re-hosted when first opened', async () => {
    pg.sandbox!.options = { lockDuringDelivery: true }
    const plugin = new Plugin()
    const { conversationId, ticketId } = await plugin.escalate('Files from the agent')
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const pdf = Buffer.from('%PDF-1.4 label')
    const replied = await fetch(`${pg.sandbox!.url}/agent/api/tickets/${ticketId}/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        agentId: AGENTS[0]!.id,
        text: 'Here is your label.',
        attachments: [
          { name: 'parcel.png', contentType: 'image/png', data: png.toString('base64') },
          { name: 'label.pdf', contentType: 'application/pdf', data: pdf.toString('base64') },
        ],
      }),
    })
    expect(replied.status).toBe(200)
    const incoming = () => pg.botpress.messagesIn(conversationId).filter((m) => m.direction === 'incoming')
    await expect.poll(() => incoming().map((m) => m.type)).toEqual(['text', 'image', 'file'])
    // The webhook was answered without a single call to the locked helpdesk.
    expect(pg.sandbox!.refusedWhileDelivering).toEqual([])
    const [, image, file] = incoming()
    const opened = await plugin.bp.open(image!.payload.imageUrl)
    expect([opened.headers.get('content-type'), Buffer.from(await opened.arrayBuffer())]).toEqual(['image/png', png])
    const label = await plugin.bp.open(file!.payload.fileUrl)
    expect([file!.payload.title, label.headers.get('content-type')]).toEqual(['label.pdf', 'application/pdf'])
    expect(Buffer.from(await label.arrayBuffer())).toEqual(pdf)
  })
})
