/** A template: text with `{{ expression }}` parts; a template that is exactly one part keeps its value's type. */
import {
  Expression,
  ExpressionError,
  located,
  Located,
  NO_REFERENCES,
  type ExpressionOptions,
  type Reference,
  type Scope,
} from './expression'
import { builtTemplate, runFast, UNSURE, type Fast } from './fast-path'
import { inText } from './fast-ops'
import type { Soon } from './soon'

export type Part = { text: string } | { expression: Expression; offset: number }

/** A template: literal text, or text with {{ }} parts. */
export class Template extends Located {
  /** Its literal texts and {{ }} parts, in order. */
  readonly parts: readonly Part[]
  /** Its text as code a build generated (build/fast-code.ts), when first asked for: null where it did not. */
  private built?: Fast | null
  /** The template is exactly one {{ }}: its value keeps its type. */
  readonly whole: boolean
  readonly references: readonly Reference[]

  /** `options`: as for Expression. */
  constructor(
    readonly source: string,
    options: ExpressionOptions = {}
  ) {
    super()
    this.parts = parseTemplate(source, options)
    this.whole = this.parts.length === 1 && 'expression' in this.parts[0]!
    const references = this.parts.flatMap((p) =>
      'expression' in p
        ? p.expression.references.map((r) => ({
            ...r,
            position: r.position + p.offset,
            memberPosition: r.memberPosition === undefined ? undefined : r.memberPosition + p.offset,
            subPosition: r.subPosition === undefined ? undefined : r.subPosition + p.offset,
          }))
        : []
    )
    this.references = references.length ? references : NO_REFERENCES
  }

  /** Whether the template may read this name of its scope, or this member of it. */
  readsName(name: string, member?: string): boolean {
    return this.parts.some((p) => 'expression' in p && p.expression.readsName(name, member))
  }

  /** The expressions of its {{ }} parts. */
  get expressions(): Expression[] {
    return this.parts.flatMap((p) => ('expression' in p ? [p.expression] : []))
  }

  get isLiteral() {
    return this.parts.every((p) => 'text' in p)
  }

  /** The value; undefined only for a whole template whose expression gives nothing. */
  evaluate(scope: Scope): Promise<unknown> {
    const value = this.fastValue(scope)
    return value === UNSURE ? this.evaluateParts(scope) : Promise.resolve(value)
  }

  /** The value as text (undefined stays undefined). */
  text(scope: Scope): Promise<string | undefined> {
    return Promise.resolve(this.textSoon(scope))
  }

  /** The value as text at once where every part is on the fast path, else its promise (./soon.ts). */
  textSoon(scope: Scope): Soon<string | undefined> {
    const value = this.fastValue(scope)
    return value === UNSURE ? this.evaluateParts(scope).then(asText) : asText(value)
  }

  /**
   * The value when every part is worked out on the fast path, built at once; else UNSURE, and the parts are
   * evaluated one by one (JSONata where needed), which also says where a part that gives nothing stands.
   */
  private fastValue(scope: Scope): unknown {
    if (this.whole) return (this.parts[0] as { expression: Expression }).expression.fastValue(scope)
    if (this.built === undefined) this.built = builtTemplate(this.source) ?? null
    if (this.built) {
      try {
        return runFast(this.built, scope)
      } catch {
        return UNSURE
      }
    }
    let out = ''
    for (const part of this.parts) {
      if ('text' in part) {
        out += part.text
        continue
      }
      const value = part.expression.fastValue(scope)
      if (value === UNSURE || value === undefined) return UNSURE
      // A value JSON cannot write (a cycle) is left to the slow path, which says so where it stands.
      const text = inText(value)
      if (text === UNSURE) return UNSURE
      out += text as string
    }
    return out
  }

  private async evaluateParts(scope: Scope): Promise<unknown> {
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
        throw new ExpressionError(
          located(this.where, `{{ ${part.expression.source.trim()} }} gave nothing inside a text`),
          part.offset
        )
      }
      out += typeof value === 'string' ? value : JSON.stringify(value)
    }
    return out
  }

  private async located<T>(offset: number, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (err) {
      if (err instanceof ExpressionError)
        throw new ExpressionError(located(this.where, err.message), err.position + offset)
      throw err
    }
  }
}

const asText = (v: unknown) =>
  v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v)

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
