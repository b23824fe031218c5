/**
 * Matchers dispatched on the field most of them test: a matcher whose condition requires `event.type = 'x'` (one
 * conjunct of its top-level `and`s) cannot take an event whose type is anything else, so only the matchers requiring
 * the event's own value, and those requiring nothing, are tried, still in the manifest's order (the first whose
 * condition holds wins, as without the index). Where the field's value is not a plain string or number (an array
 * JSONata would map over), every matcher is tried.
 */
import { readerOf, type Reader } from '../../manifest/expressions/fast-path'
import type { Scope } from '../../manifest/expressions'
import type { MatcherPlan, Plan } from '../../manifest/plan'

type Dispatch = {
  /** The field's reader. */
  field: Reader
  /** By value (a text and a number apart): the matchers requiring it and those requiring nothing, in order. */
  byValue: Map<string | number, MatcherPlan[]>
  /** The matchers requiring nothing of the field: what an event without a value there can match. */
  rest: MatcherPlan[]
}

const dispatches = new WeakMap<Plan, Dispatch | null>()

function dispatchOf(plan: Plan): Dispatch | null {
  const cached = dispatches.get(plan)
  if (cached !== undefined) return cached
  const matchers = plan.events.matchers
  const required = matchers.map((m) => m.when.requiredEquality())
  // The field most matchers test; two or more, else nothing is gained.
  const counts = new Map<string, number>()
  for (const r of required) if (r) counts.set(r.names.join('\0'), (counts.get(r.names.join('\0')) ?? 0) + 1)
  const [field, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  let dispatch: Dispatch | null = null
  if (count >= 2) {
    const on = (i: number) => (required[i]?.names.join('\0') === field ? required[i]!.value : undefined)
    const rest = matchers.filter((_, i) => on(i) === undefined)
    const byValue = new Map<string | number, MatcherPlan[]>()
    for (const [i] of matchers.entries()) {
      const v = on(i)
      if (v === undefined || byValue.has(v)) continue
      byValue.set(
        v,
        matchers.filter((_, j) => on(j) === undefined || on(j) === v)
      )
    }
    dispatch = { field: readerOf(field.split('\0')), byValue, rest }
  }
  dispatches.set(plan, dispatch)
  return dispatch
}

/** The matchers that can take this event, in the manifest's order. */
export function candidates(plan: Plan, eventScope: Scope): MatcherPlan[] {
  const dispatch = dispatchOf(plan)
  if (!dispatch) return plan.events.matchers
  const value = dispatch.field(eventScope)
  if (value === undefined || value === null) return dispatch.rest
  if (typeof value === 'string' || typeof value === 'number') return dispatch.byValue.get(value) ?? dispatch.rest
  return plan.events.matchers
}
