/** emit: assigned: an agent took the session (hitlAssigned). */
import { agentOf, ticketOf, type Agent, type Extractor } from './outcome'

export type AssignedOutcome = { kind: 'assigned'; matcher: string; ticketId: string; agent: Agent }

export const assigned: Extractor<AssignedOutcome> = async (m, _event, fetched) => {
  const s = await fetched()
  const ticketId = await ticketOf(m, s)
  if (typeof ticketId !== 'string') return ticketId
  const agent = await agentOf(m, s)
  if ('kind' in agent) return agent
  return { kind: 'assigned', matcher: m.name, ticketId, agent }
}
