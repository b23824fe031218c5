/**
 * Which matchers of a manifest can take which value of one field: a matcher whose condition requires
 * `event.type = 'x'` (one conjunct of its top-level `and`s: ./expressions/fast-tree.ts, requiredEquality) cannot take
 * an event whose type is anything else. The runtime dispatches on it (src/runtime/events/dispatch.ts).
 */
import { pathKey, type requiredEquality } from './expressions/fast-tree'

/**
 * Which matchers take which value of the field: by their place in the manifest's list. A pure function of the
 * matchers' conditions (`dispatchTable`), worked out by a build for each manifest it carries (build/fast-code.ts),
 * else when a plan first dispatches an event.
 */
export type DispatchTable = {
  /** The field's path. */
  field: readonly string[]
  /** By value (a text and a number apart): the matchers requiring it and those requiring nothing, in order. */
  byValue: [string | number, number[]][]
  /** The matchers requiring nothing of the field: what an event without a value there can match. */
  rest: number[]
}

/**
 * The table of matchers whose conditions require what `required` says (requiredEquality of each, in order): on the
 * field most of them test, where two or more do (else nothing is gained: null).
 */
export function dispatchTable(required: readonly ReturnType<typeof requiredEquality>[]): DispatchTable | null {
  const counts = new Map<string, number>()
  for (const r of required) if (r) counts.set(pathKey(r.names), (counts.get(pathKey(r.names)) ?? 0) + 1)
  const [field, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  if (count < 2) return null
  const on = (i: number) => (required[i] && pathKey(required[i].names) === field ? required[i].value : undefined)
  const places = required.map((_, i) => i)
  const byValue = new Map<string | number, number[]>()
  for (const i of places) {
    const v = on(i)
    if (v !== undefined && !byValue.has(v))
      byValue.set(
        v,
        places.filter((j) => on(j) === undefined || on(j) === v)
      )
  }
  const names = required.find((r) => r && pathKey(r.names) === field)!.names
  return { field: names, byValue: [...byValue], rest: places.filter((i) => on(i) === undefined) }
}

/** A plan's conditions as the key of the table a build worked out for them. */
export const dispatchKey = (whens: readonly string[]) => JSON.stringify(whens)
