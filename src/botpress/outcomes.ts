/**
 * What a matched webhook event does in Botpress, exactly once per HITL session however often the helpdesk delivers
 * it: an agent message (created once, keyed by the helpdesk's message id), hitlAssigned once per change of agent
 * (the agent is kept in conversation state), hitlStopped once per session (claimed with getOrSetState, which tells
 * who set it first). The outcomes of one session are applied one at a time, in arrival order. After the session
 * stopped, agent messages and assignments are dropped with a log line.
 */
import { attachmentType } from '../runtime/messages'
import type { Agent, Outcome } from '../runtime/webhook'
import type { Call } from './call'
import { isNotFound } from './errors'
import { hitlChannel, hitlEvent, STATES, TAGS } from './names'
import { serially } from './serial'
import type { HitlIntegration } from './types'

/** Botpress' API declares no bound on a message payload; these keep an agent's message to what a chat can show. */
export const MAX_AGENT_TEXT = 32_000
export const MAX_ATTACHMENTS = 10

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
  const { client, logger, names, ctx } = call
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
  await serially(`${ctx.botId}/${conversation.id}`, async () => {
    const closed = await closedAt(call, conversation.id)
    if (outcome.kind === 'stopped') return stop(call, conversation.id, closed)
    if (closed) {
      logger.forBot().info(`Conversation ${conversation.id}: the session stopped at ${closed}; ${outcome.kind === 'message' ? `agent message ${outcome.message.id}` : 'assignment'} from the helpdesk dropped`)
      return
    }
    const userId = await agentUser(call, outcome.agent)
    if (outcome.kind === 'assigned') return assign(call, conversation.id, outcome.agent.id, userId)
    await postMessage(call, conversation.id, userId, outcome.message)
  })
}

async function closedAt(call: Call, conversationId: string): Promise<string | undefined> {
  try {
    const { state } = await call.client.getState({ type: 'conversation', name: STATES.closed, id: conversationId })
    return state.payload.at
  } catch (err) {
    if (isNotFound(err)) return undefined
    throw err
  }
}

async function stop(call: Call, conversationId: string, closed: string | undefined) {
  const { client, logger, names } = call
  if (closed) return logger.forBot().info(`Conversation ${conversationId}: the session already stopped at ${closed}; hitlStopped not sent again`)
  // The claim: whoever creates the state sends the event (another instance may be closing the same session).
  const { meta } = await client.getOrSetState({ type: 'conversation', name: STATES.closed, id: conversationId, payload: { at: new Date().toISOString() } })
  if (meta.cached) return logger.forBot().info(`Conversation ${conversationId}: closed elsewhere meanwhile; hitlStopped not sent again`)
  await client.createEvent({ type: hitlEvent(names, 'hitlStopped'), payload: { conversationId }, conversationId })
}

async function assign(call: Call, conversationId: string, agentId: string, userId: string) {
  const { client, logger, names } = call
  let current: string | undefined
  try {
    current = (await client.getState({ type: 'conversation', name: STATES.agent, id: conversationId })).state.payload.agentId
  } catch (err) {
    if (!isNotFound(err)) throw err
  }
  if (current === agentId) return logger.forBot().debug(`Conversation ${conversationId}: agent ${agentId} was already assigned; hitlAssigned not sent again`)
  await client.createEvent({ type: hitlEvent(names, 'hitlAssigned'), payload: { conversationId, userId }, conversationId })
  await client.setState({ type: 'conversation', name: STATES.agent, id: conversationId, payload: { agentId } })
}

/** The agent's Botpress user (tagged with the helpdesk's id), its name and picture kept up to date. */
async function agentUser(call: Call, agent: Agent): Promise<string> {
  const { client } = call
  const { user } = await client.getOrCreateUser({ tags: { [TAGS.user.agentId]: agent.id }, name: agent.name, pictureUrl: agent.pictureUrl, discriminateByTags: [TAGS.user.agentId] })
  if ((agent.name && user.name !== agent.name) || (agent.pictureUrl && user.pictureUrl !== agent.pictureUrl)) {
    await client.updateUser({ id: user.id, name: agent.name, pictureUrl: agent.pictureUrl })
  }
  return user.id
}

async function postMessage(call: Call, conversationId: string, userId: string, message: Extract<Outcome, { kind: 'message' }>['message']) {
  const { client, logger } = call
  const parts: Part[] = []
  let text = message.text
  if (text && text.length > MAX_AGENT_TEXT) {
    logger.forBot().warn(`Conversation ${conversationId}: agent message ${message.id} has ${text.length} characters; the first ${MAX_AGENT_TEXT} are relayed`)
    text = `${text.slice(0, MAX_AGENT_TEXT)}\n[… message cut: ${text.length - MAX_AGENT_TEXT} more characters in the helpdesk]`
  }
  if (text) parts.push({ type: 'text', payload: { text }, id: message.id })
  const attachments = message.attachments.slice(0, MAX_ATTACHMENTS)
  attachments.forEach((a, i) => {
    const id = text || i > 0 ? `${message.id}#${i + 1}` : message.id
    parts.push(attachmentPart(attachmentType(a.contentType, a.name ?? a.url), a.url, a.name, id))
  })
  if (message.attachments.length > MAX_ATTACHMENTS) {
    const more = message.attachments.length - MAX_ATTACHMENTS
    logger.forBot().warn(`Conversation ${conversationId}: agent message ${message.id} has ${message.attachments.length} attachments; the first ${MAX_ATTACHMENTS} are relayed`)
    parts.push({ type: 'text', payload: { text: `[${more} more attachment${more > 1 ? 's' : ''} in the helpdesk]` }, id: `${message.id}#more` })
  }
  for (const part of parts) {
    // Keyed by the external message id: a redelivery or the echo of our own post finds the existing message.
    await client.getOrCreateMessage({ conversationId, userId, type: part.type, payload: part.payload, tags: { [TAGS.message.id]: part.id }, discriminateByTags: [TAGS.message.id] })
  }
}
