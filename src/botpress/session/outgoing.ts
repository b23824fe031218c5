/**
 * The bot's messages already on their way to the helpdesk when the session stops. The HITL plugin (and a bot like
 * it) posts a closing note and calls stopHitl at once: Botpress may hand the note to the integration after the
 * stop, and a note posted to a closed ticket is lost, though it is what tells the agent why the ticket closed. So
 * stopHitl first waits, a few seconds at most, for the conversation's recent outgoing messages to be relayed: each
 * one is marked when handled (its `id` tag, the helpdesk's id of the post, or `relayed`), which any instance reads
 * in Botpress.
 */
import type { Call } from '../call'
import { TAGS } from '../names'

/** Longest stopHitl waits for the messages on their way; how recent a message must be to be waited for. */
export const OUTGOING_WAIT_MS = 8_000
const RECENT_MS = 2 * 60_000
const EVERY_MS = 200
const MAX_PAGES = 3

/** `relayed` values: posted (without an id of the helpdesk's), or settled undelivered (the ticket was closed). */
export const RELAYED = { posted: 'posted', undelivered: 'undelivered' } as const

/** Waits until the conversation's recent outgoing messages are handled, or OUTGOING_WAIT_MS has passed. */
export async function awaitOutgoing(call: Call, conversationId: string): Promise<void> {
  const since = new Date(Date.now() - RECENT_MS).toISOString()
  const until = Date.now() + OUTGOING_WAIT_MS
  for (;;) {
    const pending = await pendingOutgoing(call, conversationId, since)
    if (!pending.length) return
    if (Date.now() >= until) {
      return call.logger
        .forBot()
        .warn(
          `Conversation ${conversationId}: ${pending.length} message(s) of the bot not relayed to the helpdesk ${OUTGOING_WAIT_MS / 1000} s after stopHitl; closing the ticket`
        )
    }
    await new Promise((r) => setTimeout(r, EVERY_MS))
  }
}

async function pendingOutgoing(call: Call, conversationId: string, afterDate: string): Promise<string[]> {
  const pending: string[] = []
  let nextToken: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const found = await call.client.listMessages({ conversationId, afterDate, nextToken })
    for (const m of found.messages)
      if (m.direction === 'outgoing' && !m.tags[TAGS.message.id] && !m.tags[TAGS.message.relayed]) pending.push(m.id)
    nextToken = found.meta.nextToken
    if (!nextToken) break
  }
  return pending
}
