/** message: the agent's message in the session's conversation, from the agent's user; dropped once it closed. */
import { agentUser } from '../session/agents'
import { postMessage } from '../session/messages'
import type { Applier } from './applier'

export const message: Applier<'message'> = async (call, session, outcome, closed) => {
  if (closed)
    return call.logger
      .forBot()
      .info(
        `Conversation ${session.id}: the session stopped at ${closed.at}; agent message ${outcome.message.id} from the helpdesk dropped`
      )
  const userId = await agentUser(call, session.id, outcome.agent)
  await postMessage(call, session, userId, outcome.message, outcome.matcher)
}
