/** emit: stopped: the helpdesk closed the session (hitlStopped). */
import { ticketOf, type Extractor } from './outcome'

export type StoppedOutcome = { kind: 'stopped'; matcher: string; ticketId: string }

export const stopped: Extractor<StoppedOutcome> = async (m, _event, fetched) => {
  const ticketId = await ticketOf(m, await fetched())
  if (typeof ticketId !== 'string') return ticketId
  return { kind: 'stopped', matcher: m.name, ticketId }
}
