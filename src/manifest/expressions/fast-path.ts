/**
 * The fast path: most expressions in manifests are plain paths, `$string`/`$number` of one, comparisons of those with
 * literals joined by and/or, conditions and texts joined with `&`, `()` and objects with literal keys. They are worked out here without JSONata's
 * evaluator, giving exactly what JSONata gives; wherever JSONata's rules could make a difference (an array on the
 * way, an object compared, a number `$string` would format, a text past the bound) the fast path answers UNSURE and
 * JSONata decides. That contract is held by the property test "give exactly what JSONata gives, for any data"
 * (test/hardening/properties.test.ts).
 */
import type jsonata from 'jsonata'
import { asNode, left, type Node, type Scope } from './ast'
import { MAX_TEXT } from './safety'

/** Returned by a fast path that cannot be sure to agree with JSONata: JSONata decides. */
export const UNSURE = Symbol('unsure')

/**
 * Most expressions in manifests are plain paths, $string or $number of one, comparisons of those with literals
 * joined by and/or (`event.type = 'comment' and event.public = true`), conditions and text joined with &. They are worked out directly, as JSONata would; where
 * JSONata's rules could make a difference (an array on the way, an object compared, a number $string would format),
 * JSONata decides.
 */
export function fastPath(ast: jsonata.ExprNode | Node | undefined): ((scope: Scope) => unknown) | null {
  const node = asNode(ast)
  switch (node?.type) {
    case 'path': {
      const names = plainPath(node)
      return names && ((scope) => read(scope, names))
    }
    case 'string':
    case 'number':
    case 'value':
      return () => node.value
    case 'block':
      // `()` is nothing; `(e)` is e.
      if (node.expressions?.length === 0) return () => undefined
      return node.expressions?.length === 1 ? fastPath(node.expressions[0]) : null
    case 'unary':
      return node.value === '{' ? objectConstructor(node) : null
    case 'condition': {
      const condition = fastPath(node.condition)
      const then = condition && fastPath(node.then)
      const otherwise = node.else === undefined ? () => undefined : then && fastPath(node.else)
      if (!condition || !then || !otherwise) return null
      return (scope) => {
        const c = truth(condition(scope))
        return c === UNSURE ? UNSURE : c ? then(scope) : otherwise(scope)
      }
    }
    case 'function': {
      const name = node.procedure?.type === 'variable' ? node.procedure.value : undefined
      const inner =
        (name === 'string' || name === 'number') && node.arguments?.length === 1 ? fastPath(node.arguments[0]) : null
      if (!inner) return null
      if (name === 'number') {
        return (scope) => {
          const v = inner(scope)
          if (v === UNSURE || v === undefined || typeof v === 'number') return v
          return typeof v === 'string' && /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v) ? Number(v) : UNSURE
        }
      }
      return (scope) => {
        const v = inner(scope)
        if (v === UNSURE || v === undefined || typeof v === 'string') return v
        if (typeof v === 'boolean' || v === null) return String(v)
        if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v)
        return UNSURE
      }
    }
    case 'binary': {
      const lhs = fastPath(left(node))
      const rhs = lhs && fastPath(node.rhs)
      if (!lhs || !rhs) return null
      if (node.value === '=' || node.value === '!=') {
        const equal = node.value === '='
        return (scope) => {
          const a = lhs(scope)
          const b = rhs(scope)
          if (
            a === UNSURE ||
            b === UNSURE ||
            (typeof a === 'object' && a !== null) ||
            (typeof b === 'object' && b !== null)
          )
            return UNSURE
          if (a === undefined || b === undefined) return false
          return equal ? a === b : a !== b
        }
      }
      if (node.value === '&') {
        return (scope) => {
          const a = lhs(scope)
          const b = rhs(scope)
          if ((a !== undefined && typeof a !== 'string') || (b !== undefined && typeof b !== 'string')) return UNSURE
          // Past the text bound, JSONata decides (and refuses).
          if ((a?.length ?? 0) + (b?.length ?? 0) > MAX_TEXT) return UNSURE
          return (a ?? '') + (b ?? '')
        }
      }
      if (node.value === 'and' || node.value === 'or') {
        const and = node.value === 'and'
        return (scope) => {
          const a = truth(lhs(scope))
          if (a === UNSURE) return UNSURE
          if (a !== and) return a
          return truth(rhs(scope))
        }
      }
      return null
    }
    default:
      return null
  }
}

/**
 * `{ 'key': value, … }` with literal, distinct keys: a key whose value is nothing is left out, as JSONata does. An
 * array value (which JSONata may flatten or keep) makes it unsure.
 */
function objectConstructor(node: Node): ((scope: Scope) => unknown) | null {
  const pairs = node.lhs
  if (!Array.isArray(pairs)) return null
  const fields: [string, (scope: Scope) => unknown][] = []
  for (const pair of pairs as [Node, Node][]) {
    const [key, value] = pair
    if (key?.type !== 'string' || typeof key.value !== 'string' || fields.some(([k]) => k === key.value)) return null
    const f = fastPath(value)
    if (!f) return null
    fields.push([key.value, f])
  }
  return (scope) => {
    const out: Record<string, unknown> = {}
    for (const [k, f] of fields) {
      const v = f(scope)
      if (v === UNSURE || Array.isArray(v)) return UNSURE
      if (v !== undefined) out[k] = v
    }
    return out
  }
}

/** JSONata's truth of a value, where it is plain. */
function truth(v: unknown): boolean | typeof UNSURE {
  if (v === UNSURE) return UNSURE
  if (v === undefined || v === null) return false
  if (typeof v === 'boolean') return v
  if (typeof v === 'string') return v.length > 0
  if (typeof v === 'number') return v !== 0
  return UNSURE
}

/**
 * A field the expression can only be true with: one conjunct of its top-level `and`s is `path = 'literal'` (or a
 * number). Matchers are dispatched on it (src/runtime/events): where the event's field holds something else, the
 * expression is false without being evaluated.
 */
export function requiredEquality(
  ast: jsonata.ExprNode | Node | undefined
): { names: string[]; value: string | number } | null {
  const node = asNode(ast)
  if (node?.type === 'block' && node.expressions?.length === 1) return requiredEquality(node.expressions[0])
  if (node?.type !== 'binary') return null
  if (node.value === 'and') return requiredEquality(left(node)) ?? requiredEquality(node.rhs)
  if (node.value !== '=') return null
  for (const [path, literal] of [
    [left(node), node.rhs],
    [node.rhs, left(node)],
  ]) {
    const names = path && plainPath(path)
    if (names && (literal?.type === 'string' || literal?.type === 'number'))
      return { names, value: literal.value as string | number }
  }
  return null
}

function plainPath(node: Node): string[] | null {
  if (node.type !== 'path' || !Array.isArray(node.steps) || !node.steps.length) return null
  const names: string[] = []
  for (const step of node.steps) {
    if (step.type !== 'name' || typeof step.value !== 'string') return null
    if (Object.keys(step).some((k) => k !== 'type' && k !== 'value' && k !== 'position')) return null
    names.push(step.value)
  }
  return Object.keys(node).every((k) => k === 'type' || k === 'steps') ? names : null
}

/** A plain path's value as JSONata reads it, or UNSURE where an array on the way would make JSONata map over it. */
export function read(scope: Scope, names: string[]): unknown {
  let v: unknown = scope
  for (const name of names) {
    if (v === undefined || v === null) return undefined
    if (Array.isArray(v)) return UNSURE
    if (typeof v !== 'object') return undefined
    v = Object.prototype.hasOwnProperty.call(v, name) ? (v as Record<string, unknown>)[name] : undefined
  }
  return Array.isArray(v) || typeof v === 'function' ? UNSURE : v
}
