/**
 * stopHitl: the manifest's steps that close the ticket of the session; then the session is marked closed, so the
 * helpdesk's own close webhook sends no hitlStopped to a session the bot has already ended, and what comes late
 * (the plugin's closing note, an agent's last reply) is settled, not retried.
 */
import { withCall, type Binding } from '../call'
import { claimClose } from '../outcomes'
import { sessionOf } from '../session'
import type { ActionHandler } from '../types'

export const stopHitl =
  (binding: Binding): ActionHandler<'stopHitl'> =>
  (props) =>
    withCall(binding, props, async (call) => {
      const { conversationId } = props.input
      await call.runtime.stopHitl(await sessionOf(call, conversationId))
      await claimClose(call, conversationId)
      return {}
    })
