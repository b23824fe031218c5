/**
 * Where a matched webhook event lands, exactly once per HITL session however often, to whichever instance, and in
 * whatever order the helpdesk delivers it: the session of its ticket is found (by the conversation's ticket tag), and
 * the outcome's applier (../events) runs with it, one at a time per ticket within an instance (./serial.ts):
 * - an agent message is created once, keyed by the helpdesk's message id (./messages.ts);
 * - hitlAssigned is sent once per agent and session, claimed on the agent's user (./agents.ts);
 * - hitlStopped once per session, for a close the helpdesk made first, claimed on the conversation (./close.ts);
 * - after the session closed (its conversation's closed tag, ./close.ts), agent messages and assignments are dropped
 *   with a log line.
 * An outcome for a ticket whose session does not exist yet is kept until startHitl makes it (./early.ts); while a
 * session settles, outcomes are scheduled to land after it (./settle.ts). docs/session-lifecycle.md shows the walk.
 */
import type { Applicable, Outcome } from '../../runtime/events'
import type { Call } from '../call'
import { APPLIERS, type Applier } from '../events'
import { hitlChannel, TAGS } from '../names'
import { closedIn } from './close'
import { keepEarly, takeEarly } from './early'
import { serially } from './serial'
import type { Session } from './settle'

export async function applyOutcome(call: Call, outcome: Outcome) {
  if (outcome.kind === 'ignore') return APPLIERS.ignore(call, outcome)
  // Its conversation listed in the ticket's turn: a close applied just before is on its tags.
  return inTurn(call, outcome.ticketId, async () => {
    const { conversations } = await call.client.listConversations({
      channel: hitlChannel(call.names),
      tags: { [TAGS.conversation.id]: outcome.ticketId },
    })
    const conversation = conversations[0]
    if (!conversation) return keepEarly(call, outcome)
    await applyToSession(call, conversation, outcome)
  })
}

/** Applies, in their order and once, the outcomes kept for a ticket whose session startHitl has just made. */
export async function applyEarly(call: Call, ticketId: string, conversation: Session) {
  await inTurn(call, ticketId, async () => {
    for (const outcome of await takeEarly(call, ticketId)) await applyToSession(call, conversation, outcome)
  })
}

/** The outcomes of one ticket, one at a time within an instance. */
const inTurn = <T>(call: Call, ticketId: string, run: () => Promise<T>) =>
  serially(`${call.ctx.botId}/ticket/${ticketId}`, run)

function applyToSession(call: Call, session: Session, outcome: Applicable) {
  const apply = APPLIERS[outcome.kind] as Applier<Applicable['kind']>
  return apply(call, session, outcome as never, closedIn(session.tags))
}
