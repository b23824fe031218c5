/**
 * What the main thread and an isolation worker say to each other (./pool.ts, ./worker.ts): a job is an expression to
 * evaluate over a scope, or a pasted manifest to load (parse, schema, compile and lint); an answer is its value, its
 * problems, or its error. Whatever crosses is bounded in bytes as it would be copied: structured cloning copies a
 * string once per reference, so a value built small in a worker can be enormous once it arrives.
 */
import type { Problem } from '../problems'

export type Job = { id: number } & (
  { kind: 'evaluate'; source: string; scope: Record<string, unknown> } | { kind: 'load'; text: string; file: string }
)

export type Answer =
  | { ready: true }
  | {
      id: number
      value?: unknown
      problems?: Problem[]
      /** Notes on a manifest that loaded (a deprecated shape). */
      notes?: Problem[]
      error?: { message: string; position: number }
    }

/** Largest answer a worker sends back (as copied: every reference to a string counts again). */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024

/**
 * The size of `value` as structured cloning copies it (strings as UTF-16, two bytes a character; every reference
 * counted), or undefined as soon as it passes `max`. Walks with its own stack: no value is too deep for it.
 */
export function copiedSize(value: unknown, max = MAX_ANSWER_BYTES): number | undefined {
  let size = 0
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'string') size += 8 + v.length * 2
    else if (v === null || typeof v !== 'object') size += 8
    else if (Array.isArray(v)) {
      size += 16
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i])
    } else {
      size += 16
      for (const [k, item] of Object.entries(v)) {
        size += 8 + k.length * 2
        stack.push(item)
      }
    }
    if (size > max) return undefined
  }
  return size
}
