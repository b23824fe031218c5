/**
 * While a session settles (events.settleSeconds after startHitl), what the helpdesk sends is scheduled in Botpress
 * to land after it, in its order: the HITL plugin drops what reaches it before it has activated the session.
 */
import type { Call } from '../call'
import { state } from '../states'

export type Session = { id: string; createdAt: string }

/**
 * When an outcome should land: now, or, while the session settles, after it and after the outcomes already held
 * back (so their order holds). Returns the time to schedule it at (absolute, to the millisecond: a relative delay
 * would let clock skew between two calls swap them), or undefined for at once.
 */
export async function landing(call: Call, conversation: Session): Promise<{ dateTime: string } | undefined> {
  const settle = call.plan.events.settleMs
  const created = Date.parse(conversation.createdAt)
  const now = Date.now()
  // Past the window (and any chain it started), nothing is held back any more: no state read.
  if (!settle || now - created > settle + 60_000) return undefined
  const schedule = state(call.client, 'hitlSchedule', conversation.id)
  const last = (await schedule.read())?.until ?? 0
  const at = Math.max(now, created + settle, last + 1)
  if (at <= now) return undefined
  await schedule.write({ until: at })
  return { dateTime: new Date(at).toISOString() }
}
