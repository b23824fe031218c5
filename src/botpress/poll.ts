/**
 * Polling (a manifest whose inbound is, for this configuration, `poll`): the open sessions of the installation are
 * asked about, each at most every intervalSeconds, whenever something wakes the integration: the bot's recurring
 * event calling the pollHelpdesk action, a request to the webhook URL + /poll, or the session's own activity (its
 * start, its outgoing messages). Open sessions are the conversations tagged open; each one's cursor, next time and
 * failures are its `hitlPoll` state, so any instance takes up where another left off, across restarts. What a poll
 * finds goes through the matchers and outcomes as a webhook's events do (./session/apply.ts): found twice, applied
 * once. A 429 or 5xx backs off, doubling; unregistering stops it (`hitlPolling`).
 */
import * as sdk from '@botpress/sdk'
import type { InboundPlan } from '../manifest/plan'
import { partsRead } from '../manifest/reads-scope'
import { ProviderError } from '../runtime/errors'
import type { Call } from './call'
import { hitlChannel, TAGS, type Tags } from './names'
import { applyOutcome } from './session/apply'
import { closedAt } from './session/close'
import { sessionOf } from './session/people'
import { claim, state } from './states'

/** Below the webhook URL: a request here polls (GET or POST), as the pollHelpdesk action does. */
export const POLL_PATH = '/poll'

/** Longest wait after failures (a helpdesk that keeps answering 429 or 5xx). */
const MAX_BACKOFF_MS = 60 * 60_000
/** How long one instance's turn at polling a session lasts at most (it gives it back when done). */
const TURN_MS = 2 * 60_000
/** Most sessions one wake-up polls (the rest are next). */
const MAX_SESSIONS = 50

export type PollReport = { polled: number; events: number }

/** What choosing and running a poll reads of an inbound plan (not how its webhooks are verified). */
export function pollingParts(inbound: InboundPlan): unknown[] {
  if (inbound.type === 'poll') return [inbound]
  if (inbound.type === 'either') return [inbound.when, ...pollingParts(inbound.use), ...pollingParts(inbound.otherwise)]
  return []
}

type Conversation = { id: string; createdAt: string; tags: Tags }

/**
 * Polls the open sessions that are due (or only `conversationId`'s, due or not: asked for by name). Nothing when
 * this configuration does not poll, or the integration was unregistered.
 */
export async function pollSessions(call: Call, only?: { conversationId: string }): Promise<PollReport> {
  const polling = await call.runtime.polling()
  const report: PollReport = { polled: 0, events: 0 }
  if (!polling) return report
  if ((await state(call.client, 'hitlPolling', call.ctx.integrationId).read())?.stopped) return report
  const sessions = only ? [await conversation(call, only.conversationId)] : await openSessions(call)
  for (const session of sessions) {
    const polled = await pollOne(call, polling, session, !!only)
    if (polled === undefined) continue
    report.polled++
    report.events += polled
  }
  return report
}

/** Polls a session if it is due: after its start, and each message the bot or the end user sends in it. */
export async function pollIfDue(call: Call, conversationId: string) {
  const polling = await call.runtime.polling()
  if (!polling) return
  await pollOne(call, polling, await conversation(call, conversationId), false).catch((err: Error) =>
    call.logger.forBot().warn(`Conversation ${conversationId}: polling the helpdesk failed: ${err.message}`)
  )
}

type Polling = NonNullable<Awaited<ReturnType<Call['runtime']['polling']>>>

async function pollOne(call: Call, polling: Polling, c: Conversation, anyway: boolean): Promise<number | undefined> {
  const { logger, runtime } = call
  if (await closedAt(call, c.id, c.tags)) {
    await markOpen(call, c.id, false)
    return undefined
  }
  const kept = state(call.client, 'hitlPoll', c.id)
  const last = await kept.read()
  const now = Date.now()
  if (!anyway && last && now < last.nextAt) return undefined
  const ticketId = c.tags[TAGS.conversation.id]
  if (!ticketId) return undefined
  // One instance at a time: the others, woken at the same moment, leave this session to it.
  const turn = await claim(
    call.client,
    'hitlPollTurn',
    c.id,
    { until: now + TURN_MS },
    { lapsed: (held) => held.until < Date.now(), expiry: 2 * TURN_MS }
  )
  if (!turn.won) return undefined
  // What startHitl kept (a per-session token, say), read only where the poll's steps read it.
  const { data } = await sessionOf(
    call,
    c.id,
    c.tags,
    partsRead(call.plan, 'poll', ['session', 'data'], (plan) => pollingParts(plan.inbound))
  )
  const session = { ticketId, data, conversationId: c.id, startedAt: c.createdAt }
  const latest = (await kept.read()) ?? last
  // Polled by another instance between the first read and the turn: not due any more.
  if (!anyway && latest && Date.now() < latest.nextAt) return void (await turn.giveBack())
  const cursor = latest && 'cursor' in latest ? latest.cursor : await polling.firstCursor(session)
  try {
    const found = await polling.poll(session, cursor)
    for (const event of found.events) await applyOutcome(call, await runtime.matchEvent(event, found.scope))
    await kept.write({ cursor: found.cursor, nextAt: Date.now() + polling.intervalMs, failures: 0 })
    await turn.giveBack()
    return found.events.length
  } catch (err) {
    // The helpdesk's limits or troubles: wait longer each time; the cursor stays where it was (nothing skipped).
    const failures = (latest?.failures ?? 0) + 1
    const wait = Math.min(polling.intervalMs * 2 ** failures, MAX_BACKOFF_MS)
    await kept.write({ cursor, nextAt: Date.now() + wait, failures })
    await turn.giveBack()
    const said = (await runtime.redactor.settled()).redact((err as Error).message)
    logger
      .forBot()
      .warn(`Conversation ${c.id}: polling the helpdesk failed (next try in ${Math.round(wait / 1000)} s): ${said}`)
    if (!(err instanceof ProviderError)) throw err
    return undefined
  }
}

/** A conversation asked for by name: one of this integration's HITL sessions (its own tags name a ticket). */
async function conversation(call: Call, id: string): Promise<Conversation> {
  const { conversation } = await call.client.getConversation({ id })
  if (conversation.channel !== hitlChannel(call.names) || !conversation.tags[TAGS.conversation.id])
    throw new sdk.RuntimeError(`Conversation ${id} is not a HITL session of this integration`)
  return conversation
}

/** The installation's open sessions (conversations tagged open), at most MAX_SESSIONS, oldest first. */
async function openSessions(call: Call): Promise<Conversation[]> {
  const found: Conversation[] = []
  let nextToken: string | undefined
  do {
    const page = await call.client.listConversations({
      channel: hitlChannel(call.names),
      tags: { [TAGS.conversation.open]: 'true' },
      nextToken,
    })
    found.push(...page.conversations)
    nextToken = page.meta.nextToken
  } while (nextToken && found.length < MAX_SESSIONS)
  return found.slice(0, MAX_SESSIONS)
}

/** Marks a session open (startHitl) or not (its close), so that polling finds the open ones by their tag. */
export async function markOpen(call: Call, conversationId: string, open: boolean) {
  await call.client.updateConversation({
    id: conversationId,
    tags: { [TAGS.conversation.open]: open ? 'true' : 'false' },
  })
}
