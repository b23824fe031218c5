/**
 * The fast path: most expressions in manifests are plain paths (from the scope, or from `$$`), `$string`/`$number` of
 * one, comparisons of those with literals joined by and/or, `in` a list, conditions and texts joined with `&`, `()`,
 * lists and objects written out, JSONata's text functions of one value (`$lowercase`, `$trim`, `$contains`,
 * `$substringBefore`, `$encodeUrl`, …), `$exists`, `$not`, `$count`, `$join`, `$append`, `$lookup`, `$each` with its
 * lambda written in place, a value handed to a lambda written in place, the item of a list a predicate picks
 * (`comments[$string(id) = $string($$.event.id)]`) or a place picks (`parts[-1].body`), and objects made of a list's
 * items. They are worked out here without JSONata's evaluator, giving exactly what JSONata gives; wherever JSONata's
 * rules could make a difference (a list on the way, an object compared, a number `$string` would format, a text past
 * the bound, a value a function's signature refuses) the fast path answers UNSURE and JSONata decides. That contract
 * is held by the property tests "give exactly what JSONata gives" (test/hardening/properties.test.ts). A plain path
 * a build's manifests read is read by code the build made for it (readerOf), held to the same by its own property
 * test (test/manifest/readers.test.ts).
 */
import type jsonata from 'jsonata'
import { asNode, left, type Node, type Scope } from './ast'
import { escapeHtml } from '../html'
import { MAX_TEXT } from './safety'

/** Returned by a fast path that cannot be sure to agree with JSONata: JSONata decides. */
export const UNSURE = Symbol('unsure')

/** Values of the variables a lambda binds ($t in `x ~> function($t){ … }`), by name; ROOT: what `$$` reads. */
export type Vars = Record<string | symbol, unknown>
/** The scope the evaluation started from, in `vars` where a filter's predicate reads its items as the context. */
const ROOT = Symbol('root')
/** A fast path: run over a scope by runFast (no variable bound yet: NO_VALUES). */
export type Fast = (scope: Scope, vars: Vars) => unknown
const NONE: ReadonlySet<string> = new Set()
const NO_VALUES: Vars = Object.freeze({})

/**
 * An expression's fast path (see above), or null where it has none: JSONata evaluates it. Run by `runFast` (no
 * closure around it: an expression of a pasted plan keeps each closure it makes).
 */
export function fastPath(ast: jsonata.ExprNode | Node | undefined): Fast | null {
  return fast(ast, NONE)
}

/**
 * The work one evaluation on the fast path may do, in items visited and characters read: a list walked inside
 * another (`$each` in `$each`, a predicate over every item of a long list for every key) could otherwise make one
 * evaluation of a pasted manifest's expression quadratic on this thread, which every tenant's calls share. Past it the
 * fast path answers UNSURE and JSONata decides, under its own bounds (time, and for a pasted manifest an isolation
 * worker). A million units is some milliseconds; manifests' expressions over real payloads use a few hundred.
 */
export const FAST_WORK = 1_000_000
let work = 0

/** Spends `units` of the running evaluation's work; false once it is spent. */
function spend(units: number): boolean {
  work -= units
  return work >= 0
}

/** A fast path's value over `scope`, with a fresh allowance of work (FAST_WORK). */
export function runFast(f: Fast, scope: Scope): unknown {
  work = FAST_WORK
  return f(scope, NO_VALUES)
}

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
      if (names) return readerOf(names)
      return rootPath(node) ?? listPath(node, bound)
    }
    case 'string':
    case 'number':
    case 'value': {
      // The value alone: a closure that read the node would keep its tree alive (it shares this call's context).
      const value = node.value
      return () => value
    }
    case 'block':
      // `()` is nothing; `(e)` is e.
      if (node.expressions?.length === 0) return () => undefined
      return node.expressions?.length === 1 ? fast(node.expressions[0], bound) : null
    case 'unary':
      if (node.value === '[') return holdsOnly(node, LIST) ? listConstructor(node, bound) : null
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
      const make =
        typeof name === 'string' && Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined
      return make ? make(node.arguments ?? [], bound) : null
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
          // Two texts are compared character by character: their length is work (see FAST_WORK).
          if (typeof a === 'string' && typeof b === 'string' && !spend(Math.min(a.length, b.length))) return UNSURE
          return equal ? a === b : a !== b
        }
      }
      if (node.value === '&') {
        return (scope, vars) => {
          const a = lhs(scope, vars)
          const b = rhs(scope, vars)
          if ((a !== undefined && typeof a !== 'string') || (b !== undefined && typeof b !== 'string')) return UNSURE
          // Past the text bound, JSONata decides (and refuses); what is joined is work (see FAST_WORK).
          const length = (a?.length ?? 0) + (b?.length ?? 0)
          if (length > MAX_TEXT || !spend(length)) return UNSURE
          return (a ?? '') + (b ?? '')
        }
      }
      if (node.value === 'in') {
        return (scope, vars) => {
          const a = lhs(scope, vars)
          const b = rhs(scope, vars)
          if (a === UNSURE || b === UNSURE || (typeof a === 'object' && a !== null)) return UNSURE
          if (a === undefined || b === undefined) return false
          if (!Array.isArray(b)) return a === b
          return spend(b.length) ? b.includes(a) : UNSURE
        }
      }
      if (node.value === '<' || node.value === '<=' || node.value === '>' || node.value === '>=') {
        const compare = COMPARE[node.value]
        return (scope, vars) => {
          const a = lhs(scope, vars)
          const b = rhs(scope, vars)
          // Nothing beside a number or a text is nothing; anything else (two kinds, an object) JSONata refuses.
          if ((a === undefined && comparable(b)) || (b === undefined && comparable(a))) return undefined
          if (typeof a === typeof b && comparable(a)) return compare(a as number, b as number)
          return UNSURE
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
    // An array or an object is handed on whole: a body reads its parameter only whole (no path from a variable is
    // worked out here), where a list and the sequence JSONata would hold agree.
    if (v === UNSURE) return UNSURE
    return body(scope, Object.assign({}, vars, { [param]: v }))
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
    // `__proto__` as a key sets the made object's prototype in JSONata: JSONata decides (and its answer, copied
    // field by field, has no such field and Object.prototype as its prototype).
    if (key.value === '__proto__') return null
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
  if (!names) return null
  const reader = readerOf(names)
  return (scope, vars) => reader((vars[ROOT] as Scope | undefined) ?? scope)
}

/**
 * A plain path with one step that picks from a list, as manifests read a vendor's lists:
 * - `a.b.items[predicate]`, the item of a list whose field says so (the comment an event names, among a ticket's);
 * - `a.b.items[predicate].{ 'key': value, … }` or `a.b.items.{ … }`, an object made of each item kept (an agent's
 *   files);
 * - `a.items[0].c`, `a.items[-1].c` or `a.items[predicate][0].c`, one item by its place (the first result, the
 *   last comment, the first of the events of a kind), then plain names from it.
 * The predicate is worked out for each item with that item as the context (`$$` still the scope). Without a place,
 * none kept gives nothing; one, that item (or its object); several objects made, their list. Anything else JSONata
 * decides: several items kept and no object made (a sequence), an item that is not an object where a predicate or an
 * object reads it, a list picked by place, a predicate that is not true or false (a number indexes), nothing there to
 * filter when objects follow.
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
  const parent = names.length > 1 ? readerOf(names.slice(0, -1)) : undefined
  const rest = after.length ? readerOf(after) : undefined
  const key = names[names.length - 1]!
  return (scope, vars) => {
    const within = parent ? oneValue(parent(scope)) : scope
    // A path that ends before its last step gives nothing, its predicate never run.
    if (within === UNSURE || within === undefined) return within
    const value =
      within !== null && typeof within === 'object' && Object.prototype.hasOwnProperty.call(within, key)
        ? (within as Record<string, unknown>)[key]
        : undefined
    // Nothing there: JSONata still runs a predicate once, over nothing (it may fail), and gives nothing.
    if (value === undefined && mapping) return predicate ? UNSURE : undefined
    const items = value === undefined ? [undefined] : Array.isArray(value) ? value : [value]
    const inner = vars[ROOT] === undefined ? Object.assign({}, vars, { [ROOT]: scope }) : vars
    if (!spend(items.length)) return UNSURE
    let kept: unknown[] = items
    if (predicate || mapping) {
      kept = []
      for (const item of items) {
        if (item !== undefined && (!item || typeof item !== 'object' || Array.isArray(item))) return UNSURE
        if (predicate) {
          const holds = predicate(item as Scope, inner)
          if (holds === UNSURE || (holds !== undefined && typeof holds !== 'boolean')) return UNSURE
          if (!holds) continue
        }
        if (item !== undefined) kept.push(item)
      }
    }
    if (place !== undefined) {
      const item = kept[place < 0 ? kept.length + place : place]
      if (Array.isArray(item)) return UNSURE
      return item === undefined || !rest ? item : rest(item as Scope)
    }
    if (!mapping) return kept.length > 1 ? UNSURE : kept[0]
    const made: unknown[] = []
    for (const item of kept) {
      const object = mapping(item as Scope, inner)
      if (object === UNSURE) return UNSURE
      made.push(object)
    }
    return made.length === 0 ? undefined : made.length === 1 ? made[0] : made
  }
}

/**
 * `[a, b, …]`, a list written out: parts that are nothing are left out, and a part that is a list is spread into it
 * (one level, as JSONata's array constructor does) unless it is itself written `[…]`.
 */
function listConstructor(node: Node, bound: ReadonlySet<string>): Fast | null {
  const written = Array.isArray(node.expressions) ? node.expressions : []
  const parts = written.map((e) => fast(e, bound))
  if (parts.some((p) => !p)) return null
  const nested = written.map((e) => e.type === 'unary' && e.value === '[')
  return (scope, vars) => {
    const out: unknown[] = []
    for (let i = 0; i < parts.length; i++) {
      const v = parts[i]!(scope, vars)
      if (v === UNSURE) return UNSURE
      if (v === undefined) continue
      if (!Array.isArray(v) || nested[i]) out.push(v)
      else if (!spend(v.length)) return UNSURE
      else for (const item of v) out.push(item)
    }
    return out
  }
}

/** Builds a function call's fast path from its arguments' trees, or null where JSONata must evaluate it. */
type Call = (args: Node[], bound: ReadonlySet<string>) => Fast | null

/** The arguments' fast paths, where there are `count` (or between `count` and `most`) and each has one. */
function argumentsOf(args: Node[], bound: ReadonlySet<string>, count: number, most = count): Fast[] | null {
  if (args.length < count || args.length > most) return null
  const made = args.map((a) => fast(a, bound))
  return made.every(Boolean) ? (made as Fast[]) : null
}

/** A function of two values of any kind, both worked out first. */
const ofPair =
  (f: (a: unknown, b: unknown) => unknown): Call =>
  (args, bound) => {
    const [first, second] = argumentsOf(args, bound, 2) ?? []
    if (!first || !second) return null
    return (scope, vars) => f(first(scope, vars), second(scope, vars))
  }

/** A function of a text and a second text (what to look for): nothing as the first gives nothing. */
const ofTexts = (f: (s: string, t: string) => unknown): Call =>
  ofPair((s, t) => {
    if (s === UNSURE || typeof t !== 'string') return UNSURE
    if (s === undefined) return undefined
    return typeof s === 'string' && spend(s.length) ? f(s, t) : UNSURE
  })

/** A function of one value of any kind. */
const ofValue =
  (f: (v: unknown) => unknown): Call =>
  (args, bound) => {
    const [arg] = argumentsOf(args, bound, 1) ?? []
    if (!arg) return null
    return (scope, vars) => {
      const v = arg(scope, vars)
      return v === UNSURE ? UNSURE : f(v)
    }
  }

/** A function of one text: nothing gives nothing, a value that is not a text JSONata refuses. */
const ofText = (f: (s: string) => unknown): Call =>
  ofValue((v) => {
    if (v === undefined) return undefined
    if (typeof v !== 'string' || !spend(v.length)) return UNSURE
    const out = f(v)
    return typeof out === 'string' && out.length > MAX_TEXT ? UNSURE : out
  })

/** JSONata's encoding functions: a text they cannot encode (a lone surrogate) JSONata refuses. */
const encoding = (encode: (s: string) => string) =>
  ofText((s) => {
    try {
      return encode(s)
    } catch {
      return UNSURE
    }
  })

/**
 * The functions worked out here, each as JSONata's own (jsonata/src/functions.js) does over the values the fast path
 * sees; JSONata decides any other value (and throws where its signature refuses it).
 */
const FUNCTIONS: Record<string, Call> = {
  string: ofValue((v) => {
    if (v === undefined || typeof v === 'string') return v
    if (typeof v === 'boolean' || v === null) return String(v)
    if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v)
    return UNSURE
  }),
  number: ofValue((v) => {
    if (v === undefined || typeof v === 'number') return v
    if (typeof v !== 'string' || !spend(v.length)) return UNSURE
    return /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v) ? Number(v) : UNSURE
  }),
  exists: ofValue((v) => v !== undefined),
  not: ofValue((v) => {
    if (v === undefined) return undefined
    const t = truth(v)
    return t === UNSURE ? UNSURE : !t
  }),
  count: ofValue((v) => (v === undefined ? 0 : Array.isArray(v) ? v.length : 1)),
  length: ofText((s) => {
    // In code points, as JSONata counts.
    let n = 0
    for (const _ of s) n++
    return n
  }),
  lowercase: ofText((s) => s.toLowerCase()),
  uppercase: ofText((s) => s.toUpperCase()),
  trim: ofText((s) => {
    let t = s.replace(/[ \t\n\r]+/gm, ' ')
    if (t.charAt(0) === ' ') t = t.substring(1)
    return t.charAt(t.length - 1) === ' ' ? t.substring(0, t.length - 1) : t
  }),
  escapeHtml: ofText(escapeHtml),
  encodeUrl: encoding(encodeURI),
  encodeUrlComponent: encoding(encodeURIComponent),
  contains: ofTexts((s, t) => s.includes(t)),
  substringBefore: ofTexts((s, t) => {
    const at = s.indexOf(t)
    return at > -1 ? s.substring(0, at) : s
  }),
  substringAfter: ofTexts((s, t) => {
    const at = s.indexOf(t)
    return at > -1 ? s.substring(at + t.length) : s
  }),
  // `$join(list, separator)`: a ticket's body from its parts (texts only; a single text is a list of one).
  join: (args, bound) => {
    const [list, separator = () => ''] = argumentsOf(args, bound, 1, 2) ?? []
    if (!list) return null
    return (scope, vars) => {
      const v = list(scope, vars)
      const s = separator(scope, vars)
      if (v === UNSURE || typeof s !== 'string') return UNSURE
      if (v === undefined) return undefined
      const texts = Array.isArray(v) ? v : [v]
      if (!spend(texts.length)) return UNSURE
      let length = 0
      for (const t of texts) {
        if (typeof t !== 'string') return UNSURE
        length += t.length + s.length
      }
      // Past the text bound, JSONata decides (and refuses).
      return length > MAX_TEXT || !spend(length) ? UNSURE : texts.join(s)
    }
  },
  // `$append(['botpress-hitl'], tags)`: nothing on one side gives the other as it is; else one list of both.
  append: ofPair((a, b) => {
    if (a === UNSURE || b === UNSURE) return UNSURE
    if (a === undefined) return b
    if (b === undefined) return a
    const [first, second] = [Array.isArray(a) ? a : [a], Array.isArray(b) ? b : [b]]
    return spend(first.length + second.length) ? first.concat(second) : UNSURE
  }),
  // `$lookup(object, key)`: an object's own field (an inherited name, `constructor`, is nothing, as in JSONata).
  lookup: ofPair((o, k) => {
    if (o === UNSURE || typeof k !== 'string' || Array.isArray(o)) return UNSURE
    if (o === null || typeof o !== 'object') return undefined
    return Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined
  }),
  // `$each(object, function($v, $k){ … })`, the lambda written in place: its values, those that are nothing left
  // out; none gives nothing, one that value, several their list.
  each: (args, bound) => {
    const [objectTree, lambda] = args
    if (args.length !== 2 || lambda?.type !== 'lambda' || !holdsOnly(lambda, LAMBDA)) return null
    const params = (lambda.arguments ?? []).map((p) => (p.type === 'variable' ? p.value : undefined))
    if (params.length < 1 || params.length > 2 || !params.every((p) => typeof p === 'string' && p !== '')) return null
    const [value, key] = params as string[]
    const object = fast(objectTree, bound)
    const body = object && fast(lambda.body, new Set([...bound, ...(params as string[])]))
    if (!object || !body) return null
    return (scope, vars) => {
      const o = object(scope, vars)
      if (o === UNSURE || (o !== undefined && (o === null || typeof o !== 'object' || Array.isArray(o)))) return UNSURE
      if (o === undefined) return undefined
      const keys = Object.keys(o)
      if (!spend(keys.length)) return UNSURE
      const out: unknown[] = []
      for (const k of keys) {
        const bindings: Vars = { [value!]: (o as Record<string, unknown>)[k] }
        if (key !== undefined) bindings[key] = k
        const v = body(scope, Object.assign({}, vars, bindings))
        if (v === UNSURE || Array.isArray(v)) return UNSURE
        if (v !== undefined) out.push(v)
      }
      return out.length === 0 ? undefined : out.length === 1 ? out[0] : out
    }
  },
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
}
const comparable = (v: unknown) => typeof v === 'string' || typeof v === 'number'

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

/**
 * A plain path's value as JSONata reads it, a list at its end as it is (JSONata gives the list the data holds when
 * nothing before it was one); UNSURE where a list on the way would make JSONata map over it.
 */
export function readValue(scope: Scope, names: readonly string[]): unknown {
  let v: unknown = scope
  for (const name of names) v = step(v, name)
  return typeof v === 'function' ? UNSURE : v
}

/**
 * One step of a plain path: an object's own field (an inherited name, `constructor`, is nothing, as in JSONata);
 * nothing from nothing or from what is not an object; UNSURE from a list (JSONata would map over it), and from UNSURE.
 */
export function step(v: unknown, name: string): unknown {
  if (v === UNSURE || Array.isArray(v)) return UNSURE
  if (typeof v !== 'object' || v === null) return undefined
  return Object.prototype.hasOwnProperty.call(v, name) ? (v as Record<string, unknown>)[name] : undefined
}

/** A plain path's value where it is one value: UNSURE for a list (JSONata's sequence) or a list on the way. */
export function read(scope: Scope, names: string[]): unknown {
  return oneValue(readValue(scope, names))
}

/** A path's value where it is one value: a list (JSONata's sequence) is UNSURE. */
const oneValue = (v: unknown) => (Array.isArray(v) ? UNSURE : v)

/** A plain path's value over a scope, as readValue gives it. */
export type Reader = (scope: Scope) => unknown

/**
 * Readers of the plain paths a build's manifests read, made by the build as code (build/readers.ts): a path read
 * with its names written in (`v.event`, not `v[name]` in a loop over names) is read at its own place, several times
 * faster. By the path's names, joined with NUL; a pure function of them, so any plan reading that path may use it.
 * Those of a bundled manifest are added when a call first selects it (src/botpress/providers.ts).
 */
const builtReaders = new Map<string, Reader>()
const pathKey = (names: readonly string[]) => names.join('\0')

/** What a build's readers program gives: each reader with its path's key, made from the two values its code uses. */
export type BuiltReaders = (unsure: typeof UNSURE, slow: typeof step) => Iterable<readonly [string, Reader]>

/** Takes readers the build made, for every fast path made from now on (a path's first reader stays: all are alike). */
export function useReaders(make: BuiltReaders) {
  for (const [key, reader] of make(UNSURE, step)) if (!builtReaders.has(key)) builtReaders.set(key, reader)
}

/** Set while the build lists the paths an expression's fast path reads (pathsRead). */
let asked: ((names: readonly string[]) => void) | undefined

/** A plain path's reader: the build's where it made one, else readValue over the names. */
export function readerOf(names: readonly string[]): Reader {
  asked?.(names)
  return builtReaders.get(pathKey(names)) ?? ((scope) => readValue(scope, names))
}

/**
 * The plain paths an expression's fast path reads, and the field a matcher is dispatched on (what a build makes
 * readers of), by their key.
 */
export function pathsRead(ast: jsonata.ExprNode | Node | undefined, into = new Map<string, readonly string[]>()) {
  const add = (names: readonly string[]) => void into.set(pathKey(names), names)
  asked = add
  try {
    fastPath(ast)
  } finally {
    asked = undefined
  }
  const dispatched = requiredEquality(ast)
  if (dispatched) add(dispatched.names)
  return into
}
