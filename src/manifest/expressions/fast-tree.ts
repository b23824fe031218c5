/**
 * Which expressions the fast path answers, and what they are made of: most expressions in manifests are plain paths
 * (from the scope, or from `$$`), `$string`/`$number` of one, comparisons of those with literals joined by and/or,
 * `in` a list, conditions and texts joined with `&`, `()`, lists and objects written out, JSONata's text functions of
 * one value (`$lowercase`, `$trim`, `$contains`, `$substringBefore`, `$encodeUrl`, …), `$exists`, `$not`, `$count`,
 * `$join`, `$append`, `$lookup`, `$each` with its lambda written in place, a value handed to a lambda written in place,
 * the item of a list a predicate picks (`comments[$string(id) = $string($$.event.id)]`) or a place picks
 * (`parts[-1].body`), and objects made of a list's items.
 *
 * `fastTree` turns JSONata's syntax tree into a FastTree, or null where JSONata must evaluate the expression. What
 * each node gives is ./fast-ops.ts; a FastTree is run as closures (./fast-path.ts) or, for a build's manifests, as
 * code the build generates (build/fast-code.ts). Both are held to JSONata's results by the property tests "give
 * exactly what JSONata gives" (test/hardening/properties.test.ts).
 */
import type jsonata from 'jsonata'
import { asNode, left, type Node } from './ast'
import { FUNCTIONS, type BinaryOperator, BINARY } from './fast-ops'

export type FastTree =
  /** A lambda's parameter. */
  | { kind: 'variable'; name: string }
  | { kind: 'value'; value: unknown }
  /** A plain path from the context (the scope, or the item a predicate or an object is worked out for). */
  | { kind: 'path'; names: readonly string[] }
  /** `$$.a.b`: a plain path from the scope the evaluation started from, wherever it stands. */
  | { kind: 'root'; names: readonly string[] }
  | { kind: 'condition'; condition: FastTree; then: FastTree; else?: FastTree }
  /** `and` / `or`: the right side worked out only where the left does not decide. */
  | { kind: 'logic'; and: boolean; lhs: FastTree; rhs: FastTree }
  | { kind: 'binary'; operator: BinaryOperator; lhs: FastTree; rhs: FastTree }
  /** A function of ./fast-ops.ts FUNCTIONS, its arguments each worked out first (missing ones filled in). */
  | { kind: 'call'; name: string; args: FastTree[] }
  | { kind: 'each'; object: FastTree; value: string; key?: string; body: FastTree }
  /** `x ~> function($t){ … }`: `body` worked out with `param` bound to the value. */
  | { kind: 'apply'; value: FastTree; param: string; body: FastTree }
  | { kind: 'object'; keys: string[]; values: FastTree[] }
  | { kind: 'list'; parts: FastTree[]; nested: boolean[] }
  /** A path with one step that picks from a list (./fast-ops.ts, pick). */
  | {
      kind: 'pick'
      /** The path to the value the list stands in (none: the context itself). */
      parent?: readonly string[]
      key: string
      predicate?: FastTree
      place?: number
      mapping?: Extract<FastTree, { kind: 'object' }>
      rest?: readonly string[]
    }

const NONE: ReadonlySet<string> = new Set()

/** An expression's FastTree (see above), or null where it has none: JSONata evaluates it. */
export function fastTree(ast: jsonata.ExprNode | Node | undefined): FastTree | null {
  return fast(ast, NONE)
}

/** `ast` as a FastTree, where every variable it reads is one of `bound` (a lambda's parameter); else null. */
function fast(ast: jsonata.ExprNode | Node | undefined, bound: ReadonlySet<string>): FastTree | null {
  const node = asNode(ast)
  switch (node?.type) {
    case 'variable': {
      const name = node.value
      return typeof name === 'string' && bound.has(name) ? { kind: 'variable', name } : null
    }
    case 'apply':
      return node.value === '~>' ? applied(node, bound) : null
    case 'path': {
      const names = plainPath(node)
      if (names) return { kind: 'path', names }
      return rootPath(node) ?? listPath(node, bound)
    }
    case 'string':
    case 'number':
    case 'value':
      return { kind: 'value', value: node.value }
    case 'block':
      // `()` is nothing; `(e)` is e.
      if (node.expressions?.length === 0) return { kind: 'value', value: undefined }
      return node.expressions?.length === 1 ? fast(node.expressions[0], bound) : null
    case 'unary':
      if (node.value === '[') return holdsOnly(node, LIST) ? listConstructor(node, bound) : null
      return node.value === '{' ? objectConstructor(node, bound) : null
    case 'condition': {
      const condition = fast(node.condition, bound)
      const then = condition && fast(node.then, bound)
      const otherwise = node.else === undefined ? undefined : then && fast(node.else, bound)
      if (!condition || !then || otherwise === null) return null
      return { kind: 'condition', condition, then, ...(otherwise ? { else: otherwise } : {}) }
    }
    case 'function':
      return call(node, bound)
    case 'binary': {
      const lhs = fast(left(node), bound)
      const rhs = lhs && fast(node.rhs, bound)
      if (!lhs || !rhs) return null
      if (node.value === 'and' || node.value === 'or') return { kind: 'logic', and: node.value === 'and', lhs, rhs }
      const operator = node.value as BinaryOperator
      return typeof operator === 'string' && Object.prototype.hasOwnProperty.call(BINARY, operator)
        ? { kind: 'binary', operator, lhs, rhs }
        : null
    }
    default:
      return null
  }
}

/** A function call: one of FUNCTIONS with as many arguments as it takes, or `$each` with its lambda written in place. */
function call(node: Node, bound: ReadonlySet<string>): FastTree | null {
  const name = node.procedure?.type === 'variable' ? node.procedure.value : undefined
  const args = node.arguments ?? []
  if (name === 'each') return each(args, bound)
  const f = typeof name === 'string' && Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : null
  if (!f || args.length < f.arity[0] || args.length > f.arity[1]) return null
  const made = args.map((a) => fast(a, bound))
  if (!made.every(Boolean)) return null
  for (let i = made.length; i < f.arity[1]; i++) made.push({ kind: 'value', value: f.missing?.[i] })
  return { kind: 'call', name: name as string, args: made as FastTree[] }
}

/** `$each(object, function($v, $k){ … })`, the lambda written in place, of one or two parameters. */
function each(args: Node[], bound: ReadonlySet<string>): FastTree | null {
  const [objectTree, lambda] = args
  if (args.length !== 2 || lambda?.type !== 'lambda' || !holdsOnly(lambda, LAMBDA)) return null
  const params = (lambda.arguments ?? []).map((p) => (p.type === 'variable' ? p.value : undefined))
  if (params.length < 1 || params.length > 2 || !params.every((p) => typeof p === 'string' && p !== '')) return null
  const [value, key] = params as string[]
  const object = fast(objectTree, bound)
  const body = object && fast(lambda.body, new Set([...bound, ...(params as string[])]))
  if (!object || !body) return null
  return { kind: 'each', object, value: value!, ...(key !== undefined ? { key } : {}), body }
}

/**
 * `x ~> function($t){ … }`, a value handed to a lambda written in place ("the text, or a default when it is empty"):
 * its body worked out with $t bound to the value. A lambda of more parameters, or one that reads any other variable,
 * is JSONata's. An array or an object is handed on whole: a body reads its parameter only whole (no path from a
 * variable is worked out here), where a list and the sequence JSONata would hold agree.
 */
function applied(node: Node, bound: ReadonlySet<string>): FastTree | null {
  const value = fast(left(node), bound)
  const lambda = node.rhs
  const params = lambda?.type === 'lambda' ? lambda.arguments : undefined
  const param = params?.length === 1 && params[0]!.type === 'variable' ? params[0]!.value : undefined
  if (!value || typeof param !== 'string') return null
  const body = fast(lambda!.body, new Set([...bound, param]))
  return body && { kind: 'apply', value, param, body }
}

/** `{ 'key': value, … }` with literal, distinct keys. */
function objectConstructor(node: Node, bound: ReadonlySet<string>): Extract<FastTree, { kind: 'object' }> | null {
  const pairs = node.lhs
  if (!Array.isArray(pairs)) return null
  const keys: string[] = []
  const values: FastTree[] = []
  for (const pair of pairs as [Node, Node][]) {
    const [key, value] = pair
    if (key?.type !== 'string' || typeof key.value !== 'string' || keys.includes(key.value)) return null
    // `__proto__` as a key sets the made object's prototype in JSONata: JSONata decides (and its answer, copied
    // field by field, has no such field and Object.prototype as its prototype).
    if (key.value === '__proto__') return null
    const f = fast(value, bound)
    if (!f) return null
    keys.push(key.value)
    values.push(f)
  }
  return { kind: 'object', keys, values }
}

/** `$$.a.b`: a plain path from the scope the evaluation started from. */
function rootPath(node: Node): FastTree | null {
  const [first, ...rest] = Array.isArray(node.steps) ? (node.steps as Node[]) : []
  if (first?.type !== 'variable' || first.value !== '$' || !holdsOnly(first, PLAIN_STEP)) return null
  const names = plainPath({ ...node, steps: rest })
  return names && { kind: 'root', names }
}

/**
 * A plain path with one step that picks from a list, as manifests read a vendor's lists:
 * - `a.b.items[predicate]`, the item of a list whose field says so (the comment an event names, among a ticket's);
 * - `a.b.items[predicate].{ 'key': value, … }` or `a.b.items.{ … }`, an object made of each item kept (an agent's
 *   files);
 * - `a.items[0].c`, `a.items[-1].c` or `a.items[predicate][0].c`, one item by its place (the first result, the
 *   last comment, the first of the events of a kind), then plain names from it.
 * The predicate is worked out for each item with that item as the context (`$$` still the scope). Anything else
 * JSONata decides: several items kept and no object made (a sequence), an item that is not an object where a
 * predicate or an object reads it, a list picked by place, a predicate that is not true or false (a number indexes),
 * nothing there to filter when objects follow (./fast-ops.ts, pick).
 */
function listPath(node: Node, bound: ReadonlySet<string>): FastTree | null {
  const all = Array.isArray(node.steps) ? (node.steps as Node[]) : []
  const tail = all[all.length - 1]
  const mapping =
    tail?.type === 'unary' && tail.value === '{' && holdsOnly(tail, OBJECT_STEP)
      ? objectConstructor(tail, bound)
      : undefined
  if (mapping === null) return null
  const steps = mapping ? all.slice(0, -1) : all
  const found = steps.findIndex((step) => step.stages !== undefined)
  const at = found < 0 ? steps.length - 1 : found
  const stages = steps[at]?.stages ?? []
  if (!Array.isArray(stages) || stages.some((stage) => stage.type !== 'filter' || !holdsOnly(stage, FILTER_STAGE)))
    return null
  // Its stages: a predicate, a place (a whole number), or a predicate then a place.
  const byPlace = (stage: (typeof stages)[number] | undefined) =>
    stage?.expr?.type === 'number' && Number.isInteger(stage.expr.value) ? (stage.expr.value as number) : undefined
  const place = byPlace(stages[stages.length - 1])
  const filter = place === undefined || stages.length === 2 ? stages[0] : undefined
  if (stages.length > 2 || (stages.length === 2 && place === undefined) || byPlace(filter) !== undefined) return null
  // Without a place, the picking step is the last one: names after it would map over the items kept.
  if (place === undefined ? !filter && !mapping : mapping) return null
  if (place === undefined && at !== steps.length - 1) return null
  const { stages: _stages, ...plainStep } = steps[at]!
  const names = plainPath({ type: 'path', steps: [...steps.slice(0, at), plainStep] })
  const after = at < steps.length - 1 ? plainPath({ type: 'path', steps: steps.slice(at + 1) }) : []
  const predicate = filter ? fast(filter.expr, bound) : undefined
  if (!names || !after || predicate === null) return null
  return {
    kind: 'pick',
    ...(names.length > 1 ? { parent: names.slice(0, -1) } : {}),
    key: names[names.length - 1]!,
    ...(predicate ? { predicate } : {}),
    ...(place !== undefined ? { place } : {}),
    ...(mapping ? { mapping } : {}),
    ...(after.length ? { rest: after } : {}),
  }
}

/** `[a, b, …]`, a list written out (which parts are themselves written `[…]`: those are not spread). */
function listConstructor(node: Node, bound: ReadonlySet<string>): FastTree | null {
  const written = Array.isArray(node.expressions) ? node.expressions : []
  const parts = written.map((e) => fast(e, bound))
  if (parts.some((p) => !p)) return null
  return {
    kind: 'list',
    parts: parts as FastTree[],
    nested: written.map((e) => e.type === 'unary' && e.value === '['),
  }
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
const LIST = new Set(['type', 'value', 'position', 'expressions'])
const LAMBDA = new Set(['type', 'value', 'position', 'arguments', 'body'])
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

/** Every plain path a FastTree reads (what a build makes readers of), each once, with its key (names joined by NUL). */
export function pathsOf(tree: FastTree, into: Map<string, readonly string[]>): void {
  const add = (names: readonly string[] | undefined) => names && void into.set(pathKey(names), names)
  if (tree.kind === 'path' || tree.kind === 'root') add(tree.names)
  if (tree.kind === 'pick') [tree.parent, tree.rest].forEach(add)
  for (const child of childrenOf(tree)) pathsOf(child, into)
}

/** A FastTree's parts (a pick's predicate and mapping among them). */
export function childrenOf(tree: FastTree): FastTree[] {
  switch (tree.kind) {
    case 'condition':
      return tree.else ? [tree.condition, tree.then, tree.else] : [tree.condition, tree.then]
    case 'logic':
    case 'binary':
      return [tree.lhs, tree.rhs]
    case 'call':
      return tree.args
    case 'each':
      return [tree.object, tree.body]
    case 'apply':
      return [tree.value, tree.body]
    case 'object':
      return tree.values
    case 'list':
      return tree.parts
    case 'pick':
      return [...(tree.predicate ? [tree.predicate] : []), ...(tree.mapping ? [tree.mapping] : [])]
    default:
      return []
  }
}

/** A plain path's key: its names joined with NUL. */
export const pathKey = (names: readonly string[]) => names.join('\0')
