/** assigned: hitlAssigned, once per agent and session (claimed on the agent's user); dropped once it closed. */
import { agentUser, assign } from '../session/agents'
import type { Applier } from './applier'

export const assigned: Applier<'assigned'> = async (call, session, outcome, closed) => {
  if (closed)
    return call.logger
      .forBot()
      .info(`Conversation ${session.id}: the session stopped at ${closed.at}; assignment from the helpdesk dropped`)
  const userId = await agentUser(call, session.id, outcome.agent)
  await assign(call, session, outcome.agent.id, userId)
}
