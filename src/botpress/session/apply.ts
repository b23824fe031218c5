/**
 * What a matched webhook event does in Botpress, exactly once per HITL session however often, to whichever instance,
 * and in whatever order the helpdesk delivers it:
 * - an agent message: created once, keyed by the helpdesk's message id (./messages.ts);
 * - hitlAssigned: once per agent and session, claimed on the agent's user (./agents.ts);
 * - hitlStopped: once per session, for a close the helpdesk made first, claimed on the conversation (./close.ts);
 * - after the session closed, agent messages and assignments are dropped with a log line.
 * Outcomes of one session are applied one at a time within an instance, in arrival order (./serial.ts). An outcome
 * for a ticket whose session does not exist yet is kept until startHitl makes it (./early.ts); while a session
 * settles, outcomes are scheduled to land after it (./settle.ts). docs/session-lifecycle.md shows the whole walk.
 */
import type { Applicable, Outcome } from '../../runtime/webhook'
import type { Call } from '../call'
import { hitlChannel, hitlEvent, TAGS } from '../names'
import { agentUser, assign } from './agents'
import { claimClose, closedAt } from './close'
import { keepEarly, takeEarly } from './early'
import { postMessage } from './messages'
import { serially } from './serial'
import { landing, type Session } from './settle'

export async function applyOutcome(call: Call, outcome: Outcome) {
  const { client, logger, names } = call
  if (outcome.kind === 'ignored') {
    logger.forBot().debug(`Webhook event ignored: ${outcome.reason}`)
    return
  }
  const { conversations } = await client.listConversations({
    channel: hitlChannel(names),
    tags: { [TAGS.conversation.id]: outcome.ticketId },
  })
  const conversation = conversations[0]
  if (!conversation) return keepEarly(call, outcome)
  await applyToSession(call, conversation, outcome)
}

/** Applies, in their order and once, the outcomes kept for a ticket whose session startHitl has just made. */
export async function applyEarly(call: Call, ticketId: string, conversation: Session) {
  for (const outcome of await takeEarly(call, ticketId)) await applyToSession(call, conversation, outcome)
}

async function applyToSession(call: Call, conversation: Session, outcome: Applicable) {
  const { logger, ctx } = call
  await serially(`${ctx.botId}/${conversation.id}`, async () => {
    const closed = await closedAt(call, conversation.id)
    if (outcome.kind === 'stopped') return stop(call, conversation, closed)
    if (closed) {
      logger
        .forBot()
        .info(
          `Conversation ${conversation.id}: the session stopped at ${closed.at}; ${outcome.kind === 'message' ? `agent message ${outcome.message.id}` : 'assignment'} from the helpdesk dropped`
        )
      return
    }
    const userId = await agentUser(call, conversation.id, outcome.agent)
    if (outcome.kind === 'assigned') return assign(call, conversation, outcome.agent.id, userId)
    await postMessage(call, conversation, userId, outcome.message)
  })
}

async function stop(call: Call, conversation: Session, closed: { at: string; by?: string } | undefined) {
  const { client, logger, names } = call
  const conversationId = conversation.id
  if (closed)
    return logger
      .forBot()
      .info(
        `Conversation ${conversationId}: the session already stopped at ${closed.at}${closed.by === 'bot' ? ' (by the bot)' : ''}; hitlStopped not sent again`
      )
  // The claim: whoever sets it first sends the event (another instance may be closing the same session).
  const { won, payload, giveBack } = await claimClose(call, conversationId, 'helpdesk')
  if (!won)
    return logger
      .forBot()
      .info(
        `Conversation ${conversationId}: closed ${payload.by === 'bot' ? 'by the bot' : 'elsewhere'} meanwhile; hitlStopped not sent again`
      )
  await client
    .createEvent({
      type: hitlEvent(names, 'hitlStopped'),
      payload: { conversationId },
      conversationId,
      schedule: await landing(call, conversation),
    })
    .catch(async (err: unknown) => {
      await giveBack()
      throw err
    })
}
