/**
 * What keeps one manifest's expressions from hurting the process that runs every tenant's calls. JSONata's own
 * bounds (time and depth between steps, sequence length) cannot stop a single step that allocates or backtracks
 * without end, so every evaluation also gets:
 * - a bound on the size of any text it builds (JSONata's evaluate-exit hook sees every value a node produces), and
 *   on the width `$pad` is asked for (it allocates that much before answering): V8 aborts the whole process on an
 *   array or string past its limits, which no try/catch, worker or timeout can recover;
 * - a linear-time regular expression engine (re2js, a port of RE2) instead of the backtracking RegExp: no pattern can
 *   freeze the event loop, whatever the text. Patterns RE2 cannot run in linear time (lookaround, backreferences)
 *   are refused when the manifest is validated, at their place. A pattern of the one shape RegExp runs in linear
 *   time (backtrackSafe: what configuration fields write) runs with RegExp, matching as RE2 does: no RE2 to compile
 *   on a call that checks a configuration.
 */
import type jsonata from 'jsonata'
import { RE2JS } from 're2js'
import { BoundedCache } from '../../bounded-cache'

/** Longest text an expression may build or read (characters); far below V8's limits, far above any real message. */
export const MAX_TEXT = 8 * 1024 * 1024

/** Thrown inside an evaluation; its message reaches the manifest's author with the expression's place. */
export class BoundExceeded extends Error {}

const EXIT = Symbol.for('jsonata.__evaluate_exit')

/** Installs the bounds on a compiled expression: the text bound on every value, and the guarded `$pad`. */
export function bound(compiled: jsonata.Expression) {
  compiled.assign(EXIT as unknown as string, (_node: unknown, _input: unknown, _env: unknown, result: unknown) => {
    if (typeof result === 'string' && result.length > MAX_TEXT) {
      throw new BoundExceeded(`built a text of ${result.length} characters, more than the ${MAX_TEXT} allowed`)
    }
  })
  compiled.registerFunction(
    'pad',
    (str: string | undefined, width: number, char?: string) => {
      if (str === undefined) return undefined
      if (Math.abs(width) > MAX_TEXT)
        throw new BoundExceeded(`$pad to ${width} characters: more than the ${MAX_TEXT} allowed`)
      return padText(str, Math.trunc(width), char === undefined || char === '' ? ' ' : char)
    },
    '<s-ns?:s>'
  )
}

/** JSONata's $pad, counted in code points as JSONata counts them. */
function padText(str: string, width: number, char: string): string {
  const missing = Math.abs(width) - [...str].length
  if (missing <= 0) return str
  const padding = [...char.repeat(Math.ceil(missing / [...char].length))].slice(0, missing).join('')
  return width > 0 ? str + padding : padding + str
}

/**
 * A RegExp-shaped facade of RE2 for JSONata (its `RegexEngine` option): JSONata makes one per regex literal (always
 * global), sets `lastIndex` and calls `exec`. Indices are UTF-16 code units, as RegExp's.
 */
export class LinearRegExp {
  lastIndex = 0
  private readonly re: ReturnType<typeof RE2JS.compile>
  readonly source: string

  constructor(literal: RegExp) {
    this.source = literal.source
    this.re = compileLinear(literal.source, literal.flags)
  }

  exec(text: string): (string[] & { index: number; input: string }) | null {
    if (this.lastIndex > text.length) {
      this.lastIndex = 0
      return null
    }
    const m = this.re.matcher(text)
    if (!m.find(this.lastIndex)) {
      this.lastIndex = 0
      return null
    }
    const groups: string[] = []
    for (let i = 0; i <= m.groupCount(); i++) groups.push(m.group(i) as string)
    const start = m.start()
    const end = m.end()
    // As RegExp does for a global regex: an empty match moves one place on, or the next exec would find it again.
    this.lastIndex = end === start ? end + 1 : end
    return Object.assign(groups, { index: start, input: text })
  }

  test(text: string): boolean {
    return this.exec(text) !== null
  }
}

function compileLinear(source: string, flags: string) {
  let f = 0
  if (flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE
  if (flags.includes('m')) f |= RE2JS.MULTILINE
  return RE2JS.compile(source, f)
}

/** A compiled pattern, as the runtime matches with it: RE2's interface, the part of it the runtime uses. */
export type LinearPattern = {
  matcher(text: string): {
    find(from?: number): boolean
    group(index: number): string | null
    groupCount(): number
    start(): number
    end(): number
  }
}

/** Patterns a manifest writes as text (a signature's), compiled for linear time once each: nothing secret in them. */
const patterns = new BoundedCache<LinearPattern>(500)

/**
 * A manifest's pattern, ready to match in linear time; throws when RE2 cannot run it (lookaround, backreferences).
 * One of the shape a backtracking RegExp runs in linear time (backtrackSafe: what configuration fields write) runs
 * with RegExp, as RE2 would match it; any other with RE2.
 */
export function linearPattern(source: string): LinearPattern {
  return (
    patterns.get(source) ??
    patterns.set(source, backtrackSafe(source) ? shapedPattern(source) : compileLinear(source, ''))
  )
}

const ATOM = String.raw`(?:[^\\^$.|?*+()[\]{}]|\\[dDwW.\-/\\^$|?*+()[\]{}]|\.|\[\^?(?:[^\\\]]|\\[dDwW.\-/\\\]^[])+\])`
const QUANTIFIER = String.raw`(?:[?*+]|\{\d{1,4}(?:,\d{0,4})?\})`
const SHAPE = new RegExp(`^\\^(?:${ATOM})*(?:${ATOM}${QUANTIFIER}(?:${ATOM})*)?\\$?$`)
/** One atom or quantifier of a pattern of that shape, in order. */
const TOKEN = new RegExp(`${ATOM}|${QUANTIFIER}|[\\^$]`, 'g')

/**
 * Whether `source` has the one shape a backtracking RegExp runs in linear time, whatever the text: anchored at its
 * start, no group, no alternation, no assertion, one quantifier at most (its one choice is how far that quantifier
 * reaches: a scan of the pattern's fixed rest for each), repeats of at most 1000 (RE2's own bound), and RegExp reads
 * it. Configuration fields write such patterns (`^[a-z0-9][a-z0-9-]*$`, `^.{24,}$`). The check is quick on any text
 * (at most 1000 characters, and each of the shape's atoms begins with a character of its own: a tenth of a
 * millisecond at most, measured on adversarial ones).
 */
export function backtrackSafe(source: string): boolean {
  if (source.length > 1000 || !SHAPE.test(source)) return false
  // RE2 refuses a repeat past 1000: such a pattern is refused as before, RE2 saying why.
  const repeat = source.match(TOKEN)!.find((token) => token.startsWith('{'))
  if (
    repeat
      ?.slice(1, -1)
      .split(',')
      .some((n) => Number(n) > 1000)
  )
    return false
  try {
    new RegExp(source, 'u')
    return true
  } catch {
    return false
  }
}

/**
 * A pattern of that shape as a RegExp that matches as RE2 does: code points (the `u` flag), and `.` any character
 * but a line feed (RegExp's `.` also stops at `\r`, U+2028 and U+2029).
 */
function shapedPattern(source: string): LinearPattern {
  const re = new RegExp(
    source.replace(TOKEN, (token) => (token === '.' ? '[^\\n]' : token)),
    'gu'
  )
  return {
    matcher(text) {
      let at = 0
      let m: RegExpExecArray | null = null
      return {
        find(from) {
          if (from !== undefined) at = from
          if (at > text.length) return false
          re.lastIndex = at
          m = re.exec(text)
          if (!m) return false
          at = m.index + m[0].length
          // After an empty match, on by one character: a code point, as RE2 steps (RegExp's `u` would take a place
          // inside a surrogate pair back to its start, and find the same empty match again without end).
          if (m[0].length === 0) at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1
          return true
        },
        group: (i) => m?.[i] ?? null,
        groupCount: () => (m ? m.length - 1 : 0),
        start: () => m!.index,
        end: () => m!.index + m![0]!.length,
      }
    },
  }
}

/** Why a regex literal cannot run in linear time (lookaround, backreferences), or undefined when it can. */
export function linearRegexProblem(literal: RegExp): string | undefined {
  try {
    compileLinear(literal.source, literal.flags)
    return undefined
  } catch (err) {
    const reason = (err as Error).message.replace(/^error parsing regexp: /, '')
    return `regular expression /${literal.source}/ cannot run in linear time (${reason}); lookaround and backreferences are not available`
  }
}

/** Every regex literal of an expression, with its offset in the source. */
export function regexLiterals(ast: jsonata.ExprNode): { value: RegExp; position: number }[] {
  const found: { value: RegExp; position: number }[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    const n = node as { type?: string; value?: unknown; position?: number }
    if (n.type === 'regex' && n.value instanceof RegExp)
      found.push({ value: n.value, position: Math.max(0, (n.position ?? 0) - n.value.source.length - 2) })
    for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v)
  }
  walk(ast)
  return found
}
