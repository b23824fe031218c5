/** stopHitl: the manifest's steps that close the ticket of the session. */
import { withCall, type Binding } from '../call'
import { sessionOf } from '../session'
import type { ActionHandler } from '../types'

export const stopHitl =
  (binding: Binding): ActionHandler<'stopHitl'> =>
  (props) =>
    withCall(binding, props, async (call) => {
      await call.runtime.stopHitl(await sessionOf(call, props.input.conversationId))
      return {}
    })
