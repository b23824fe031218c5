/** emit: stopped: the helpdesk closed the session (hitlStopped). */
import type { Scope } from '../../manifest/expressions'
import { ticketOf, type Extractor } from './outcome'

export type StoppedOutcome = { kind: 'stopped'; matcher: string; ticketId: string }

export const stopped: Extractor<StoppedOutcome> = function* (m, _event, fetched) {
  const ticketId = (yield ticketOf(m, (yield fetched()) as Scope)) as Awaited<ReturnType<typeof ticketOf>>
  if (typeof ticketId !== 'string') return ticketId
  return { kind: 'stopped', matcher: m.name, ticketId }
}
