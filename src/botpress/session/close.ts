/**
 * A session's close, decided once in Botpress: the first to claim it (stopHitl, before it asks the helpdesk to
 * close; or the helpdesk's own close webhook) wins, whatever instance and order; only a helpdesk close that wins
 * sends hitlStopped, so the helpdesk's announcement of a close the bot made sends nothing.
 */
import type { Call } from '../call'
import { claim, state } from '../states'

export type Closed = { at: string; by?: 'bot' | 'helpdesk' }

/** When the session was closed, and by whom, if it was. */
export async function closedAt(call: Call, conversationId: string): Promise<Closed | undefined> {
  return state(call.client, 'hitlClosed', conversationId).read()
}

/** Claims the session's close for `by`: won when this call is the first to close it. */
export function claimClose(call: Call, conversationId: string, by: 'bot' | 'helpdesk') {
  return claim(call.client, 'hitlClosed', conversationId, { at: new Date().toISOString(), by })
}
