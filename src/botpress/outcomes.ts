/**
 * What a matched webhook event does in Botpress, exactly once per HITL session however often the helpdesk delivers
 * it: an agent message (created once, keyed by the helpdesk's message id), hitlAssigned once per change of agent
 * (the agent is kept in conversation state), hitlStopped once per session (claimed with getOrSetState, which tells
 * who set it first). The outcomes of one session are applied one at a time, in arrival order. After the session
 * stopped, agent messages and assignments are dropped with a log line.
 *
 * A session's edges: an outcome for a ticket whose session does not exist yet (an assignment rule or an auto-reply
 * firing while startHitl runs) is kept in Botpress (integration state, bounded) and applied when startHitl makes the
 * session; and while a session settles (webhook.settleSeconds after it starts), outcomes are scheduled in Botpress to
 * land after it, in their order, because the HITL plugin drops what arrives before it has activated the session.
 */
import { attachmentType } from '../runtime/messages'
import type { Agent, Outcome } from '../runtime/webhook'
import type { Call } from './call'
import { isEcho } from './echoes'
import { rehost } from './files'
import { unlessMissing } from './errors'
import { hitlChannel, hitlEvent, STATES, TAGS } from './names'
import { serially } from './serial'
import type { EarlyOutcome, HitlIntegration } from './types'

/** Botpress' API declares no bound on a message payload; these keep an agent's message to what a chat can show. */
export const MAX_AGENT_TEXT = 32_000
export const MAX_ATTACHMENTS = 10

type Messages = HitlIntegration['channels']['hitl']['messages']
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

/** Early outcomes kept at most (the oldest go first), and for at most this long. */
export const EARLY_MAX = 200
export const EARLY_MAX_AGE_MS = 10 * 60_000

type Applicable = Exclude<Outcome, { kind: 'ignored' }>
type Session = { id: string; createdAt: string }

export async function applyOutcome(call: Call, outcome: Outcome) {
  const { client, logger, names } = call
  if (outcome.kind === 'ignored') {
    logger.forBot().debug(`Webhook event ignored: ${outcome.reason}`)
    return
  }
  const { conversations } = await client.listConversations({
    channel: hitlChannel(names),
    tags: { [TAGS.conversation.id]: outcome.ticketId },
  })
  const conversation = conversations[0]
  if (!conversation) return keepEarly(call, outcome)
  await applyToSession(call, conversation, outcome)
}

async function applyToSession(call: Call, conversation: Session, outcome: Applicable) {
  const { logger, ctx } = call
  await serially(`${ctx.botId}/${conversation.id}`, async () => {
    const closed = await closedAt(call, conversation.id)
    if (outcome.kind === 'stopped') return stop(call, conversation, closed)
    if (closed) {
      logger
        .forBot()
        .info(
          `Conversation ${conversation.id}: the session stopped at ${closed}; ${outcome.kind === 'message' ? `agent message ${outcome.message.id}` : 'assignment'} from the helpdesk dropped`
        )
      return
    }
    const userId = await agentUser(call, outcome.agent)
    if (outcome.kind === 'assigned') return assign(call, conversation, outcome.agent.id, userId)
    await postMessage(call, conversation, userId, outcome.message)
  })
}

/** Kept in Botpress until startHitl makes the ticket's session: the helpdesk may act on a ticket before we know it. */
async function keepEarly(call: Call, outcome: Applicable) {
  const { client, ctx, logger } = call
  await serially(`${ctx.botId}/early`, async () => {
    const now = Date.now()
    const kept = (await readEarly(call)).filter((e) => now - e.receivedAt < EARLY_MAX_AGE_MS)
    kept.push({ receivedAt: now, outcome })
    await client.setState({
      type: 'integration',
      name: STATES.early,
      id: ctx.integrationId,
      payload: { outcomes: kept.slice(-EARLY_MAX) },
    })
  })
  logger
    .forBot()
    .info(
      `Webhook event for ticket ${outcome.ticketId} (matcher '${outcome.matcher}'), whose HITL session does not exist (yet): kept for ${EARLY_MAX_AGE_MS / 60_000} minutes, in case startHitl is creating it`
    )
}

async function readEarly(call: Call): Promise<EarlyOutcome[]> {
  const found = await unlessMissing(
    call.client.getState({ type: 'integration', name: STATES.early, id: call.ctx.integrationId })
  )
  return found?.state.payload.outcomes ?? []
}

/** Applies, in their order and once, the outcomes kept for a ticket whose session startHitl has just made. */
export async function applyEarly(call: Call, ticketId: string, conversation: Session) {
  const { client, ctx } = call
  const mine = await serially(`${ctx.botId}/early`, async () => {
    const kept = await readEarly(call)
    const taken = kept.filter((e) => e.outcome.ticketId === ticketId)
    if (!taken.length) return []
    const rest = kept.filter((e) => e.outcome.ticketId !== ticketId)
    await client.setState({
      type: 'integration',
      name: STATES.early,
      id: ctx.integrationId,
      payload: { outcomes: rest },
    })
    return taken
  })
  for (const { outcome } of mine) await applyToSession(call, conversation, outcome)
}

/**
 * When an outcome should land: now, or, while the session settles, after it and after the outcomes already held
 * back (so their order holds). Returns the time to schedule it at (absolute, to the millisecond: a relative delay
 * would let clock skew between two calls swap them), or undefined for at once.
 */
async function landing(call: Call, conversation: Session): Promise<{ dateTime: string } | undefined> {
  const settle = call.plan.webhook.settleMs
  const created = Date.parse(conversation.createdAt)
  const now = Date.now()
  // Past the window (and any chain it started), nothing is held back any more: no state read.
  if (!settle || now - created > settle + 60_000) return undefined
  const { client } = call
  const scheduled = await unlessMissing(
    client.getState({ type: 'conversation', name: STATES.schedule, id: conversation.id })
  )
  const last = scheduled?.state.payload.until ?? 0
  const at = Math.max(now, created + settle, last + 1)
  if (at <= now) return undefined
  await client.setState({ type: 'conversation', name: STATES.schedule, id: conversation.id, payload: { until: at } })
  return { dateTime: new Date(at).toISOString() }
}

/** When the session was closed (by the helpdesk or by stopHitl), if it was. */
export async function closedAt(call: Call, conversationId: string): Promise<string | undefined> {
  const found = await unlessMissing(
    call.client.getState({ type: 'conversation', name: STATES.closed, id: conversationId })
  )
  return found?.state.payload.at
}

/** Claims the session's close: true when this call is the first to close it (getOrSetState tells who set it). */
export async function claimClose(call: Call, conversationId: string): Promise<boolean> {
  const { meta } = await call.client.getOrSetState({
    type: 'conversation',
    name: STATES.closed,
    id: conversationId,
    payload: { at: new Date().toISOString() },
  })
  return !meta.cached
}

async function stop(call: Call, conversation: Session, closed: string | undefined) {
  const { client, logger, names } = call
  const conversationId = conversation.id
  if (closed)
    return logger
      .forBot()
      .info(`Conversation ${conversationId}: the session already stopped at ${closed}; hitlStopped not sent again`)
  // The claim: whoever creates the state sends the event (another instance may be closing the same session).
  if (!(await claimClose(call, conversationId)))
    return logger
      .forBot()
      .info(`Conversation ${conversationId}: closed elsewhere meanwhile; hitlStopped not sent again`)
  await client.createEvent({
    type: hitlEvent(names, 'hitlStopped'),
    payload: { conversationId },
    conversationId,
    schedule: await landing(call, conversation),
  })
}

async function assign(call: Call, conversation: Session, agentId: string, userId: string) {
  const { client, logger, names } = call
  const conversationId = conversation.id
  const assigned = await unlessMissing(
    client.getState({ type: 'conversation', name: STATES.agent, id: conversationId })
  )
  const current = assigned?.state.payload.agentId
  if (current === agentId)
    return logger
      .forBot()
      .debug(`Conversation ${conversationId}: agent ${agentId} was already assigned; hitlAssigned not sent again`)
  await client.createEvent({
    type: hitlEvent(names, 'hitlAssigned'),
    payload: { conversationId, userId },
    conversationId,
    schedule: await landing(call, conversation),
  })
  await client.setState({ type: 'conversation', name: STATES.agent, id: conversationId, payload: { agentId } })
}

/** The agent's Botpress user (tagged with the helpdesk's id), its name and picture kept up to date. */
async function agentUser(call: Call, agent: Agent): Promise<string> {
  const { client } = call
  const { user } = await client.getOrCreateUser({
    tags: { [TAGS.user.agentId]: agent.id },
    name: agent.name,
    pictureUrl: agent.pictureUrl,
    discriminateByTags: [TAGS.user.agentId],
  })
  if ((agent.name && user.name !== agent.name) || (agent.pictureUrl && user.pictureUrl !== agent.pictureUrl)) {
    await client.updateUser({ id: user.id, name: agent.name, pictureUrl: agent.pictureUrl })
  }
  return user.id
}

async function postMessage(
  call: Call,
  conversation: Session,
  userId: string,
  message: Extract<Outcome, { kind: 'message' }>['message']
) {
  const { client, logger } = call
  const conversationId = conversation.id
  if (!message.attachments.length && (await isEcho(call, conversationId, message.text))) {
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
    const got = a.needsAuth ? await rehost(call, conversationId, id, a) : a
    if ('failed' in got) {
      logger
        .forBot()
        .warn(`Conversation ${conversationId}: agent message ${message.id}: attachment not relayed: ${got.failed}`)
      parts.push({ type: 'text', payload: { text: `[${a.name ?? 'an attachment'}: kept in the helpdesk]` }, id })
      continue
    }
    parts.push(attachmentPart(attachmentType(got.contentType, got.name ?? a.url), got.url, got.name, id))
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
    const schedule = await landing(call, conversation)
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
