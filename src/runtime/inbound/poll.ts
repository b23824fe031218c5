/**
 * inbound: poll. The integration asks the helpdesk what happened in one session since its cursor: the manifest's
 * steps, then the events they found (for events.matchers, as a webhook's) and the cursor of the next poll. When to
 * poll, and where the cursor is kept, is the binding's (src/botpress/poll.ts): Botpress' state, for every instance.
 */
import { widened, type Scope, type Steps } from '../../manifest/expressions'
import type { InboundPlan, Scoped } from '../../manifest/plan'
import { WebhookRejection } from '../errors'
import type { HttpClient } from '../http'
import { runSteps } from '../steps'
import type { Received } from './types'

export type PollPlan = Extract<InboundPlan, { type: 'poll' }>
/** A session as a poll reads it. */
export type PolledSession = { ticketId: string; data?: unknown; conversationId: string; startedAt: string }

/** The cursor of a session's first poll. */
export async function firstCursor(inbound: PollPlan, session: PolledSession, base: Scope): Promise<unknown> {
  return inbound.initialCursor.evaluate(widened(base, { session }))
}

/** One poll of one session: the events found since `cursor`, and the cursor of the next poll. */
export async function pollSession(
  inbound: PollPlan,
  session: PolledSession,
  cursor: unknown,
  base: Scoped<'global'>,
  http: HttpClient
): Promise<{ events: unknown[]; cursor: unknown; scope: Scoped<'events'> }> {
  const s = await runSteps(inbound.steps, widened(base, { session, cursor }), http)
  const found = await inbound.events.evaluate(s)
  const events = found === undefined || found === null ? [] : Array.isArray(found) ? found : [found]
  const next = await inbound.cursor.evaluate(widened(s, { events }))
  // The events' scope, as a webhook's request gives it (no request here: no headers, no query).
  const scope: Scoped<'events'> = {
    config: base.config,
    secrets: base.secrets,
    state: base.state,
    env: base.env,
    body: events,
    headers: {},
    query: {},
  }
  return { events, cursor: next === undefined ? cursor : next, scope }
}

/** A request to the webhook URL of an installation that polls: nothing is expected there. */
// eslint-disable-next-line require-yield -- receiving steps (./index.ts): this way refuses at once
export function* refusePolled(): Steps<Received> {
  throw new WebhookRejection(404, 'this installation receives the helpdesk’s events by polling, not by webhook')
}
