/** The end user and the HITL session of a call, read back from Botpress (tags and states). */
import * as sdk from '@botpress/sdk'
import type { Author, ExternalUser, Session } from '../../runtime/provider'
import type { Call } from '../call'
import { TAGS, type Tags } from '../names'
import { readData } from '../state'
import { readKept } from './data'

/** The end user as the author of a message (history or channel). */
export const userAuthor = (user: ExternalUser): Author => ({
  kind: 'user',
  id: user.id,
  externalId: user.externalId,
  name: user.name,
  email: user.email,
  data: user.data,
})

/** The Botpress user createUser made, with its external id (a user tag) and what createUser asked to remember. */
export async function endUser(call: Call, userId: string): Promise<ExternalUser> {
  const { user } = await call.client.getUser({ id: userId })
  const externalId = user.tags[TAGS.user.id]
  if (!externalId)
    throw new sdk.RuntimeError(
      `User ${userId} has no external id: create it with the ${call.names.actions.createUser} action first`
    )
  const data = call.plan.createUser.data ? await readData(call.client, 'user', userId) : undefined
  call.runtime.keepSecretsOf(data)
  return { id: user.id, externalId, name: user.name, pictureUrl: user.pictureUrl, email: user.attributes?.email, data }
}

/** The session of a HITL conversation: its ticket id (a conversation tag) and what startHitl asked to remember. */
export async function sessionOf(
  call: Call,
  conversationId: string,
  tags?: Tags,
  /** Whether the call may read session.data (what startHitl kept): read from Botpress only then. */
  readsData = true
): Promise<Session> {
  const conversationTags = tags ?? (await call.client.getConversation({ id: conversationId })).conversation.tags
  const ticketId = conversationTags[TAGS.conversation.id]
  if (!ticketId) throw new sdk.RuntimeError(`Conversation ${conversationId} is not a HITL session (no ticket id tag)`)
  const data = await readKept(call, conversationId, conversationTags, readsData)
  call.runtime.keepSecretsOf(data)
  return { ticketId, data, conversationId }
}
