/** emit: assigned: an agent took the session (hitlAssigned). */
import type { Scope } from '../../manifest/expressions'
import { agentOf, ticketOf, type Agent, type Extractor } from './outcome'

export type AssignedOutcome = { kind: 'assigned'; matcher: string; ticketId: string; agent: Agent }

export const assigned: Extractor<AssignedOutcome> = function* (m, _event, fetched) {
  const s = (yield fetched()) as Scope
  const ticketId = (yield ticketOf(m, s)) as Awaited<ReturnType<typeof ticketOf>>
  if (typeof ticketId !== 'string') return ticketId
  const agent = (yield agentOf(m, s)) as Awaited<ReturnType<typeof agentOf>>
  if ('kind' in agent) return agent
  return { kind: 'assigned', matcher: m.name, ticketId, agent }
}
