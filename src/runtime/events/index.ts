/**
 * Events mapped to outcomes: each event goes to the first matcher whose condition holds, and that matcher's `emit`
 * picks its extractor in a table keyed by the language's event vocabulary (the schema's matcher.emit enum): a new
 * kind of event is one enum value, one extractor here, one applier in the binding (src/botpress/events), and the
 * type checker names both until they exist. The outcome type is what the extractors return.
 */
import { after, soon, type Scope, type Soon, type Steps } from '../../manifest/expressions'
import type { Emit, MatcherPlan, Plan, Scoped } from '../../manifest/plan'
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
export type Outcome = ReturnType<(typeof EXTRACTORS)[Emit]> extends Steps<infer O> ? O : never
/** An outcome that does something in Botpress. */
export type Applicable = Exclude<Outcome, { kind: 'ignore' }>
export type { Agent, Attachment } from './outcome'

/** Maps one event to its outcome with the first matcher whose condition holds (of those that can: ./dispatch.ts). */
export function matchEvent(plan: Plan, event: unknown, scope: Scoped<'events'>, http: HttpClient): Soon<Outcome> {
  return soon(matching(plan, matcherScope(scope, event), http))
}

/**
 * A matcher's scope: its event, and what the request's scope gives a matcher (nothing of the signature's: the raw
 * body, the URL). Written out: a literal is a tenth of a copy's cost, on every event.
 */
function matcherScope(s: Scoped<'events'>, event: unknown): Scoped<'matcher'> {
  return {
    config: s.config,
    secrets: s.secrets,
    state: s.state,
    env: s.env,
    event,
    body: s.body,
    headers: s.headers,
    query: s.query,
  }
}

function* matching(plan: Plan, eventScope: Scope, http: HttpClient): Steps<Outcome> {
  for (const m of candidates(plan, eventScope)) {
    let holds = m.when.evaluateSoon(eventScope)
    if (holds instanceof Promise) holds = yield holds
    if (!truthy(holds)) continue
    return yield* (EXTRACTORS[m.emit] as Extractor<Outcome>)(m, eventScope, fetcher(m, eventScope, http))
  }
  return { kind: 'ignore', reason: 'no matcher takes this event' }
}

/** The matcher's fetch steps, run once when its extractor first asks (none: the event's scope, at once). */
function fetcher(m: MatcherPlan, eventScope: Scope, http: HttpClient): () => Soon<Scope> {
  if (!m.fetch.length) return () => eventScope
  let fetched: Promise<Scope> | undefined
  return () => (fetched ??= runSteps(m.fetch, eventScope, http))
}

/**
 * The events of a parsed request (its body, in its scope), split as the manifest says (the body, or its elements when
 * it is a list): at once when the split is on the fast path, or there is none.
 */
export function splitEvents(plan: Plan, scope: Scoped<'events'>): Soon<unknown[]> {
  return plan.events.split ? after(plan.events.split.evaluateSoon(scope), listOf) : listOf(scope.body)
}

const listOf = (split: unknown): unknown[] =>
  split === undefined || split === null ? [] : Array.isArray(split) ? split : [split]
