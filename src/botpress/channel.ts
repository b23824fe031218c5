/**
 * The hitl channel: a message written in a HITL conversation goes to the ticket, as the end user (payload.userId)
 * or as the bot; the helpdesk's id of the post is acked as the message's id tag (how echoes are recognised).
 */
import { partsRead } from '../manifest/reads-scope'
import { ProviderError } from '../runtime/errors'
import { renderMessage } from '../runtime/messages'
import type { Author, ExternalUser } from '../runtime/provider'
import { withCall, type Binding, type Uses } from './call'
import { TAGS } from './names'
import { pollIfDue, pollingParts } from './poll'
import { closedAt } from './session/close'
import { recordPosting } from './session/echoes'
import { RELAYED } from './session/outgoing'
import { endUser, sessionOf, userAuthor } from './session/people'
import type { MessageHandler } from './types'

type AnyMessageProps = Parameters<MessageHandler>[0]

/** A 4xx that is the helpdesk's answer about the ticket, not about our credentials or pace. */
const isRefusal = (status?: number) =>
  status !== undefined && status >= 400 && status < 500 && ![401, 403, 429].includes(status)

/** What a message's call may use: the HTTP settings, the messages, and a poll it may run (pollIfDue). */
const MESSAGE_USES: Uses = {
  key: 'message',
  parts: (plan) => [plan.http, plan.messages, pollingParts(plan.inbound)],
}

export function sendMessage(binding: Binding) {
  return function sendMessageHandler(props: AnyMessageProps): Promise<void> {
    return withCall(
      binding,
      props,
      async (call) => {
        const { userId, additionalData: _additionalData, ...content } = props.payload
        const readsData = partsRead(call.plan, MESSAGE_USES.key, ['session', 'data'], MESSAGE_USES.parts)
        const session = await sessionOf(call, props.conversation.id, props.conversation.tags, readsData)
        let author: Author
        let user: ExternalUser | undefined
        if (userId) {
          user = await endUser(call, userId)
          author = userAuthor(user)
        } else {
          author = { kind: 'bot', id: props.user.id, name: props.user.name || call.plan.startHitl.history.botName }
        }
        // Before posting: the helpdesk may announce our post before it answers it.
        await recordPosting(call, props.conversation.id, renderMessage(props.type, content).text)
        let ids: string[]
        try {
          ids = await call.runtime.sendMessage(props.type, content, author, user, session)
        } catch (err) {
          // The ticket is closed (the helpdesk says so, or the session was stopped): settled here, not retried.
          if (
            !(err instanceof ProviderError) ||
            !(
              err.details.closed ||
              (isRefusal(err.details.status) && (await closedAt(call, props.conversation.id, props.conversation.tags)))
            )
          )
            throw err
          const redactor = await call.runtime.redactor.settled()
          call.logger
            .forBot()
            .warn(
              `Conversation ${props.conversation.id}: ticket ${session.ticketId} is closed; this ${props.type} message was not delivered to the helpdesk (${redactor.redact(err.message)})`
            )
          return props.ack({ tags: { [TAGS.message.relayed]: RELAYED.undelivered } })
        }
        // Marked handled either way: stopHitl waits for the messages on their way (./session/outgoing.ts).
        await props.ack({ tags: ids[0] ? { [TAGS.message.id]: ids[0] } : { [TAGS.message.relayed]: RELAYED.posted } })
        // A polled helpdesk is asked about the session while it is active (when due).
        await pollIfDue(call, props.conversation.id)
      },
      MESSAGE_USES
    )
  }
}
