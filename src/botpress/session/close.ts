/**
 * A session's close, decided once in Botpress: the first to claim it (stopHitl, before it asks the helpdesk to
 * close; or the helpdesk's own close webhook) wins, whatever instance and order; only a helpdesk close that wins
 * sends hitlStopped, so the helpdesk's announcement of a close the bot made sends nothing.
 *
 * The conversation's closed tag says it to whoever reads the conversation anyway (a webhook finds its session by
 * listing conversations; a message comes with its conversation): stopHitl sets it before its claim, a helpdesk
 * close once its hitlStopped is sent. So a tag set means the close was claimed and announced; the claim (state)
 * stays what decides. A tag missing (its write failed after the event) only lets a late agent message through.
 */
import type { Call } from '../call'
import { TAGS, type Tags } from '../names'
import { claim, state } from '../states'

export type Closed = { at: string; by?: 'bot' | 'helpdesk' }

/** When the session was closed, as its conversation's tags say (no call). */
export function closedIn(tags: Tags | undefined): Closed | undefined {
  const at = tags?.[TAGS.conversation.closed]
  return at ? { at } : undefined
}

/** When the session was closed, and by whom, if it was: its tags when they say so, else its claim (a state read). */
export async function closedAt(call: Call, conversationId: string, tags?: Tags): Promise<Closed | undefined> {
  return closedIn(tags) ?? state(call.client, 'hitlClosed', conversationId).read()
}

/** Claims the session's close for `by`: won when this call is the first to close it. */
export function claimClose(call: Call, conversationId: string, by: 'bot' | 'helpdesk') {
  return claim(call.client, 'hitlClosed', conversationId, { at: new Date().toISOString(), by })
}

/** Sets the closed tag (see above for when). */
export async function markClosed(call: Call, conversationId: string, at: string) {
  await call.client.updateConversation({ id: conversationId, tags: { [TAGS.conversation.closed]: at } })
}
