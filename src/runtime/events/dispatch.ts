/**
 * Matchers dispatched on the field most of them test: a matcher whose condition requires `event.type = 'x'` (one
 * conjunct of its top-level `and`s) cannot take an event whose type is anything else, so only the matchers requiring
 * the event's own value, and those requiring nothing, are tried, still in the manifest's order (the first whose
 * condition holds wins, as without the index). Where the field's value is not a plain string or number (an array
 * JSONata would map over), every matcher is tried. Which matchers take which value is ../../manifest/dispatch-table.ts:
 * carried by a build for its manifests, else worked out when a plan first dispatches an event.
 */
import { builtDispatch, readerOf, type Reader } from '../../manifest/expressions/fast-path'
import { dispatchKey, dispatchTable } from '../../manifest/dispatch-table'
import type { Scope } from '../../manifest/expressions'
import type { MatcherPlan, Plan } from '../../manifest/plan'

type Dispatch = {
  field: Reader
  byValue: Map<string | number, MatcherPlan[]>
  rest: MatcherPlan[]
}

const dispatches = new WeakMap<Plan, Dispatch | null>()

function dispatchOf(plan: Plan): Dispatch | null {
  const cached = dispatches.get(plan)
  if (cached !== undefined) return cached
  const matchers = plan.events.matchers
  const carried = builtDispatch(dispatchKey(matchers.map((m) => m.when.source)))
  const table = carried !== undefined ? carried : dispatchTable(matchers.map((m) => m.when.requiredEquality()))
  const pick = (places: number[]) => places.map((i) => matchers[i]!)
  const dispatch = table && {
    field: readerOf(table.field),
    byValue: new Map(table.byValue.map(([value, places]) => [value, pick(places)])),
    rest: pick(table.rest),
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
