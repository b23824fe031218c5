/**
 * startHitl: the ticket (and the history the manifest's strategy relays) in the helpdesk, then the Botpress
 * conversation of the session, tagged with the ticket id.
 */
import type { Author, HistoryMessage } from '../../runtime/provider'
import { withCall, type Binding } from '../call'
import { hitlChannel, TAGS } from '../names'
import { markOpen, pollIfDue } from '../poll'
import { applyEarly } from '../session/apply'
import { endUser, userAuthor } from '../session/people'
import { withDefaults } from '../../manifest/values'
import { dataTag, keepData } from '../session/data'
import type { ActionHandler } from '../types'

export function startHitl(binding: Binding): ActionHandler<'startHitl'> {
  return function startHitlHandler(props) {
    return withCall(binding, props, async (call) => {
      const { runtime, plan, client, ctx, names } = call
      const { input } = props
      const user = await endUser(call, input.userId)
      const hitlSession = withDefaults(plan.manifest.hitlSession, input.hitlSession)
      const botName = plan.startHitl.history.botName
      const authorOf = (m: HistoryMessage): Author =>
        m.source.type === 'user' ? userAuthor(user) : { kind: 'bot', id: ctx.botUserId, name: botName }
      const given = { userId: input.userId, title: input.title, description: input.description, hitlSession }
      const session = await runtime.startHitl(given, user, input.messageHistory, authorOf)
      const tag = dataTag(plan, session.data)
      const { conversation } = await client.getOrCreateConversation({
        channel: hitlChannel(names),
        tags: { [TAGS.conversation.id]: session.ticketId, ...tag },
        discriminateByTags: [TAGS.conversation.id],
      })
      await keepData(call, conversation.id, session.data, tag, conversation.tags)
      // The ticket linked back to the conversation: cosmetic, so a failure is said, and the session goes on.
      await runtime
        .linkSession({ ...session, conversationId: conversation.id }, given, user)
        .catch((err: Error) =>
          call.logger
            .forBot()
            .warn(
              `Ticket ${session.ticketId} was not linked back to ${conversation.id}: ${runtime.redactor.redact(err.message)}`
            )
        )
      // What the helpdesk did to the ticket before its session existed (assignment rules, auto-replies), now.
      await applyEarly(call, session.ticketId, conversation)
      // A polled helpdesk: the session is open for polling, and asked about at once.
      if (await runtime.polling()) {
        await markOpen(call, conversation.id, true)
        await pollIfDue(call, conversation.id)
      }
      return { conversationId: conversation.id }
    })
  }
}
