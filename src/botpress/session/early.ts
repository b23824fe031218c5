/**
 * Outcomes for a ticket whose session does not exist yet (an assignment rule or an auto-reply firing while
 * startHitl runs): kept in Botpress (integration state, bounded in number and age) until startHitl makes the
 * session and takes them, in their order, once.
 */
import type { Applicable } from '../../runtime/events'
import type { Call } from '../call'
import { state } from '../states'
import { serially } from './serial'

/** Early outcomes kept at most (the oldest go first), and for at most this long. */
export const EARLY_MAX = 200
export const EARLY_MAX_AGE_MS = 10 * 60_000

const kept = (call: Call) => state(call.client, 'hitlEarly', call.ctx.integrationId)

/** Kept in Botpress until startHitl makes the ticket's session: the helpdesk may act on a ticket before we know it. */
export async function keepEarly(call: Call, outcome: Applicable) {
  const { ctx, logger } = call
  await serially(`${ctx.botId}/early`, async () => {
    const now = Date.now()
    const outcomes = ((await kept(call).read())?.outcomes ?? []).filter((e) => now - e.receivedAt < EARLY_MAX_AGE_MS)
    outcomes.push({ receivedAt: now, outcome })
    await kept(call).write({ outcomes: outcomes.slice(-EARLY_MAX) })
  })
  logger
    .forBot()
    .info(
      `Webhook event for ticket ${outcome.ticketId} (matcher '${outcome.matcher}'), whose HITL session does not exist (yet): kept for ${EARLY_MAX_AGE_MS / 60_000} minutes, in case startHitl is creating it`
    )
}

/** Takes the outcomes kept for a ticket (in their order): they are no longer kept. */
export async function takeEarly(call: Call, ticketId: string): Promise<Applicable[]> {
  return serially(`${call.ctx.botId}/early`, async () => {
    const outcomes = (await kept(call).read())?.outcomes ?? []
    const taken = outcomes.filter((e) => (e.outcome as Applicable).ticketId === ticketId)
    if (!taken.length) return []
    await kept(call).write({ outcomes: outcomes.filter((e) => !taken.includes(e)) })
    return taken.map((e) => e.outcome as Applicable)
  })
}
