/**
 * What a matched webhook event does in Botpress: an agent message in the session's conversation (created once, keyed
 * by the helpdesk's message id), hitlAssigned with the agent's Botpress user, or hitlStopped.
 */
import { attachmentType } from '../runtime/messages'
import type { Outcome } from '../runtime/provider'
import type { Call } from './call'
import { hitlChannel, hitlEvent, TAGS } from './names'
import type { HitlIntegration } from './types'

type Messages = HitlIntegration['channels']['hitl']['messages']
/** A message to create in the session's conversation, with the helpdesk's id it is keyed by. */
type Part = { [T in 'text' | 'image' | 'audio' | 'video' | 'file']: { type: T; payload: Messages[T]; id: string } }['text' | 'image' | 'audio' | 'video' | 'file']

function attachmentPart(type: ReturnType<typeof attachmentType>, url: string, title: string | undefined, id: string): Part {
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

export async function applyOutcome(call: Call, outcome: Outcome) {
  const { client, logger, names } = call
  if (outcome.kind === 'ignored') {
    logger.forBot().debug(`Webhook event ignored: ${outcome.reason}`)
    return
  }
  const { conversations } = await client.listConversations({ channel: hitlChannel(names), tags: { [TAGS.conversation.id]: outcome.ticketId } })
  const conversation = conversations[0]
  if (!conversation) {
    logger.forBot().info(`Webhook event for unknown ticket ${outcome.ticketId} (matcher '${outcome.matcher}'): ignored`)
    return
  }
  if (outcome.kind === 'stopped') {
    await client.createEvent({ type: hitlEvent(names, 'hitlStopped'), payload: { conversationId: conversation.id }, conversationId: conversation.id })
    return
  }
  const { agent } = outcome
  const { user } = await client.getOrCreateUser({
    tags: { [TAGS.user.agentId]: agent.id },
    name: agent.name,
    pictureUrl: agent.pictureUrl,
    discriminateByTags: [TAGS.user.agentId],
  })
  if ((agent.name && user.name !== agent.name) || (agent.pictureUrl && user.pictureUrl !== agent.pictureUrl)) {
    await client.updateUser({ id: user.id, name: agent.name, pictureUrl: agent.pictureUrl })
  }
  if (outcome.kind === 'assigned') {
    await client.createEvent({ type: hitlEvent(names, 'hitlAssigned'), payload: { conversationId: conversation.id, userId: user.id }, conversationId: conversation.id })
    return
  }
  const { message } = outcome
  const parts: Part[] = []
  if (message.text) parts.push({ type: 'text', payload: { text: message.text }, id: message.id })
  message.attachments.forEach((a, i) => {
    const id = message.text || i > 0 ? `${message.id}#${i + 1}` : message.id
    parts.push(attachmentPart(attachmentType(a.contentType, a.name ?? a.url), a.url, a.name, id))
  })
  for (const part of parts) {
    // Keyed by the external message id: a redelivery or the echo of our own post finds the existing message.
    await client.getOrCreateMessage({
      conversationId: conversation.id,
      userId: user.id,
      type: part.type,
      payload: part.payload,
      tags: { [TAGS.message.id]: part.id },
      discriminateByTags: [TAGS.message.id],
    })
  }
}
