/**
 * stopHitl: the bot's messages already on their way (a closing note posted just before) reach the ticket first,
 * waited for a few seconds at most (../session/outgoing.ts); then the session is tagged closed (what reads the tag
 * drops late agent messages) and claimed closed by the bot, then the manifest's steps close the ticket. So the
 * helpdesk's own close webhook, even one delivered before the close request returns (synchronously), finds the
 * session closed by the bot and sends no hitlStopped; and what comes late (an agent's last reply) is settled, not
 * retried.
 */
import { withCall, type Binding } from '../call'
import { claimClose, markClosed } from '../session/close'
import { awaitOutgoing } from '../session/outgoing'
import { sessionOf } from '../session/people'
import type { ActionHandler } from '../types'

export function stopHitl(binding: Binding): ActionHandler<'stopHitl'> {
  return function stopHitlHandler(props) {
    return withCall(binding, props, async (call) => {
      const { conversationId } = props.input
      const session = await sessionOf(call, conversationId)
      await awaitOutgoing(call, conversationId)
      await markClosed(call, conversationId, new Date().toISOString())
      await claimClose(call, conversationId, 'bot')
      await call.runtime.stopHitl(session)
      return {}
    })
  }
}
