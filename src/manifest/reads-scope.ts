/**
 * Whether a part of a compiled plan may read a name of its scope (`state`, say): any of its expressions or templates
 * reads it, or reads the whole scope. The binding reads from Botpress only what the part of a call may use.
 */
import { Expression, Template } from './expressions'
import type { Plan } from './plan'

const answers = new WeakMap<Plan, Map<string, boolean>>()

/**
 * The expressions and templates under a part of a plan, each once. Walked through its nodes' own values, their
 * getters left alone: a step's or a matcher's `where` works out its place (a YAML parse, in a build that did not bring
 * its places), which no call that succeeds asks for.
 */
export function* compiledParts(node: unknown, seen = new Set<unknown>()): Generator<Expression | Template> {
  if (!node || typeof node !== 'object' || seen.has(node)) return
  seen.add(node)
  if (node instanceof Expression || node instanceof Template) return yield node
  const values = node instanceof Map ? node.values() : Array.isArray(node) ? node : dataValues(node)
  for (const v of values) yield* compiledParts(v, seen)
}

function dataValues(node: object): unknown[] {
  const values: unknown[] = []
  for (const d of Object.values(Object.getOwnPropertyDescriptors(node))) if ('value' in d) values.push(d.value)
  return values
}

/**
 * Whether any expression or template under `parts` (of `plan`, which caches the answer under `key`) reads `name`, or
 * its `member` when one is given.
 */
export function partsRead(
  plan: Plan,
  key: string,
  [name, member]: [string, string?],
  parts: (plan: Plan) => unknown[]
): boolean {
  let known = answers.get(plan)
  if (!known) answers.set(plan, (known = new Map()))
  const id = `${key}\0${name}\0${member ?? ''}`
  const cached = known.get(id)
  if (cached !== undefined) return cached
  let answer = false
  for (const part of compiledParts(parts(plan))) {
    answer = part.readsName(name, member)
    if (answer) break
  }
  known.set(id, answer)
  return answer
}
