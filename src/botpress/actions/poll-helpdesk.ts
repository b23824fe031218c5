/** pollHelpdesk: beside the hitl interface, what a bot's recurring event calls to poll a helpdesk (./../poll.ts). */
import { withCall, type Binding } from '../call'
import { pollSessions } from '../poll'
import type { ActionHandler } from '../types'

export function pollHelpdesk(binding: Binding): ActionHandler<'pollHelpdesk'> {
  return function pollHelpdeskHandler(props) {
    return withCall(binding, props, (call) => {
      const { conversationId } = props.input
      return pollSessions(call, conversationId ? { conversationId } : undefined)
    })
  }
}
