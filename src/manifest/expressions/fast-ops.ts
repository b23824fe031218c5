/**
 * What each construct of the fast path (./fast-tree.ts) gives from the values of its parts, as JSONata gives it:
 * one definition of each, used by the closures a plan builds (./fast-path.ts) and by the code a build generates
 * (build/fast-code.ts). Wherever JSONata's rules could make a difference (a list on the way, an object compared, a
 * number `$string` would format, a text past the bound, a value a function's signature refuses) the answer is UNSURE
 * and JSONata decides; an UNSURE part makes the whole UNSURE.
 */
import { escapeHtml } from '../html'
import type { Scope } from './ast'
import { MAX_TEXT } from './safety'

/** Returned by a fast path that cannot be sure to agree with JSONata: JSONata decides. */
export const UNSURE = Symbol('unsure')

/**
 * The work one evaluation on the fast path may do, in items visited and characters read: a list walked inside
 * another (`$each` in `$each`, a predicate over every item of a long list for every key) could otherwise make one
 * evaluation of a pasted manifest's expression quadratic on this thread, which every tenant's calls share. Past it the
 * fast path answers UNSURE and JSONata decides, under its own bounds (time, and for a pasted manifest an isolation
 * worker). A million units is some milliseconds; manifests' expressions over real payloads use a few hundred.
 */
export const FAST_WORK = 1_000_000
let work = 0

/** A fresh allowance of work for the evaluation about to run (FAST_WORK). */
export function allowWork() {
  work = FAST_WORK
}

/** Spends `units` of the running evaluation's work; false once it is spent. */
function spend(units: number): boolean {
  work -= units
  return work >= 0
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

/**
 * A plain path's value as JSONata reads it, a list at its end as it is (JSONata gives the list the data holds when
 * nothing before it was one); UNSURE where a list on the way would make JSONata map over it.
 */
export function readValue(scope: Scope, names: readonly string[]): unknown {
  let v: unknown = scope
  for (const name of names) v = step(v, name)
  return typeof v === 'function' ? UNSURE : v
}

/** A path's value where it is one value: a list (JSONata's sequence) is UNSURE. */
export const oneValue = (v: unknown) => (Array.isArray(v) ? UNSURE : v)

/** JSONata's truth of a value, where it is plain. */
export function truth(v: unknown): boolean | typeof UNSURE {
  if (v === UNSURE) return UNSURE
  if (v === undefined || v === null) return false
  if (typeof v === 'boolean') return v
  if (typeof v === 'string') return v.length > 0
  if (typeof v === 'number') return v !== 0
  return UNSURE
}

const comparable = (v: unknown) => typeof v === 'string' || typeof v === 'number'

function equality(a: unknown, b: unknown, equal: boolean): unknown {
  if (a === UNSURE || b === UNSURE || (typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null))
    return UNSURE
  if (a === undefined || b === undefined) return false
  // Two texts are compared character by character: their length is work (see FAST_WORK).
  if (typeof a === 'string' && typeof b === 'string' && !spend(Math.min(a.length, b.length))) return UNSURE
  return equal ? a === b : a !== b
}

/**
 * `<`, `<=`, `>`, `>=`: nothing beside a number or a text is nothing; anything else (two kinds, an object) JSONata
 * refuses.
 */
const comparison =
  (compare: (a: number, b: number) => boolean) =>
  (a: unknown, b: unknown): unknown => {
    if ((a === undefined && comparable(b)) || (b === undefined && comparable(a))) return undefined
    if (typeof a === typeof b && comparable(a)) return compare(a as number, b as number)
    return UNSURE
  }

/** The binary operators of the fast path (`and` and `or` aside: they need their right side only sometimes). */
export const BINARY = {
  '=': (a: unknown, b: unknown) => equality(a, b, true),
  '!=': (a: unknown, b: unknown) => equality(a, b, false),
  '&': (a: unknown, b: unknown): unknown => {
    if ((a !== undefined && typeof a !== 'string') || (b !== undefined && typeof b !== 'string')) return UNSURE
    // Past the text bound, JSONata decides (and refuses); what is joined is work (see FAST_WORK).
    const length = (a?.length ?? 0) + (b?.length ?? 0)
    if (length > MAX_TEXT || !spend(length)) return UNSURE
    return (a ?? '') + (b ?? '')
  },
  in: (a: unknown, b: unknown): unknown => {
    if (a === UNSURE || b === UNSURE || (typeof a === 'object' && a !== null)) return UNSURE
    if (a === undefined || b === undefined) return false
    if (!Array.isArray(b)) return a === b
    return spend(b.length) ? b.includes(a) : UNSURE
  },
  '<': comparison((a, b) => a < b),
  '<=': comparison((a, b) => a <= b),
  '>': comparison((a, b) => a > b),
  '>=': comparison((a, b) => a >= b),
}
export type BinaryOperator = keyof typeof BINARY

/** A function of one value of any kind. */
const ofValue =
  (f: (v: unknown) => unknown) =>
  (v: unknown): unknown =>
    v === UNSURE ? UNSURE : f(v)

/** A function of one text: nothing gives nothing, a value that is not a text JSONata refuses. */
const ofText = (f: (s: string) => unknown) =>
  ofValue((v) => {
    if (v === undefined) return undefined
    if (typeof v !== 'string' || !spend(v.length)) return UNSURE
    const out = f(v)
    return typeof out === 'string' && out.length > MAX_TEXT ? UNSURE : out
  })

/** A function of a text and a second text (what to look for): nothing as the first gives nothing. */
const ofTexts =
  (f: (s: string, t: string) => unknown) =>
  (s: unknown, t: unknown): unknown => {
    if (s === UNSURE || typeof t !== 'string') return UNSURE
    if (s === undefined) return undefined
    return typeof s === 'string' && spend(s.length) ? f(s, t) : UNSURE
  }

/** JSONata's encoding functions: a text they cannot encode (a lone surrogate) JSONata refuses. */
const encoding = (encode: (s: string) => string) =>
  ofText((s) => {
    try {
      return encode(s)
    } catch {
      return UNSURE
    }
  })

/** A function of the fast path: how many arguments it takes, and what it gives from their values. */
export type FastFunction = {
  /** The fewest and the most arguments; one left out takes its value from `missing`. */
  arity: readonly [number, number]
  missing?: readonly unknown[]
  of: (...args: unknown[]) => unknown
}

/**
 * The functions worked out on the fast path, each as JSONata's own (jsonata/src/functions.js) does over the values
 * the fast path sees; JSONata decides any other value (and throws where its signature refuses it). `$each`, whose
 * second argument is a lambda, is `each` below.
 */
export const FUNCTIONS: Record<string, FastFunction> = {
  string: {
    arity: [1, 1],
    of: ofValue((v) => {
      if (v === undefined || typeof v === 'string') return v
      if (typeof v === 'boolean' || v === null) return String(v)
      if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v)
      return UNSURE
    }),
  },
  number: {
    arity: [1, 1],
    of: ofValue((v) => {
      if (v === undefined || typeof v === 'number') return v
      if (typeof v !== 'string' || !spend(v.length)) return UNSURE
      return /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v) ? Number(v) : UNSURE
    }),
  },
  exists: { arity: [1, 1], of: ofValue((v) => v !== undefined) },
  not: {
    arity: [1, 1],
    of: ofValue((v) => {
      if (v === undefined) return undefined
      const t = truth(v)
      return t === UNSURE ? UNSURE : !t
    }),
  },
  count: { arity: [1, 1], of: ofValue((v) => (v === undefined ? 0 : Array.isArray(v) ? v.length : 1)) },
  length: {
    arity: [1, 1],
    of: ofText((s) => {
      // In code points, as JSONata counts.
      let n = 0
      for (const _ of s) n++
      return n
    }),
  },
  lowercase: { arity: [1, 1], of: ofText((s) => s.toLowerCase()) },
  uppercase: { arity: [1, 1], of: ofText((s) => s.toUpperCase()) },
  trim: {
    arity: [1, 1],
    of: ofText((s) => {
      let t = s.replace(/[ \t\n\r]+/gm, ' ')
      if (t.charAt(0) === ' ') t = t.substring(1)
      return t.charAt(t.length - 1) === ' ' ? t.substring(0, t.length - 1) : t
    }),
  },
  escapeHtml: { arity: [1, 1], of: ofText(escapeHtml) },
  encodeUrl: { arity: [1, 1], of: encoding(encodeURI) },
  encodeUrlComponent: { arity: [1, 1], of: encoding(encodeURIComponent) },
  contains: { arity: [2, 2], of: ofTexts((s, t) => s.includes(t)) },
  substringBefore: {
    arity: [2, 2],
    of: ofTexts((s, t) => {
      const at = s.indexOf(t)
      return at > -1 ? s.substring(0, at) : s
    }),
  },
  substringAfter: {
    arity: [2, 2],
    of: ofTexts((s, t) => {
      const at = s.indexOf(t)
      return at > -1 ? s.substring(at + t.length) : s
    }),
  },
  // `$join(list, separator)`: a ticket's body from its parts (texts only; a single text is a list of one).
  join: {
    arity: [1, 2],
    missing: [undefined, ''],
    of: (v, s) => {
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
    },
  },
  // `$append(['botpress-hitl'], tags)`: nothing on one side gives the other as it is; else one list of both.
  append: {
    arity: [2, 2],
    of: (a, b) => {
      if (a === UNSURE || b === UNSURE) return UNSURE
      if (a === undefined) return b
      if (b === undefined) return a
      const [first, second] = [Array.isArray(a) ? a : [a], Array.isArray(b) ? b : [b]]
      return spend(first.length + second.length) ? first.concat(second) : UNSURE
    },
  },
  // `$lookup(object, key)`: an object's own field (an inherited name, `constructor`, is nothing, as in JSONata).
  lookup: {
    arity: [2, 2],
    of: (o, k) => {
      if (o === UNSURE || typeof k !== 'string' || Array.isArray(o)) return UNSURE
      if (o === null || typeof o !== 'object') return undefined
      return Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined
    },
  },
}

/**
 * `$each(object, function($v, $k){ … })`, the lambda written in place (`body`, given each value and key): its values,
 * those that are nothing left out; none gives nothing, one that value, several their list.
 */
export function each(o: unknown, body: (value: unknown, key: string) => unknown): unknown {
  if (o === UNSURE || (o !== undefined && (o === null || typeof o !== 'object' || Array.isArray(o)))) return UNSURE
  if (o === undefined) return undefined
  const keys = Object.keys(o)
  if (!spend(keys.length)) return UNSURE
  const out: unknown[] = []
  for (const k of keys) {
    const v = body((o as Record<string, unknown>)[k], k)
    if (v === UNSURE || Array.isArray(v)) return UNSURE
    if (v !== undefined) out.push(v)
  }
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out
}

/**
 * `{ 'key': value, … }` from its keys and their values: a key whose value is nothing is left out, as JSONata does. An
 * array value (which JSONata may flatten or keep) makes it unsure.
 */
export function objectOf(keys: readonly string[], values: readonly unknown[]): unknown {
  const out: Record<string, unknown> = {}
  for (let i = 0; i < keys.length; i++) {
    const v = values[i]
    if (v === UNSURE || Array.isArray(v)) return UNSURE
    if (v !== undefined) out[keys[i]!] = v
  }
  return out
}

/**
 * `[a, b, …]` from its parts' values: parts that are nothing are left out, and a part that is a list is spread into
 * it (one level, as JSONata's array constructor does) unless it is itself written `[…]` (`nested`).
 */
export function listOf(values: readonly unknown[], nested: readonly boolean[]): unknown {
  const out: unknown[] = []
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v === UNSURE) return UNSURE
    if (v === undefined) continue
    if (!Array.isArray(v) || nested[i]) out.push(v)
    else if (!spend(v.length)) return UNSURE
    else for (const item of v) out.push(item)
  }
  return out
}

/**
 * The step of a path that picks from a list (./fast-tree.ts, `pick`), from the value it stands in (`within`, where
 * the path before it leads) and its `key`: the items `predicate` holds for (each the context), then the item at
 * `place` (then `rest` read from it), or the objects `mapping` makes of them. Without a place, none kept gives
 * nothing; one, that item (or its object); several objects made, their list. Anything else JSONata decides.
 */
export function pick(
  within: unknown,
  key: string,
  predicate: ((item: Scope) => unknown) | undefined,
  place: number | undefined,
  mapping: ((item: Scope) => unknown) | undefined,
  rest: ((item: Scope) => unknown) | undefined
): unknown {
  // A path that ends before its last step gives nothing, its predicate never run.
  if (within === UNSURE || within === undefined) return within
  const value =
    within !== null && typeof within === 'object' && Object.prototype.hasOwnProperty.call(within, key)
      ? (within as Record<string, unknown>)[key]
      : undefined
  // Nothing there: JSONata still runs a predicate once, over nothing (it may fail), and gives nothing.
  if (value === undefined && mapping) return predicate ? UNSURE : undefined
  const items = value === undefined ? [undefined] : Array.isArray(value) ? value : [value]
  if (!spend(items.length)) return UNSURE
  let kept: unknown[] = items
  if (predicate || mapping) {
    kept = []
    for (const item of items) {
      if (item !== undefined && (!item || typeof item !== 'object' || Array.isArray(item))) return UNSURE
      if (predicate) {
        const holds = predicate(item as Scope)
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
    const object = mapping(item as Scope)
    if (object === UNSURE) return UNSURE
    made.push(object)
  }
  return made.length === 0 ? undefined : made.length === 1 ? made[0] : made
}

/** A value a template writes into its text: a text as it is, else its JSON (a cycle, JSON cannot write: UNSURE). */
export function inText(v: unknown): unknown {
  if (typeof v === 'string') return v
  try {
    return JSON.stringify(v)
  } catch {
    return UNSURE
  }
}
