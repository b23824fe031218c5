/**
 * Events mapped to outcomes: each event goes to the first matcher whose condition holds, and that matcher's `emit`
 * picks its extractor in a table keyed by the language's event vocabulary (the schema's matcher.emit enum): a new
 * kind of event is one enum value, one extractor here, one applier in the binding (src/botpress/events), and the
 * type checker names both until they exist. The outcome type is what the extractors return.
 */
import { widened, type Scope } from '../../manifest/expressions'
import type { Emit, Plan } from '../../manifest/plan'
import type { HttpClient } from '../http'
import { runSteps } from '../steps'
import { truthy } from '../truth'
import { assigned } from './assigned'
import { candidates } from './dispatch'
import { ignore } from './ignore'
import { message } from './message'
import type { Extractor } from './outcome'
import { stopped } from './stopped'

export const EXTRACTORS = { message, assigned, stopped, ignore } satisfies {
  [E in Emit]: Extractor<{ kind: E }>
}

/** Every outcome an event can come to. */
export type Outcome = Awaited<ReturnType<(typeof EXTRACTORS)[Emit]>>
/** An outcome that does something in Botpress. */
export type Applicable = Exclude<Outcome, { kind: 'ignore' }>
export type { Agent, Attachment } from './outcome'

/** Maps one event to its outcome with the first matcher whose condition holds (of those that can: ./dispatch.ts). */
export async function matchEvent(plan: Plan, event: unknown, scope: Scope, http: HttpClient): Promise<Outcome> {
  const eventScope = widened(scope, { event })
  for (const m of candidates(plan, eventScope)) {
    if (!truthy(await m.when.evaluate(eventScope))) continue
    let fetched: Promise<Scope> | undefined
    const fetch = () => (fetched ??= m.fetch.length ? runSteps(m.fetch, eventScope, http) : Promise.resolve(eventScope))
    return (EXTRACTORS[m.emit] as Extractor<Outcome>)(m, eventScope, fetch)
  }
  return { kind: 'ignore', reason: 'no matcher takes this event' }
}

/** The events of a parsed request, split as the manifest says (the body, or its elements when it is a list). */
export async function splitEvents(plan: Plan, body: unknown, scope: Scope): Promise<unknown[]> {
  const split = plan.events.split ? await plan.events.split.evaluate(widened(scope, { body })) : body
  return split === undefined || split === null ? [] : Array.isArray(split) ? split : [split]
}
