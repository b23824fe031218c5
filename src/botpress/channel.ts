/**
 * The hitl channel: a message written in a HITL conversation goes to the ticket, as the end user (payload.userId)
 * or as the bot; the helpdesk's id of the post is acked as the message's id tag (how echoes are recognised).
 */
import type { Author, ExternalUser } from '../runtime/provider'
import { withCall, type Binding } from './call'
import { TAGS } from './names'
import { endUser, sessionOf } from './session'
import type { MessageHandler } from './types'

type AnyMessageProps = Parameters<MessageHandler>[0]

export const sendMessage =
  (binding: Binding) =>
  (props: AnyMessageProps): Promise<void> =>
    withCall(binding, props, async (call) => {
      const { userId, additionalData: _additionalData, ...content } = props.payload
      const session = await sessionOf(call, props.conversation.id, props.conversation.tags)
      let author: Author
      let user: ExternalUser | undefined
      if (userId) {
        user = await endUser(call, userId)
        author = { kind: 'user', id: user.id, externalId: user.externalId, name: user.name, email: user.email, data: user.data }
      } else {
        author = { kind: 'bot', id: props.user.id, name: props.user.name || call.plan.startHitl.history.botName }
      }
      const ids = await call.runtime.sendMessage(props.type, content, author, user, session)
      if (ids[0]) await props.ack({ tags: { [TAGS.message.id]: ids[0] } })
    })
