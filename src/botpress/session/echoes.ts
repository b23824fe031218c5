/**
 * Echoes of our own posts, whatever arrives first. A helpdesk announces every message, ours included; the id it
 * answers our post with recognises the echo (the message's id tag) only when that answer comes back before the
 * webhook. So before posting, the text is recorded in Botpress (conversation state, so any instance sees it); an
 * agent message that repeats a recent one (the same text, or it with a short prefix such as "[Bot] ") is dropped as
 * our echo. The record is then bound to that message's id: its redeliveries (to any instance) are dropped too, and
 * another message with the same text is not taken for an echo. A manifest whose matchers recognise our posts by what
 * the event says (events.echoes: matchers, an ignore matcher on the author) needs none of it: nothing is recorded.
 */
import type { Call } from '../call'
import { state } from '../states'
import { serially } from './serial'

/** How long a posted text waits for its echo, how many are kept, and how much longer than ours an echo may be. */
export const ECHO_WINDOW_MS = 5 * 60_000
const KEPT = 50
const PREFIX_ALLOWANCE = 80

const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 2000)

type Sent = { text: string; at: number; echo?: string }

const sentIn = (call: Call, conversationId: string) => state(call.client, 'hitlSent', conversationId)

async function recent(call: Call, conversationId: string): Promise<Sent[]> {
  return ((await sentIn(call, conversationId).read())?.sent ?? []).filter((s) => Date.now() - s.at < ECHO_WINDOW_MS)
}

/** Reads and writes of one conversation's recorded texts, one at a time. */
const inTurn = <T>(call: Call, conversationId: string, run: () => Promise<T>) =>
  serially(`${call.ctx.botId}/${conversationId}/sent`, run)

/** Records a text about to be posted to the helpdesk (unless the manifest's matchers recognise our posts). */
export async function recordPosting(call: Call, conversationId: string, text: string) {
  const t = normal(text)
  if (!t || call.plan.events.echoes === 'matchers') return
  await inTurn(call, conversationId, async () => {
    const sent = await recent(call, conversationId)
    await sentIn(call, conversationId).write({ sent: [...sent, { text: t, at: Date.now() }].slice(-KEPT) })
  })
}

/** Whether the agent message `messageId` is the echo of a text we posted lately (that record is bound to it). */
export async function isEcho(
  call: Call,
  conversationId: string,
  messageId: string,
  text: string | undefined
): Promise<boolean> {
  const t = text ? normal(text) : ''
  if (!t || call.plan.events.echoes === 'matchers') return false
  return inTurn(call, conversationId, async () => {
    const sent = await recent(call, conversationId)
    const same = (s: Sent) => t === s.text || (t.endsWith(s.text) && t.length - s.text.length <= PREFIX_ALLOWANCE)
    if (sent.some((s) => s.echo === messageId)) return true
    const i = sent.findIndex((s) => s.echo === undefined && same(s))
    if (i < 0) return false
    await sentIn(call, conversationId).write({ sent: sent.map((s, j) => (j === i ? { ...s, echo: messageId } : s)) })
    return true
  })
}
