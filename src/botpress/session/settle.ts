/**
 * While a session settles (events.settleSeconds after startHitl), what the helpdesk sends is scheduled in Botpress
 * to land after it, in its order: the HITL plugin drops what reaches it before it has activated the session.
 */
import type { Call } from '../call'
import type { Tags } from '../names'

/** A session's conversation: its id, when it was made, and its tags (ticket id, data, closed). */
export type Session = { id: string; createdAt: string; tags?: Tags }

/** The last time each call scheduled something at: its own outcomes (a message's parts) land in their order. */
const lastOf = new WeakMap<Call, number>()

/**
 * When an outcome should land: now, or, while the session settles, after it. With S the settle time and C the
 * session's start, an outcome arriving at t < C + 2S lands at C + S + (t − C) / 2: never before C + S, later for
 * what arrives later (their order holds), and never after what arrives from C + 2S on, which lands at once. So the
 * order needs no record in Botpress (no read, no write, no race between instances over one); within a call, each
 * lands a millisecond after the one before at least. Returns the time (absolute, to the millisecond: a relative
 * delay would let clock skew between two calls swap them), or undefined for at once.
 */
export function landing(call: Call, conversation: Session): { dateTime: string } | undefined {
  const settle = call.plan.events.settleMs
  const created = Date.parse(conversation.createdAt)
  const now = Date.now()
  if (!settle || now >= created + 2 * settle) return undefined
  const at = Math.max(Math.ceil(created + settle + (now - created) / 2), (lastOf.get(call) ?? 0) + 1)
  if (at <= now) return undefined
  lastOf.set(call, at)
  return { dateTime: new Date(at).toISOString() }
}
