/**
 * An expression: JSONata source, compiled once, with the names it reads from the scope collected for the lint (or,
 * for a manifest already validated at build time, compiled on its first evaluation). Evaluation takes the fast path
 * where it can (./fast-path.ts), else JSONata's evaluator, here or, for a pasted manifest, in an isolation worker;
 * it is bounded (time, depth, sequence length, text size) so no manifest can hang or crash the runtime (./safety.ts).
 */
import type jsonata from 'jsonata'
import { builtExpression, fastPath, requiredEquality, runFast, UNSURE, type Fast } from './fast-path'
import { helpers, withHelpers } from './functions'
import { evaluateIsolated, IsolatedFailure } from '../isolation/pool'
import { collectReferences, namesRead, unknownFunctions } from './references'
import type { Reference } from './ast'
import { bound, LinearRegExp, linearRegexProblem, regexLiterals } from './safety'

export type { Scope, Reference } from './ast'
import type { Scope } from './ast'
import type { Soon } from './soon'

/**
 * How an expression is made: `checked` (the default) compiles at once and collects what the lint needs (a manifest
 * already validated at build time passes false: each expression is compiled on first use); `isolatedFor` names the
 * manifest whose expressions are evaluated in the isolation workers (pasted manifests: see ./isolation.ts).
 */
export type ExpressionOptions = { checked?: boolean; isolatedFor?: string; trees?: Trees }

/**
 * Syntax trees by expression source, worked out at build time (build/trees.ts): an expression found here is not
 * parsed at run time. A tree depends on its source alone.
 */
export type Trees = { get(source: string): jsonata.ExprNode | undefined }

/** Limits applied to every evaluation. */
export const EVALUATION_BOUNDS = { timeout: 1000, stack: 200, sequence: 100_000 }

export class ExpressionError extends Error {
  constructor(
    message: string,
    /** Character offset inside the expression or template source. */
    readonly position: number
  ) {
    super(message)
  }
}

/** Works out a place (file:line:column path) from a manifest path kept as its JSON text: the compiler's. */
export type Placer = { where(path: string): string }

/**
 * Something with a place in its manifest (file:line:column path), for runtime errors; worked out when first asked,
 * from its path kept as text and the placer shared by everything its manifest compiled (no closure each: a pasted
 * plan keeps one for every expression, template and step).
 */
export class Located {
  private placer?: Placer
  /** The manifest path as JSON text, until its place is worked out; then the place. */
  private place?: string

  get where(): string | undefined {
    if (this.placer) {
      this.place = this.placer.where(this.place!)
      this.placer = undefined
    }
    return this.place
  }

  locate(placer: Placer, path: string) {
    this.placer = placer
    this.place = path
  }
}

/**
 * JSONata's tree as plain data: its nodes inherit from the parser's symbol table, made anew for each parse (about
 * 13 KiB kept alive per expression); the copy keeps each node's own fields but those left undefined (as JSON would:
 * a tree a build works out is the same tree, build/trees.ts), and values that are not plain (a regex literal's
 * engine) as they are.
 */
function plainTree(node: unknown, copies = new Map<object, unknown>()): unknown {
  if (!node || typeof node !== 'object' || (!Array.isArray(node) && node.constructor !== Object)) return node
  // A node met twice (JSONata shares some) is copied once.
  const done = copies.get(node)
  if (done) return done
  const out: Record<string, unknown> | unknown[] = Array.isArray(node) ? [] : {}
  copies.set(node, out)
  for (const key of Object.keys(node)) {
    const value = (node as Record<string, unknown>)[key]
    if (value !== undefined) (out as Record<string, unknown>)[key] = plainTree(value, copies)
  }
  return out
}

/**
 * JSONata, loaded when first needed: a build whose expressions come parsed (ExpressionOptions.trees) and stay on the
 * fast path never loads it; any other loads it at its first parse, not at import.
 */
let loaded: typeof jsonata | undefined
function jsonataModule(): typeof jsonata {
  return (loaded ??= require('jsonata') as typeof jsonata)
}

/** The references of everything compiled unchecked: one empty list, not one per expression. */
export const NO_REFERENCES: readonly Reference[] = Object.freeze([])

export class Expression extends Located {
  private jsonata?: jsonata.Expression
  private tree?: jsonata.ExprNode
  /** The build's trees, where this expression's comes from (build/trees.ts). */
  private readonly trees?: Trees
  /** Plain paths (`event.detail.id`, `$string(response.body.id)`) read without JSONata's evaluator. */
  private fast?: Fast | null
  /** Names of the scope an isolated evaluation is sent (undefined: the whole scope). */
  private sent?: string[] | null
  /** The names it reads, listed at once when compiled checked (the lint's); else none, shared (see `read`). */
  readonly references: readonly Reference[] = NO_REFERENCES
  /** The references of an expression compiled unchecked, listed when first asked for. */
  private read?: Reference[]
  private readonly isolatedFor?: string

  constructor(
    readonly source: string,
    options: ExpressionOptions = {}
  ) {
    super()
    this.isolatedFor = options.isolatedFor
    this.trees = options.trees
    this.tree = options.trees?.get(source)
    if (options.checked === false) return
    const ast = this.ast()
    this.references = collectReferences(ast)
    const unknown = unknownFunctions(ast)[0]
    if (unknown)
      throw new ExpressionError(
        `unknown function $${unknown.name} (JSONata functions and ${Object.keys(helpers)
          .map((h) => `$${h}`)
          .join(', ')})`,
        unknown.position
      )
    for (const regex of regexLiterals(ast)) {
      const problem = linearRegexProblem(regex.value)
      if (problem) throw new ExpressionError(problem, regex.position)
    }
  }

  /**
   * The parsed expression, kept alone: what the fast path, the references and the isolated evaluation need. The
   * evaluator around it (JSONata's environment, the helpers and the bounds, about 20 KiB each) is made only for an
   * expression JSONata evaluates here, off the fast path.
   */
  private ast(): jsonata.ExprNode {
    return (this.tree ??= this.trees?.get(this.source) ?? (plainTree(this.parse().ast()) as jsonata.ExprNode))
  }

  /** The plain syntax tree of a source, as an expression keeps it (what a build works out ahead: build/trees.ts). */
  static syntaxTree(source: string): jsonata.ExprNode {
    return new Expression(source, { checked: false }).ast()
  }

  private parse(): jsonata.Expression {
    try {
      return jsonataModule()(this.source, {
        ...EVALUATION_BOUNDS,
        RegexEngine: LinearRegExp,
      } as unknown as jsonata.JsonataOptions)
    } catch (err) {
      const e = err as jsonata.JsonataError
      throw new ExpressionError(`JSONata syntax error: ${e.message}`, e.position ?? 0)
    }
  }

  private get compiled(): jsonata.Expression {
    if (this.jsonata) return this.jsonata
    const compiled = withHelpers(this.parse())
    bound(compiled)
    return (this.jsonata = compiled)
  }

  /**
   * Whether the expression may read this name of its scope, or this member of it (`session`, `data`): it does, reads
   * the name whole, or reads the whole scope.
   */
  readsName(name: string, member?: string): boolean {
    if (this.sent === undefined) this.sent = namesRead(this.ast())
    if (this.sent === null) return true
    // Compiled unchecked (a bundled manifest, validated at build), it has not listed its references yet: once.
    const references = this.references.length ? this.references : (this.read ??= collectReferences(this.ast()))
    return references.some(
      (r) => r.root === name && (member === undefined || r.member === undefined || r.member === member)
    )
  }

  /** Whether it writes a regular expression (which runs on RE2: a build for one provider keeps it only then). */
  get writesRegex(): boolean {
    return regexLiterals(this.ast()).length > 0
  }

  /** The field this condition can only hold with, if it has one (fast-path.ts, requiredEquality). */
  requiredEquality(): ReturnType<typeof requiredEquality> {
    return requiredEquality(this.ast())
  }

  evaluate(scope: Scope): Promise<unknown> {
    return Promise.resolve(this.evaluateSoon(scope))
  }

  /** The value at once where the fast path has it, else its promise (./soon.ts). */
  evaluateSoon(scope: Scope): Soon<unknown> {
    const value = this.fastValue(scope)
    return value === UNSURE ? this.evaluateSlow(scope) : value
  }

  private evaluateSlow(scope: Scope): Promise<unknown> {
    return this.isolatedFor === undefined ? this.evaluateHere(scope) : this.evaluateIsolated(this.isolatedFor, scope)
  }

  /**
   * The value worked out on the fast path, at once (no promise, no JSONata), or UNSURE when only JSONata can say:
   * what a template of such parts builds without a wait (./template.ts).
   */
  fastValue(scope: Scope): unknown {
    if (this.fast === undefined) this.settle()
    if (!this.fast) return UNSURE
    try {
      return runFast(this.fast, scope)
    } catch {
      // Never a throw out of a call that promises: JSONata's evaluation says what went wrong, and where.
      return UNSURE
    }
  }

  /**
   * The fast path and the names it reads worked out from the tree, and the tree let go: what a call needs of it is
   * then kept (a pasted plan weighs its expressions' closures, not their trees). A later question about it (the
   * references, a dispatch's equality, once per plan) takes it again: the build's, or parsed anew.
   */
  private settle() {
    // Code a build generated for this source (build/fast-code.ts): no closures to make, and no tree to parse for them.
    const built = builtExpression(this.source)
    const tree = built ? this.tree : this.ast()
    this.fast = built ?? fastPath(tree)
    if (tree) this.sent ??= namesRead(tree)
    this.tree = undefined
  }

  /** JSONata's evaluation, in this thread. */
  async evaluateHere(scope: Scope): Promise<unknown> {
    try {
      return normalise(await this.compiled.evaluate(scope))
    } catch (err) {
      const e = err as jsonata.JsonataError & { code?: string }
      const reason =
        e.code === 'D1012'
          ? `took longer than ${EVALUATION_BOUNDS.timeout} ms (endless loop?)`
          : e.code === 'D1011'
            ? `recursed deeper than ${EVALUATION_BOUNDS.stack} levels`
            : e.message
      throw new ExpressionError(located(this.where, `expression failed: ${reason}`), e.position ?? 0)
    }
  }

  /**
   * The evaluation in an isolation worker, sent the names of the scope it reads (all of it if it reads $ or $$), in
   * the turn of the bot the call is for (env.botId; else the manifest's own).
   */
  private async evaluateIsolated(manifest: string, scope: Scope): Promise<unknown> {
    if (this.sent === undefined) this.sent = namesRead(this.ast())
    const sent =
      this.sent === null ? scope : Object.fromEntries(this.sent.filter((n) => n in scope).map((n) => [n, scope[n]]))
    const botId = (scope.env as { botId?: unknown } | undefined)?.botId
    try {
      return await evaluateIsolated(typeof botId === 'string' ? `bot:${botId}` : manifest, this.source, sent)
    } catch (err) {
      if (!(err instanceof IsolatedFailure)) throw err
      const message = err.message.startsWith('expression failed: ') ? err.message : `expression failed: ${err.message}`
      throw new ExpressionError(located(this.where, message), err.position)
    }
  }
}

export function located(where: string | undefined, message: string) {
  return where ? `${where}: ${message}` : message
}

/**
 * JSONata sequences are arrays with extra flags; strip them so values serialise plainly. Each object is made anew of
 * its own fields, as fields: a `__proto__` in the data (JSON.parse makes it a field) stays one, where an assignment
 * would have set the copy's prototype to the data's value.
 */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise)
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]))
  return value
}
