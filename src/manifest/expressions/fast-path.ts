/**
 * The fast path: most expressions in manifests are plain paths (from the scope, or from `$$`), `$string`/`$number` of
 * one, comparisons of those with literals joined by and/or, conditions and texts joined with `&`, `()`, objects with
 * literal keys, `$join` of a list written out, a value handed to a lambda written in place, the item of a list a
 * predicate picks (`comments[$string(id) = $string($$.event.id)]`) and objects made of a list's items. They are worked
 * out here without JSONata's evaluator, giving exactly what JSONata gives; wherever JSONata's rules could make a
 * difference (an array on the way, an object compared, a number `$string` would format, a text past the bound) the
 * fast path answers UNSURE and JSONata decides. That contract is held by the property test "give exactly what
 * JSONata gives, for any data" (test/hardening/properties.test.ts).
 */
import type jsonata from 'jsonata'
import { asNode, left, type Node, type Scope } from './ast'
import { MAX_TEXT } from './safety'

/** Returned by a fast path that cannot be sure to agree with JSONata: JSONata decides. */
export const UNSURE = Symbol('unsure')

/** An expression's fast path (see above), or null where it has none: JSONata evaluates it. */
export function fastPath(ast: jsonata.ExprNode | Node | undefined): ((scope: Scope) => unknown) | null {
  const f = fast(ast, NONE)
  return f && ((scope) => f(scope, NO_VALUES))
}

/** Values of the variables a lambda binds ($t in `x ~> function($t){ … }`), by name; ROOT: what `$$` reads. */
type Vars = Record<string | symbol, unknown>
/** The scope the evaluation started from, in `vars` where a filter's predicate reads its items as the context. */
const ROOT = Symbol('root')
type Fast = (scope: Scope, vars: Vars) => unknown
const NONE: ReadonlySet<string> = new Set()
const NO_VALUES: Vars = Object.freeze({})

/** `ast` worked out directly, where every variable it reads is one of `bound` (a lambda's parameter); else null. */
function fast(ast: jsonata.ExprNode | Node | undefined, bound: ReadonlySet<string>): Fast | null {
  const node = asNode(ast)
  switch (node?.type) {
    case 'variable': {
      const name = node.value
      return typeof name === 'string' && bound.has(name) ? (_scope, vars) => vars[name] : null
    }
    case 'apply':
      return node.value === '~>' ? applied(node, bound) : null
    case 'path': {
      const names = plainPath(node)
      if (names) return (scope) => read(scope, names)
      return rootPath(node) ?? listPath(node, bound)
    }
    case 'string':
    case 'number':
    case 'value':
      return () => node.value
    case 'block':
      // `()` is nothing; `(e)` is e.
      if (node.expressions?.length === 0) return () => undefined
      return node.expressions?.length === 1 ? fast(node.expressions[0], bound) : null
    case 'unary':
      return node.value === '{' ? objectConstructor(node, bound) : null
    case 'condition': {
      const condition = fast(node.condition, bound)
      const then = condition && fast(node.then, bound)
      const otherwise = node.else === undefined ? () => undefined : then && fast(node.else, bound)
      if (!condition || !then || !otherwise) return null
      return (scope, vars) => {
        const c = truth(condition(scope, vars))
        return c === UNSURE ? UNSURE : c ? then(scope, vars) : otherwise(scope, vars)
      }
    }
    case 'function': {
      const name = node.procedure?.type === 'variable' ? node.procedure.value : undefined
      if (name === 'join') return joinOfList(node, bound)
      const inner =
        (name === 'string' || name === 'number') && node.arguments?.length === 1 ? fast(node.arguments[0], bound) : null
      if (!inner) return null
      if (name === 'number') {
        return (scope, vars) => {
          const v = inner(scope, vars)
          if (v === UNSURE || v === undefined || typeof v === 'number') return v
          return typeof v === 'string' && /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v) ? Number(v) : UNSURE
        }
      }
      return (scope, vars) => {
        const v = inner(scope, vars)
        if (v === UNSURE || v === undefined || typeof v === 'string') return v
        if (typeof v === 'boolean' || v === null) return String(v)
        if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v)
        return UNSURE
      }
    }
    case 'binary': {
      const lhs = fast(left(node), bound)
      const rhs = lhs && fast(node.rhs, bound)
      if (!lhs || !rhs) return null
      if (node.value === '=' || node.value === '!=') {
        const equal = node.value === '='
        return (scope, vars) => {
          const a = lhs(scope, vars)
          const b = rhs(scope, vars)
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
        return (scope, vars) => {
          const a = lhs(scope, vars)
          const b = rhs(scope, vars)
          if ((a !== undefined && typeof a !== 'string') || (b !== undefined && typeof b !== 'string')) return UNSURE
          // Past the text bound, JSONata decides (and refuses).
          if ((a?.length ?? 0) + (b?.length ?? 0) > MAX_TEXT) return UNSURE
          return (a ?? '') + (b ?? '')
        }
      }
      if (node.value === 'and' || node.value === 'or') {
        const and = node.value === 'and'
        return (scope, vars) => {
          const a = truth(lhs(scope, vars))
          if (a === UNSURE) return UNSURE
          if (a !== and) return a
          return truth(rhs(scope, vars))
        }
      }
      return null
    }
    default:
      return null
  }
}

/**
 * `x ~> function($t){ … }`, a value handed to a lambda written in place ("the text, or a default when it is empty"):
 * its body worked out with $t bound to the value. A lambda of more parameters, or one that reads any other variable,
 * is JSONata's.
 */
function applied(node: Node, bound: ReadonlySet<string>): Fast | null {
  const value = fast(left(node), bound)
  const lambda = node.rhs
  const params = lambda?.type === 'lambda' ? lambda.arguments : undefined
  const param = params?.length === 1 && params[0]!.type === 'variable' ? params[0]!.value : undefined
  if (!value || typeof param !== 'string') return null
  const body = fast(lambda!.body, new Set([...bound, param]))
  if (!body) return null
  return (scope, vars) => {
    const v = value(scope, vars)
    // An array or an object handed on: JSONata's own rules (sequences) decide.
    if (v === UNSURE || (typeof v === 'object' && v !== null)) return UNSURE
    return body(scope, Object.assign({}, vars, { [param]: v }))
  }
}

/**
 * `$join([a, b, …], separator)`, the list written out (a ticket's body from its parts): the parts that are nothing are
 * left out, as JSONata's array constructor does; a part that is not a text (an array JSONata would flatten, a number
 * it would refuse), a separator that is not one, or a text past the bound make it unsure.
 */
function joinOfList(node: Node, bound: ReadonlySet<string>): Fast | null {
  const [list, separator] = (node.arguments ?? []) as Node[]
  if (!list || (node.arguments?.length ?? 0) > 2) return null
  if (list.type !== 'unary' || list.value !== '[' || !Array.isArray(list.expressions)) return null
  const parts = (list.expressions as Node[]).map((e) => fast(e, bound))
  const sep = separator === undefined ? () => '' : fast(separator, bound)
  if (!sep || parts.some((p) => !p)) return null
  return (scope, vars) => {
    const s = sep(scope, vars)
    if (typeof s !== 'string') return UNSURE
    const texts: string[] = []
    let length = 0
    for (const part of parts) {
      const v = part!(scope, vars)
      if (v === undefined) continue
      if (typeof v !== 'string') return UNSURE
      texts.push(v)
      length += v.length + s.length
    }
    return length > MAX_TEXT ? UNSURE : texts.join(s)
  }
}

/**
 * `{ 'key': value, … }` with literal, distinct keys: a key whose value is nothing is left out, as JSONata does. An
 * array value (which JSONata may flatten or keep) makes it unsure.
 */
function objectConstructor(node: Node, bound: ReadonlySet<string>): Fast | null {
  const pairs = node.lhs
  if (!Array.isArray(pairs)) return null
  const fields: [string, Fast][] = []
  for (const pair of pairs as [Node, Node][]) {
    const [key, value] = pair
    if (key?.type !== 'string' || typeof key.value !== 'string' || fields.some(([k]) => k === key.value)) return null
    const f = fast(value, bound)
    if (!f) return null
    fields.push([key.value, f])
  }
  return (scope, vars) => {
    const out: Record<string, unknown> = {}
    for (const [k, f] of fields) {
      const v = f(scope, vars)
      if (v === UNSURE || Array.isArray(v)) return UNSURE
      if (v !== undefined) out[k] = v
    }
    return out
  }
}

/** `$$.a.b`: a plain path from the scope the evaluation started from, wherever it stands. */
function rootPath(node: Node): Fast | null {
  const [first, ...rest] = Array.isArray(node.steps) ? (node.steps as Node[]) : []
  if (first?.type !== 'variable' || first.value !== '$' || !holdsOnly(first, PLAIN_STEP)) return null
  const names = plainPath({ ...node, steps: rest })
  return names && ((scope, vars) => read((vars[ROOT] as Scope | undefined) ?? scope, names))
}

/**
 * `a.b.items[predicate]`, the item of a list whose field says so (the comment an event names, among a ticket's), and
 * `a.b.items[predicate].{ 'key': value, … }` or `a.b.items.{ … }`, an object made of each item (an agent's files):
 * a plain path whose last name may have one filter, its predicate worked out for each item with that item as the
 * context (`$$` still the scope), then, when the path ends with an object, that object made over each item kept.
 * None kept gives nothing; one, that item (or its object); several objects made, their list. Anything else JSONata
 * decides: several items kept and no object made (a sequence), an item that is not an object, a predicate that is
 * not true or false (a number indexes), nothing there to filter when objects follow.
 */
function listPath(node: Node, bound: ReadonlySet<string>): Fast | null {
  const all = Array.isArray(node.steps) ? (node.steps as Node[]) : []
  const tail = all[all.length - 1]
  const mapping =
    tail?.type === 'unary' && tail.value === '{' && holdsOnly(tail, OBJECT_STEP)
      ? objectConstructor(tail, bound)
      : undefined
  if (mapping === null) return null
  const steps = mapping ? all.slice(0, -1) : all
  const last = steps[steps.length - 1]
  if (!last) return null
  const stages = last.stages
  if (stages !== undefined && (!Array.isArray(stages) || stages.length !== 1 || stages[0]!.type !== 'filter'))
    return null
  if (stages?.some((stage) => !holdsOnly(stage, FILTER_STAGE))) return null
  if (!stages && !mapping) return null
  const { stages: _stages, ...plainLast } = last
  const names = plainPath({ type: 'path', steps: [...steps.slice(0, -1), plainLast] })
  const predicate = stages ? fast(stages[0]!.expr, bound) : undefined
  if (!names || predicate === null) return null
  return (scope, vars) => {
    const within = names.length > 1 ? read(scope, names.slice(0, -1)) : scope
    // A path that ends before its last step gives nothing, its predicate never run.
    if (within === UNSURE || within === undefined) return within
    const key = names[names.length - 1]!
    const value =
      within !== null && typeof within === 'object' && Object.prototype.hasOwnProperty.call(within, key)
        ? (within as Record<string, unknown>)[key]
        : undefined
    // Nothing there: JSONata still runs a predicate once, over nothing (it may fail), and gives nothing.
    if (value === undefined && mapping) return predicate ? UNSURE : undefined
    const items = value === undefined ? [undefined] : Array.isArray(value) ? value : [value]
    const inner = vars[ROOT] === undefined ? Object.assign({}, vars, { [ROOT]: scope }) : vars
    const kept: unknown[] = []
    for (const item of items) {
      if (item !== undefined && (!item || typeof item !== 'object' || Array.isArray(item))) return UNSURE
      if (predicate) {
        const holds = predicate(item as Scope, inner)
        if (holds === UNSURE || (holds !== undefined && typeof holds !== 'boolean')) return UNSURE
        if (!holds) continue
      }
      if (item === undefined) continue
      if (!mapping) {
        if (kept.length) return UNSURE
        kept.push(item)
        continue
      }
      const made = mapping(item as Scope, inner)
      if (made === UNSURE) return UNSURE
      kept.push(made)
    }
    return kept.length === 0 ? undefined : kept.length === 1 ? kept[0] : kept
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

/** The fields a node of each kind the fast path reads may have: one with any other is JSONata's. */
const PLAIN_STEP = new Set(['type', 'value', 'position'])
const OBJECT_STEP = new Set(['type', 'value', 'position', 'lhs'])
const FILTER_STAGE = new Set(['type', 'expr', 'position'])
const holdsOnly = (node: object, fields: ReadonlySet<string>) => Object.keys(node).every((k) => fields.has(k))

function plainPath(node: Node): string[] | null {
  if (node.type !== 'path' || !Array.isArray(node.steps) || !node.steps.length) return null
  const names: string[] = []
  for (const step of node.steps) {
    if (step.type !== 'name' || typeof step.value !== 'string') return null
    if (!holdsOnly(step, PLAIN_STEP)) return null
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
