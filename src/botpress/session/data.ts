/**
 * What startHitl kept for a session (the manifest's startHitl.result.data): on the conversation's data tag when it is
 * small and holds no secret, so that a message or a webhook reads it with the conversation, at no call of its own;
 * otherwise (a token kept for the session, or more than a tag should carry) in the hitlSession state, read when a
 * call's parts use it. Sessions started before the tag existed have the state only: read as before.
 */
import type { Plan } from '../../manifest/load'
import { isSecretState } from '../../runtime/provider'
import type { Call } from '../call'
import { TAGS, type Tags } from '../names'
import { readData, writeData } from '../state'

/** The most a data tag carries (JSON characters): Botpress documents no bound on a tag's value, so ours is small. */
export const MAX_DATA_TAG = 500

/** The tag carrying `data`, or nothing when it must stay in state (secret, too big, or nothing to keep). */
export function dataTag(plan: Plan, data: unknown): Tags {
  if (data === undefined || data === null) return {}
  if (typeof data === 'object' && Object.keys(data).some((k) => isSecretState(plan, k))) return {}
  const json = JSON.stringify(data)
  return json.length <= MAX_DATA_TAG ? { [TAGS.conversation.data]: json } : {}
}

/**
 * Keeps what `tag` (dataTag's, which the conversation was made with) cannot carry in state (startHitl, once the
 * conversation exists); `tags` are the conversation's as Botpress answered.
 */
export async function keepData(call: Call, conversationId: string, data: unknown, tag: Tags, tags: Tags) {
  if (!call.plan.startHitl.data) return
  const tagged = tag[TAGS.conversation.data]
  if (tagged === undefined) return writeData(call.client, 'conversation', conversationId, data)
  // Botpress may hand back a conversation it already had, tags as they were: then they are set.
  if (tags[TAGS.conversation.data] !== tagged)
    await call.client.updateConversation({ id: conversationId, tags: { [TAGS.conversation.data]: tagged } })
}

/** What startHitl kept: from the tag when it carries it, else from state (only when the call reads it). */
export async function readKept(call: Call, conversationId: string, tags: Tags, reads: boolean): Promise<unknown> {
  if (!call.plan.startHitl.data || !reads) return undefined
  const tagged = tags[TAGS.conversation.data]
  if (tagged) return JSON.parse(tagged)
  return readData(call.client, 'conversation', conversationId)
}
