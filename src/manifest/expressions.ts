/**
 * The two kinds of computed values in a manifest:
 * - an expression: JSONata source;
 * - a template: text with `{{ expression }}` parts (one whole part keeps the value's type).
 * Both are compiled once, with the names they read from the scope collected for the lint (or, for a manifest
 * already validated at build time, each on its first evaluation).
 * Evaluation is bounded (time, depth, sequence length) so a pasted manifest cannot hang the runtime.
 */
import jsonata from 'jsonata'
import { createHash } from 'node:crypto'
import { evaluateIsolated, IsolatedFailure } from './isolation'
import { bound, LinearRegExp, linearRegexProblem, MAX_TEXT, regexLiterals } from './safety'

export type Scope = Record<string, unknown>

/**
 * How an expression is made: `checked` (the default) compiles at once and collects what the lint needs (a manifest
 * already validated at build time passes false: each expression is compiled on first use); `isolatedFor` names the
 * manifest whose expressions are evaluated in the isolation workers (pasted manifests: see ./isolation.ts).
 */
export type ExpressionOptions = { checked?: boolean; isolatedFor?: string }

/** Limits applied to every evaluation. */
export const EVALUATION_BOUNDS = { timeout: 1000, stack: 200, sequence: 100_000 }

/** A name an expression reads from its scope: `config.subdomain` gives { root: 'config', member: 'subdomain' }. */
export type Reference = { root: string; member?: string; position: number }

/** JSONata's own functions. */
const BUILTINS = new Set(
  ('sum count max min average string substring substringBefore substringAfter lowercase uppercase length trim pad match contains ' +
    'replace split join formatNumber formatBase formatInteger parseInteger number floor ceil round abs sqrt power random boolean not ' +
    'map zip filter single reduce sift keys lookup append exists spread merge reverse each error assert type sort shuffle distinct ' +
    'base64encode base64decode encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl eval toMillis fromMillis clone now millis').split(' ')
)

export class ExpressionError extends Error {
  constructor(
    message: string,
    /** Character offset inside the expression or template source. */
    readonly position: number
  ) {
    super(message)
  }
}

const helpers: Record<string, { fn: (...args: any[]) => unknown; signature: string }> = {
  base64: { fn: (s?: string) => (s === undefined ? undefined : Buffer.from(s, 'utf8').toString('base64')), signature: '<s-:s>' },
  base64Decode: { fn: (s?: string) => (s === undefined ? undefined : Buffer.from(s, 'base64').toString('utf8')), signature: '<s-:s>' },
  htmlToText: { fn: (s?: string) => (s === undefined ? undefined : htmlToText(s)), signature: '<s-:s>' },
  escapeHtml: { fn: (s?: string) => (s === undefined ? undefined : escapeHtml(s)), signature: '<s-:s>' },
  /** Hex SHA-256 of a text: a stable id for vendors whose webhooks carry none. */
  sha256: { fn: (s?: string) => (s === undefined ? undefined : createHash('sha256').update(s).digest('hex')), signature: '<s-:s>' },
}

/** Returned by a fast path that cannot be sure to agree with JSONata: JSONata decides. */
const UNSURE = Symbol('unsure')

/** Something with a place in its manifest (file:line:column path), for runtime errors; worked out when first asked. */
class Located {
  private place?: () => string

  get where(): string | undefined {
    return this.place?.()
  }

  locate(place: () => string) {
    let cached: string | undefined
    this.place = () => (cached ??= place())
  }
}

export class Expression extends Located {
  private jsonata?: jsonata.Expression
  /** Plain paths (`event.detail.id`, `$string(response.body.id)`) read without JSONata's evaluator. */
  private fast?: ((scope: Scope) => unknown) | null
  /** Names of the scope an isolated evaluation is sent (undefined: the whole scope). */
  private sent?: string[] | null
  readonly references: Reference[] = []
  private readonly isolatedFor?: string

  constructor(
    readonly source: string,
    options: ExpressionOptions = {}
  ) {
    super()
    this.isolatedFor = options.isolatedFor
    if (options.checked === false) return
    const ast = this.compiled.ast()
    this.references = collectReferences(ast)
    const unknown = unknownFunctions(ast)[0]
    if (unknown) throw new ExpressionError(`unknown function $${unknown.name} (JSONata functions and ${Object.keys(helpers).map((h) => `$${h}`).join(', ')})`, unknown.position)
    for (const regex of regexLiterals(ast)) {
      const problem = linearRegexProblem(regex.value)
      if (problem) throw new ExpressionError(problem, regex.position)
    }
  }

  private get compiled(): jsonata.Expression {
    if (this.jsonata) return this.jsonata
    let compiled: jsonata.Expression
    try {
      compiled = jsonata(this.source, { ...EVALUATION_BOUNDS, RegexEngine: LinearRegExp } as unknown as jsonata.JsonataOptions)
    } catch (err) {
      const e = err as jsonata.JsonataError
      throw new ExpressionError(`JSONata syntax error: ${e.message}`, e.position ?? 0)
    }
    for (const [name, { fn, signature }] of Object.entries(helpers)) compiled.registerFunction(name, fn, signature)
    bound(compiled)
    return (this.jsonata = compiled)
  }

  async evaluate(scope: Scope): Promise<unknown> {
    if (this.fast === undefined) this.fast = fastPath(this.compiled.ast())
    if (this.fast) {
      const value = this.fast(scope)
      if (value !== UNSURE) return value
    }
    return this.isolatedFor === undefined ? this.evaluateHere(scope) : this.evaluateIsolated(this.isolatedFor, scope)
  }

  /** JSONata's evaluation, in this thread. */
  async evaluateHere(scope: Scope): Promise<unknown> {
    try {
      return normalise(await this.compiled.evaluate(scope))
    } catch (err) {
      const e = err as jsonata.JsonataError & { code?: string }
      const reason =
        e.code === 'D1012' ? `took longer than ${EVALUATION_BOUNDS.timeout} ms (endless loop?)`
        : e.code === 'D1011' ? `recursed deeper than ${EVALUATION_BOUNDS.stack} levels`
        : e.message
      throw new ExpressionError(located(this.where, `expression failed: ${reason}`), e.position ?? 0)
    }
  }

  /** The evaluation in an isolation worker, sent the names of the scope it reads (all of it if it reads $ or $$). */
  private async evaluateIsolated(owner: string, scope: Scope): Promise<unknown> {
    if (this.sent === undefined) this.sent = namesRead(this.compiled.ast())
    const sent = this.sent === null ? scope : Object.fromEntries(this.sent.filter((n) => n in scope).map((n) => [n, scope[n]]))
    try {
      return await evaluateIsolated(owner, this.source, sent)
    } catch (err) {
      if (!(err instanceof IsolatedFailure)) throw err
      const message = err.message.startsWith('expression failed: ') ? err.message : `expression failed: ${err.message}`
      throw new ExpressionError(located(this.where, message), err.position)
    }
  }
}

type Part = { text: string } | { expression: Expression; offset: number }

/** A template: literal text, or text with {{ }} parts. */
export class Template extends Located {
  private readonly parts: Part[]
  /** The template is exactly one {{ }}: its value keeps its type. */
  readonly whole: boolean
  readonly references: Reference[]

  /** `options`: as for Expression. */
  constructor(
    readonly source: string,
    options: ExpressionOptions = {}
  ) {
    super()
    this.parts = parseTemplate(source, options)
    this.whole = this.parts.length === 1 && 'expression' in this.parts[0]!
    this.references = this.parts.flatMap((p) =>
      'expression' in p ? p.expression.references.map((r) => ({ ...r, position: r.position + p.offset })) : []
    )
  }

  get isLiteral() {
    return this.parts.every((p) => 'text' in p)
  }

  /** The value; undefined only for a whole template whose expression gives nothing. */
  async evaluate(scope: Scope): Promise<unknown> {
    if (this.whole) {
      const part = this.parts[0] as { expression: Expression; offset: number }
      return this.located(part.offset, () => part.expression.evaluate(scope))
    }
    let out = ''
    for (const part of this.parts) {
      if ('text' in part) {
        out += part.text
        continue
      }
      const value = await this.located(part.offset, () => part.expression.evaluate(scope))
      if (value === undefined) {
        throw new ExpressionError(located(this.where, `{{ ${part.expression.source.trim()} }} gave nothing inside a text`), part.offset)
      }
      out += typeof value === 'string' ? value : JSON.stringify(value)
    }
    return out
  }

  /** The value as text (undefined stays undefined). */
  async text(scope: Scope): Promise<string | undefined> {
    const v = await this.evaluate(scope)
    return v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v)
  }

  private async located<T>(offset: number, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (err) {
      if (err instanceof ExpressionError) throw new ExpressionError(located(this.where, err.message), err.position + offset)
      throw err
    }
  }
}

function located(where: string | undefined, message: string) {
  return where ? `${where}: ${message}` : message
}

function parseTemplate(source: string, options: ExpressionOptions): Part[] {
  const parts: Part[] = []
  let at = 0
  while (at < source.length) {
    const open = source.indexOf('{{', at)
    if (open < 0) {
      parts.push({ text: source.slice(at) })
      break
    }
    if (open > at) parts.push({ text: source.slice(at, open) })
    const close = closingBraces(source, open + 2)
    if (close < 0) throw new ExpressionError('"{{" without a closing "}}"', open)
    const inner = source.slice(open + 2, close)
    if (!inner.trim()) throw new ExpressionError('empty {{ }}', open)
    try {
      parts.push({ expression: new Expression(inner, options), offset: open + 2 })
    } catch (err) {
      const e = err as ExpressionError
      throw new ExpressionError(e.message, open + 2 + (e.position ?? 0))
    }
    at = close + 2
  }
  return parts.length ? parts : [{ text: '' }]
}

/** The "}}" closing a template part, skipping any inside JSONata strings: {{ '{{ticket.id}}' }} is the literal text. */
function closingBraces(source: string, from: number): number {
  let quote: string | undefined
  for (let i = from; i < source.length; i++) {
    const c = source[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = undefined
    } else if (c === '"' || c === "'" || c === '`') quote = c
    else if (c === '}' && source[i + 1] === '}') return i
  }
  return -1
}

/**
 * Most expressions in manifests are plain paths, $string or $number of one, comparisons of those with literals
 * joined by and/or (`event.type = 'comment' and event.public = true`), conditions and text joined with &. They are worked out directly, as JSONata would; where
 * JSONata's rules could make a difference (an array on the way, an object compared, a number $string would format),
 * JSONata decides.
 */
function fastPath(ast: jsonata.ExprNode): ((scope: Scope) => unknown) | null {
  const node = ast as any
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
      return node.expressions?.length === 1 ? fastPath(node.expressions[0]) : null
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
      const inner = (name === 'string' || name === 'number') && node.arguments?.length === 1 ? fastPath(node.arguments[0]) : null
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
      const lhs = fastPath(node.lhs)
      const rhs = lhs && fastPath(node.rhs)
      if (!lhs || !rhs) return null
      if (node.value === '=' || node.value === '!=') {
        const equal = node.value === '='
        return (scope) => {
          const a = lhs(scope)
          const b = rhs(scope)
          if (a === UNSURE || b === UNSURE || (typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null)) return UNSURE
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

/** JSONata's truth of a value, where it is plain. */
function truth(v: unknown): boolean | typeof UNSURE {
  if (v === UNSURE) return UNSURE
  if (v === undefined || v === null) return false
  if (typeof v === 'boolean') return v
  if (typeof v === 'string') return v.length > 0
  if (typeof v === 'number') return v !== 0
  return UNSURE
}

function plainPath(node: any): string[] | null {
  if (node?.type !== 'path' || !Array.isArray(node.steps) || !node.steps.length) return null
  const names: string[] = []
  for (const step of node.steps) {
    if (step.type !== 'name' || typeof step.value !== 'string') return null
    if (Object.keys(step).some((k) => k !== 'type' && k !== 'value' && k !== 'position')) return null
    names.push(step.value)
  }
  return Object.keys(node).every((k) => k === 'type' || k === 'steps') ? names : null
}

function read(scope: Scope, names: string[]): unknown {
  let v: unknown = scope
  for (const name of names) {
    if (v === undefined || v === null) return undefined
    if (Array.isArray(v)) return UNSURE
    if (typeof v !== 'object') return undefined
    v = Object.prototype.hasOwnProperty.call(v, name) ? (v as Record<string, unknown>)[name] : undefined
  }
  return Array.isArray(v) || typeof v === 'function' ? UNSURE : v
}

/** JSONata sequences are arrays with extra flags; strip them so values serialise plainly. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = normalise(v)
    return out
  }
  return value
}

/**
 * The root names an expression reads, for an isolated evaluation to be sent only those; null when it may read the
 * whole scope ($ or $$ at its root, or $eval).
 */
function namesRead(ast: jsonata.ExprNode): string[] | null {
  let whole = false
  const walk = (node: unknown): void => {
    if (whole || !node || typeof node !== 'object') return
    if (Array.isArray(node)) return node.forEach(walk)
    const n = node as { type?: string; value?: unknown; procedure?: { type?: string; value?: unknown } }
    if (n.type === 'variable' && (n.value === '' || n.value === '$')) whole = true
    if (n.type === 'function' && n.procedure?.type === 'variable' && n.procedure.value === 'eval') whole = true
    for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v)
  }
  walk(ast)
  return whole ? null : [...new Set(collectReferences(ast).map((r) => r.root))]
}

/** Names read from the scope root: the first name of every path evaluated against the root. */
function collectReferences(ast: jsonata.ExprNode): Reference[] {
  const refs: Reference[] = []
  const visit = (node: any, atRoot: boolean): void => {
    if (!node || typeof node !== 'object') return
    switch (node.type) {
      case 'path': {
        const [first, second, ...rest] = node.steps as any[]
        if (first?.type === 'name' && atRoot) {
          refs.push({ root: first.value, member: second?.type === 'name' ? second.value : undefined, position: first.position - String(first.value).length })
        } else visit(first, atRoot)
        for (const step of [second, ...rest]) visit(step, false)
        for (const step of node.steps) for (const stage of step?.stages ?? []) visit(stage.expr, false)
        return
      }
      case 'name':
        if (atRoot) refs.push({ root: node.value, position: node.position - String(node.value).length })
        return
      case 'function':
      case 'partial':
        for (const arg of node.arguments ?? []) visit(arg, atRoot)
        return
      case 'binary':
      case 'apply':
      case 'bind':
        visit(node.lhs, atRoot)
        visit(node.rhs, atRoot)
        return
      case 'unary':
        if (node.value === '{') for (const [k, v] of node.lhs ?? []) (visit(k, atRoot), visit(v, atRoot))
        else if (node.value === '[') for (const e of node.expressions ?? []) visit(e, atRoot)
        else visit(node.expression, atRoot)
        return
      case 'condition':
        visit(node.condition, atRoot)
        visit(node.then, atRoot)
        visit(node.else, atRoot)
        return
      case 'block':
        for (const e of node.expressions ?? []) visit(e, atRoot)
        return
      default:
        return // literals, variables, lambdas and relative constructs read no root name
    }
  }
  visit(ast, true)
  return refs
}

/** Calls of $functions that are neither JSONata's, ours, nor bound in the expression ($f := function…, lambda parameters). */
function unknownFunctions(ast: jsonata.ExprNode): { name: string; position: number }[] {
  const bound = new Set<string>()
  const calls: { name: string; position: number }[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    const n = node as any
    if (n.type === 'bind' && n.lhs?.type === 'variable') bound.add(n.lhs.value)
    if (n.type === 'lambda') for (const a of n.arguments ?? []) if (a.type === 'variable') bound.add(a.value)
    if ((n.type === 'function' || n.type === 'partial') && n.procedure?.type === 'variable') {
      calls.push({ name: n.procedure.value, position: n.procedure.position - String(n.procedure.value).length - 1 })
    }
    for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v)
  }
  walk(ast)
  return calls.filter((c) => c.name !== '' && !BUILTINS.has(c.name) && !(c.name in helpers) && !bound.has(c.name))
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Readable text from HTML: block ends become new lines, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|h[1-6]|tr|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      return entities[e.toLowerCase()] ?? m
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`)
}
