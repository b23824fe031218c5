/**
 * An agent's message in the session's conversation: its text (cut to what a chat can show) and its attachments
 * (re-hosted where their URLs need the helpdesk's credentials), each a Botpress message keyed by the helpdesk's id
 * (getOrCreateMessage), so a redelivery to any instance, or the echo of our own post, creates nothing more.
 */
import { attachmentType } from '../../runtime/messages'
import type { MessageOutcome } from '../../runtime/events/message'
import type { Call } from '../call'
import { TAGS } from '../names'
import type { HitlIntegration } from '../types'
import { isEcho } from './echoes'
import { attachmentLink } from './files'
import { landing, type Session } from './settle'

/** Botpress' API declares no bound on a message payload; these keep an agent's message to what a chat can show. */
export const MAX_AGENT_TEXT = 32_000
export const MAX_ATTACHMENTS = 10

type Messages = HitlIntegration['channels']['hitl']['messages']
type AgentMessage = MessageOutcome['message']
/** A message to create in the session's conversation, with the helpdesk's id it is keyed by. */
type Part = { [T in 'text' | 'image' | 'audio' | 'video' | 'file']: { type: T; payload: Messages[T]; id: string } }[
  'text' | 'image' | 'audio' | 'video' | 'file']

function attachmentPart(
  type: ReturnType<typeof attachmentType>,
  url: string,
  title: string | undefined,
  id: string
): Part {
  switch (type) {
    case 'image':
      return { type, payload: { imageUrl: url, title }, id }
    case 'audio':
      return { type, payload: { audioUrl: url, title }, id }
    case 'video':
      return { type, payload: { videoUrl: url, title }, id }
    case 'file':
      return { type, payload: { fileUrl: url, title }, id }
  }
}

/** A file's name as its URL's path ends (…/label.png → label.png), when the helpdesk gives none. */
function nameInUrl(url: string): string | undefined {
  const last = url.split(/[?#]/)[0]!.split('/').pop()
  try {
    return last ? decodeURIComponent(last) : undefined
  } catch {
    return last
  }
}

export async function postMessage(
  call: Call,
  conversation: Session,
  userId: string,
  message: AgentMessage,
  matcher: string
) {
  const { client, logger } = call
  const conversationId = conversation.id
  if (!message.attachments.length && (await isEcho(call, conversationId, message.id, message.text))) {
    return logger
      .forBot()
      .debug(`Conversation ${conversationId}: message ${message.id} is the echo of our own post: dropped`)
  }
  const parts: Part[] = []
  let text = message.text
  if (text && text.length > MAX_AGENT_TEXT) {
    logger
      .forBot()
      .warn(
        `Conversation ${conversationId}: agent message ${message.id} has ${text.length} characters; the first ${MAX_AGENT_TEXT} are relayed`
      )
    text = `${text.slice(0, MAX_AGENT_TEXT)}\n[… message cut: ${text.length - MAX_AGENT_TEXT} more characters in the helpdesk]`
  }
  if (text) parts.push({ type: 'text', payload: { text }, id: message.id })
  for (const [i, a] of message.attachments.slice(0, MAX_ATTACHMENTS).entries()) {
    const id = text || i > 0 ? `${message.id}#${i + 1}` : message.id
    if ('missing' in a) {
      parts.push({ type: 'text', payload: { text: `[${a.name}: kept in the helpdesk]` }, id })
      continue
    }
    // One that needs the helpdesk's credentials is re-hosted when first opened, not now (./files.ts); one that could
    // never be fetched (off the API host) is said at once.
    const refused = a.rehost === 'auth' ? await call.runtime.attachmentRefusal(a.url) : undefined
    if (refused) {
      logger
        .forBot()
        .warn(`Conversation ${conversationId}: agent message ${message.id}: attachment not relayed: ${refused}`)
      parts.push({ type: 'text', payload: { text: `[${a.name ?? 'an attachment'}: kept in the helpdesk]` }, id })
      continue
    }
    const named = { ...a, name: a.name ?? nameInUrl(a.url) }
    const url = a.rehost ? await attachmentLink(call, conversationId, id, matcher, named) : a.url
    parts.push(attachmentPart(attachmentType(a.contentType, named.name ?? a.url), url, named.name, id))
  }
  if (message.attachments.length > MAX_ATTACHMENTS) {
    const more = message.attachments.length - MAX_ATTACHMENTS
    logger
      .forBot()
      .warn(
        `Conversation ${conversationId}: agent message ${message.id} has ${message.attachments.length} attachments; the first ${MAX_ATTACHMENTS} are relayed`
      )
    parts.push({
      type: 'text',
      payload: { text: `[${more} more attachment${more > 1 ? 's' : ''} in the helpdesk]` },
      id: `${message.id}#more`,
    })
  }
  for (const part of parts) {
    // Keyed by the external message id: a redelivery or the echo of our own post finds the existing message.
    const schedule = landing(call, conversation)
    await client.getOrCreateMessage({
      conversationId,
      userId,
      type: part.type,
      payload: part.payload,
      tags: { [TAGS.message.id]: part.id },
      discriminateByTags: [TAGS.message.id],
      schedule,
    })
  }
}
