/**
 * inbound: poll. The sandbox helpdesk with its webhooks off (npm start -- --poll): the integration asks each open
 * ticket what happened since its cursor, whenever it is woken (here the playground calls the pollHelpdesk action
 * every 200 ms, as a bot's recurring event would every minute). A whole session runs by polling, each event and
 * message reaching the bot once however often it is polled; a session's cursor lives in Botpress; a helpdesk that
 * fails is waited for longer each time; unregistering stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPlayground, type Playground } from '../../playground/playground'
import { AGENTS } from '../../playground/sandbox-helpdesk'
import { BotpressCaller, IDS, overHttp } from '../../testkit/botpress-caller'

let pg: Playground
let bp: BotpressCaller

beforeAll(async () => {
  pg = await startPlayground({ port: 0, poll: true, pollEveryMs: 200, log: () => {} })
  bp = new BotpressCaller(
    overHttp(pg.integrationUrl),
    pg.botpress,
    { url: pg.sandbox!.url, apiToken: pg.sandbox!.apiToken, delivery: 'poll' },
    'sandbox'
  )
})
afterAll(() => pg?.stop())

const agent = (ticketId: string, action: 'assign' | 'reply' | 'close', text?: string) =>
  fetch(`${pg.sandbox!.url}/agent/api/tickets/${ticketId}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agentId: AGENTS[0]!.id, text }),
  })

describe('a helpdesk polled', () => {
  it('runs a whole session with its webhooks off: every event once, however often it is polled', async () => {
    expect(pg.sandbox!.webhooks.size, 'no webhook subscribed').toBe(0)
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Polled', messageHistory: [] })
    const ticketId = pg.botpress.conversations.get(conversationId)!.tags.id
    expect(pg.botpress.conversations.get(conversationId)!.tags.open).toBe('true')
    const events = () =>
      pg.botpress.events.filter((e) => e.payload?.conversationId === conversationId).map((e) => e.type)
    const replies = () =>
      pg.botpress
        .messagesIn(conversationId)
        .filter((m) => m.direction === 'incoming')
        .map((m) => m.payload.text)
    await agent(ticketId, 'assign')
    await agent(ticketId, 'reply', 'Hello Ada, I am on it.')
    await expect.poll(() => [events(), replies()]).toEqual([['hitlAssigned'], ['Hello Ada, I am on it.']])
    // The cursor is in Botpress, where every instance reads it.
    await expect
      .poll(() => pg.botpress.states.get(`conversation/${conversationId}/hitlPoll`)?.payload.cursor)
      .toBeGreaterThan(0)
    await agent(ticketId, 'close')
    await expect.poll(events).toEqual(['hitlAssigned', 'hitlStopped'])
    // Polled again and again (asked by name, due or not): nothing more reaches the bot.
    for (let i = 0; i < 3; i++) await bp.action('pollHelpdesk', { conversationId })
    expect([events(), replies()]).toEqual([['hitlAssigned', 'hitlStopped'], ['Hello Ada, I am on it.']])
    expect(pg.botpress.violations).toEqual([])
  })

  it('waits longer after each failure, keeping its cursor, and polls nothing once unregistered', async () => {
    const { userId } = await bp.action('createUser', { name: 'Bea' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Polled, then not', messageHistory: [] })
    const kept = () => pg.botpress.states.get(`conversation/${conversationId}/hitlPoll`)?.payload
    const cursor = kept()?.cursor
    // The sandbox refuses every call for a while (its token rotated): each poll fails, the wait doubles.
    const token = pg.sandbox!.apiToken
    ;(pg.sandbox as unknown as { apiToken: string }).apiToken = 'rotated'
    try {
      await bp.action('pollHelpdesk', { conversationId })
      const first = kept()!
      await bp.action('pollHelpdesk', { conversationId })
      const second = kept()!
      expect([first.failures, second.failures, first.cursor, second.cursor]).toEqual([1, 2, cursor, cursor])
      expect(second.nextAt - Date.now()).toBeGreaterThan(first.nextAt - Date.now())
    } finally {
      ;(pg.sandbox as unknown as { apiToken: string }).apiToken = token
    }
    // Unregistered: the open session is not asked about any more.
    expect((await bp.unregister(pg.webhookUrl)).status).toBe(200)
    expect(await bp.action('pollHelpdesk', {})).toEqual({ polled: 0, events: 0 })
    expect(await bp.action('pollHelpdesk', { conversationId })).toEqual({ polled: 0, events: 0 })
    expect(pg.botpress.states.get(`integration/${IDS.integrationId}/hitlPolling`)?.payload.stopped).toBe(true)
    expect(kept()!.failures, 'not polled: its failures as they were').toBe(2)
    expect((await bp.register(pg.webhookUrl)).status).toBe(200)
    expect(await bp.action('pollHelpdesk', { conversationId })).toEqual({ polled: 1, events: 0 })
    expect(kept()!.failures, 'registered again: polled').toBe(0)
  })

  it('is polled by one call at a time, however many are woken at once', async () => {
    const { userId } = await bp.action('createUser', { name: 'Cy' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Polled at once', messageHistory: [] })
    const ticketId = pg.botpress.conversations.get(conversationId)!.tags.id
    let release!: () => void
    pg.sandbox!.pollGate = new Promise((r) => (release = r))
    const polls = () => pg.sandbox!.polls.filter((t) => t === ticketId).length
    const before = polls()
    try {
      // Five calls at once, asked by name (due or not); the helpdesk holds its answer to the first poll.
      let settled = 0
      const calls = [1, 2, 3, 4, 5].map(() => bp.action('pollHelpdesk', { conversationId }).finally(() => settled++))
      await expect.poll(polls).toBe(before + 1)
      // While it is held, the others (and the playground's own wake-up, whichever came first) leave the session to it.
      await expect.poll(() => settled).toBeGreaterThanOrEqual(4)
      expect(polls(), 'one poll in flight').toBe(before + 1)
      release()
      const reports = await Promise.all(calls)
      expect(reports.filter((r) => r.polled === 1).length).toBeLessThanOrEqual(1)
      // Its turn given back: the next call polls.
      expect(await bp.action('pollHelpdesk', { conversationId })).toEqual({ polled: 1, events: 0 })
    } finally {
      release()
      pg.sandbox!.pollGate = undefined
    }
  })

  it('polls only its own HITL sessions, asked for by name', async () => {
    const other = { id: 'conv_other', channel: 'channel', integration: 'telegram', tags: { id: '1' } }
    const theirs = { id: 'conv_theirs', channel: 'hitl', integration: 'zendesk', tags: { 'zendesk:id': '1' } }
    for (const c of [other, theirs]) {
      pg.botpress.conversations.set(c.id, { ...c, createdAt: new Date().toISOString(), updatedAt: '' })
      await expect(bp.action('pollHelpdesk', { conversationId: c.id })).rejects.toThrow(
        `Conversation ${c.id} is not a HITL session of this integration`
      )
    }
  })
})
