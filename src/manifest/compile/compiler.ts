/**
 * The compiler's building blocks: templates, expressions, request parts, steps and JSON trees, each compiled with
 * its place in the manifest and checked against the names in scope where it stands (configuration fields, stored
 * state, captures of earlier steps; no secret in a URL). Problems are collected, never thrown, so that one run
 * reports them all. The sections of a manifest (./index.ts, ../kinds.ts, ./inbound.ts, ./events.ts) are made of these.
 */
import { Expression, ExpressionError, Template, type Placer, type Reference, type Trees } from '../expressions'
import { linearPattern } from '../expressions/safety'
import type { Pairs, StepPlan, Tree } from '../plan'
import { ListNode, LiteralNode, ObjectNode, TemplateNode } from './tree'
import { formatPath, type ManifestPath, type Problem, type SourceMap } from '../problems'
import { MEMBERS, SCOPES, type ScopeId } from '../generated/scopes'
import { didYouMean } from '../near'
import { API_BASE_URL_FIELD, type Manifest, type Step, type TemplateMap } from '../types'
import { noneLeft } from './reads'

/** The names an expression may read where it stands, and the fixed members of some (session.ticketId, input.title). */
export type Scope = { names: Set<string>; members: Map<string, readonly string[]> }

/** The names an expression may read at a place of the language (generated from its x-scopes), with the global ones. */
export function scopeOf(...ids: ScopeId[]): Scope {
  return within(undefined, 'global', ...ids)
}

/** A scope, or `base` with more scopes' names added (a step's forEach, its captures). */
export function within(base: Scope | undefined, ...ids: ScopeId[]): Scope {
  const s: Scope = { names: new Set(base?.names), members: new Map(base?.members) }
  for (const id of ids) {
    for (const name of SCOPES[id]) s.names.add(name)
    for (const [name, members] of Object.entries(MEMBERS[id] ?? {})) s.members.set(name, members)
  }
  return s
}

/**
 * `fields` with a `where` worked out when read (file:line:column path, for errors at run time), by the placer alone:
 * a getter written in the caller would keep the caller's whole context (its paths, scopes) alive with the plan.
 */
export function placedAt<T extends object>(where: () => string, fields: T): T & { readonly where: string } {
  return Object.defineProperty(fields, 'where', { get: where, enumerable: true }) as T & { readonly where: string }
}

export class Compiler {
  readonly problems: Problem[] = []
  /** What is not wrong but likely to bite (a one-item list sent as its item), placed like problems. */
  readonly notes: Problem[] = []
  /** Names known to hold lists: the history, and what steps with forEach capture. */
  private readonly lists = new Set(['history'])
  readonly configFields: Set<string>
  readonly secretFields: string[]
  readonly storedNames?: Set<string>

  constructor(
    readonly m: Manifest,
    readonly src: SourceMap,
    readonly options: { checked: boolean; isolatedFor?: string; trees?: Trees }
  ) {
    this.configFields = new Set([...Object.keys(m.configuration ?? {}), API_BASE_URL_FIELD])
    this.secretFields = Object.entries(m.configuration ?? {})
      .filter(([, f]) => f.secret)
      .map(([k]) => k)
    // What state.<name> may read: what registration stores, and what it generates (kept with it).
    const register = m.lifecycle?.register
    const store = register?.store
    const stored = store && typeof store === 'object' && !Array.isArray(store) ? Object.keys(store) : []
    const generated = Object.keys(register?.generate ?? {})
    if (stored.length || generated.length) this.storedNames = new Set([...stored, ...generated])
  }

  action<K extends 'createUser' | 'startHitl' | 'stopHitl', R>(name: K, result: (s: Scope) => R) {
    const s = scopeOf(name)
    const steps = this.steps(this.m.actions[name].steps, ['actions', name, 'steps'], s)
    return { steps, ...result(s) }
  }

  /** Compiles steps in order; each step's captures come into scope for the steps after it (and for what follows the list). */
  steps(steps: Step[], path: ManifestPath, s: Scope): StepPlan[] {
    return steps.map((step, i) => this.step(step, [...path, i], s))
  }

  /** One step at `p`. */
  step(step: Step, p: ManifestPath, s: Scope): StepPlan {
    const { name, when, forEach, request, accept, failWhen, retryOn, idempotent, timeoutMs, capture, ...rest } = step
    noneLeft(rest)
    const compiledWhen = when === undefined ? undefined : this.expression(when, [...p, 'when'], s)
    const each = forEach === undefined ? undefined : this.expression(forEach, [...p, 'forEach'], s)
    const inner = each ? within(s, 'forEach') : s
    const { method, host, path: requestPath, query, headers, body, ...unread } = request
    noneLeft(unread)
    const hosts = Object.keys(this.m.http.hosts ?? {})
    if (host !== undefined && !hosts.includes(host))
      this.problems.push(
        this.src.problem(
          [...p, 'request', 'host'],
          `'${host}' is not one of http.hosts (${hosts.join(', ') || 'none declared'})`
        )
      )
    const rp = [...p, 'request']
    const plan: StepPlan = placedAt(this.placer(p), {
      name,
      when: compiledWhen,
      forEach: each,
      request: {
        method,
        host,
        path: this.template(requestPath, [...rp, 'path'], inner, { url: true }),
        query: this.pairs(query, [...rp, 'query'], inner, { url: true }),
        headers: this.pairs(headers, [...rp, 'headers'], inner),
        body: body && this.body(body, [...rp, 'body'], inner),
      },
      accept: (accept ?? []).filter((a): a is number => typeof a === 'number'),
      acceptWhen: [],
      retryOn: retryOn ?? [],
      idempotent: idempotent ?? false,
      timeoutMs,
      capture: [],
    })
    const cs = within(inner, 'capture')
    for (const [j, a] of (accept ?? []).entries()) {
      if (typeof a !== 'number')
        plan.acceptWhen.push({ status: a.status, when: this.expression(a.when, [...p, 'accept', j, 'when'], cs) })
    }
    if (failWhen !== undefined) plan.failWhen = this.expression(failWhen, [...p, 'failWhen'], cs)
    for (const [key, src] of Object.entries(capture ?? {})) {
      plan.capture.push([key, this.expression(src, [...p, 'capture', key], cs)])
    }
    for (const key of Object.keys(capture ?? {})) {
      s.names.add(key)
      if (each) this.lists.add(key)
    }
    return plan
  }

  private body(body: NonNullable<Step['request']['body']>, path: ManifestPath, s: Scope): StepPlan['request']['body'] {
    if ('json' in body) return { kind: 'json', json: this.tree(body.json, [...path, 'json'], s) }
    if ('form' in body) return { kind: 'form', form: this.pairs(body.form, [...path, 'form'], s) }
    // The schema holds exactly one kind of body.
    const multipart = body.multipart
    if (multipart) {
      const mp = [...path, 'multipart']
      return {
        kind: 'multipart',
        fields: this.pairs(multipart.fields, [...mp, 'fields'], s),
        files: (multipart.files ?? []).map((f, i) => ({
          field: f.field,
          url: this.template(f.url, [...mp, 'files', i, 'url'], s),
          fileName:
            f.fileName === undefined ? undefined : this.template(f.fileName, [...mp, 'files', i, 'fileName'], s),
          contentType:
            f.contentType === undefined
              ? undefined
              : this.template(f.contentType, [...mp, 'files', i, 'contentType'], s),
        })),
      }
    }
    const raw = body.raw ?? {}
    const rp = [...path, 'raw']
    const t = (v: string | undefined, k: string) => (v === undefined ? undefined : this.template(v, [...rp, k], s))
    return {
      kind: 'raw',
      url: t(raw.url, 'url'),
      text: t(raw.text, 'text'),
      contentType: t(raw.contentType, 'contentType'),
    }
  }

  pairs(map: TemplateMap | undefined, path: ManifestPath, s: Scope, options: { url?: boolean } = {}): Pairs {
    return Object.entries(map ?? {}).map(([k, v]) => [k, this.template(String(v), [...path, k], s, options)])
  }

  optionalTree(value: unknown, path: ManifestPath, s: Scope): Tree | undefined {
    return value === undefined ? undefined : this.tree(value, path, s)
  }

  /**
   * A JSON value whose strings are templates; keys whose whole template gives undefined are left out. Its nodes are
   * plain objects (./tree.ts), so what it reads is found by walking them (src/manifest/reads-scope.ts).
   */
  tree(value: unknown, path: ManifestPath, s: Scope): Tree {
    if (typeof value === 'string') {
      const t = this.template(value, path, s)
      if (this.options.checked && t.whole) this.checkSingleton(value, path)
      return new TemplateNode(t)
    }
    if (Array.isArray(value)) {
      const items: Tree[] = []
      for (const [i, v] of value.entries()) items.push(this.tree(v, [...path, i], s))
      return new ListNode(items)
    }
    if (value && typeof value === 'object') {
      const entries: [string, Tree][] = []
      for (const [k, v] of Object.entries(value)) entries.push([k, this.tree(v, [...path, k], s)])
      return new ObjectNode(entries)
    }
    return new LiteralNode(value)
  }

  template(source: string, path: ManifestPath, s: Scope, options: { url?: boolean } = {}): Template {
    if (typeof source !== 'string' && typeof source !== 'number' && typeof source !== 'boolean') return new Template('')
    try {
      const t = new Template(source, this.options)
      t.locate(this.placesByText, JSON.stringify(path))
      if (this.options.checked) {
        this.checkReferences(t.references, path, s, options)
        this.checkBareExpression(source, path, s)
      }
      return t
    } catch (err) {
      return this.failed(err, path, () => new Template(''))
    }
  }

  expression(source: string, path: ManifestPath, s: Scope): Expression {
    // Not text: the schema says so (a manifest it refused is still linted, for every other problem).
    if (typeof source !== 'string') return new Expression('null')
    try {
      const e = new Expression(source, this.options)
      e.locate(this.placesByText, JSON.stringify(path))
      if (this.options.checked) this.checkReferences(e.references, path, s, {})
      return e
    } catch (err) {
      // The likeliest cause of a syntax error with {{ }} in it: a template written where an expression goes.
      const template =
        err instanceof ExpressionError &&
        /\{\{[\s\S]*\}\}/.test(source) &&
        err.message.startsWith('JSONata syntax error')
      const hint = ' (this field is an expression, not a template: write it without {{ }})'
      const reported = template ? new ExpressionError(`${err.message}${hint}`, err.position) : err
      return this.failed(reported, path, () => new Expression('null'))
    }
  }

  private failed<T>(err: unknown, path: ManifestPath, placeholder: () => T): T {
    if (!(err instanceof ExpressionError)) throw err
    this.problems.push(this.src.problem(path, err.message, { offset: err.position }))
    return placeholder()
  }

  /** A template field holding a path of names in scope, without {{ }}: it would be sent as that very text. */
  private checkBareExpression(source: string, path: ManifestPath, s: Scope) {
    const bare = /^([A-Za-z_$][\w$]*)(\.[A-Za-z_$][\w$]*)+$/.exec(source.trim())
    if (!bare || !s.names.has(bare[1]!)) return
    this.problems.push(
      this.src.problem(
        path,
        `'${source.trim()}' would be sent as this very text: this field is a template, write {{ ${source.trim()} }} to read the value`
      )
    )
  }

  private checkReferences(refs: readonly Reference[], path: ManifestPath, s: Scope, options: { url?: boolean }) {
    const report = (message: string, offset: number) => this.problems.push(this.src.problem(path, message, { offset }))
    for (const ref of refs) {
      const member = ref.member
      const at = ref.memberPosition ?? ref.position
      if (!s.names.has(ref.root)) {
        const known = [...s.names].sort()
        const hint = ref.root === 'undefined' ? ' (JSONata writes "nothing" as ())' : didYouMean(ref.root, known)
        report(`unknown name '${ref.root}'${hint}: names here are ${known.join(', ')}`, ref.position)
      } else if (ref.root === 'secrets' && member !== undefined && !this.m.secrets?.[member]) {
        const declared = Object.keys(this.m.secrets ?? {})
        report(
          `secrets.${member} is not a declared secret${didYouMean(member, declared)} (secrets: ${declared.join(', ') || 'none: declare it under secrets'})`,
          at
        )
      } else if (ref.root === 'secrets' && options.url) {
        report(`secrets.${member ?? ''} must not go into a URL (use a header or the auth block)`, ref.position)
      } else if (ref.root === 'config' && member !== undefined && !this.configFields.has(member)) {
        const known = [...this.configFields]
        report(
          `config.${member} is not a configuration field${didYouMean(member, known)} (fields: ${known.join(', ')})`,
          at
        )
      } else if (ref.root === 'config' && options.url && member && this.secretFields.includes(member)) {
        report(`secret config.${member} must not go into a URL (use a header or the auth block)`, ref.position)
      } else if (ref.root === 'state' && member !== undefined && !this.storedNames?.has(member)) {
        report(
          this.storedNames
            ? `state.${member} is never stored${didYouMean(member, this.storedNames)} (lifecycle.register.store has: ${[...this.storedNames].join(', ')})`
            : `state.${member} is never stored: lifecycle.register.store is missing`,
          at
        )
      } else if (member !== undefined && s.members.has(ref.root) && !s.members.get(ref.root)!.includes(member)) {
        const known = s.members.get(ref.root)!
        report(
          `${ref.root}.${member} is not a name of ${ref.root}${didYouMean(member, known)} (it has: ${known.join(', ')})`,
          at
        )
      } else if (ref.root === 'input' && member === 'hitlSession' && ref.sub !== undefined) {
        const fields = Object.keys(this.m.hitlSession ?? {})
        if (!fields.includes(ref.sub))
          report(
            `input.hitlSession.${ref.sub} is not a startHitl extra field of this manifest${didYouMean(ref.sub, fields)} (hitlSession: ${fields.join(', ') || 'none declared'})`,
            ref.subPosition ?? at
          )
      }
    }
  }

  /**
   * JSONata's singleton rule: a path mapped over a list (`history.text`) gives the item itself, not a list of one,
   * when the list has one item; a vendor expecting an array then gets a single value. Said where it is written.
   */
  private checkSingleton(source: string, path: ManifestPath) {
    const mapped = /^\{\{\s*([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*\}\}$/.exec(source.trim())
    if (!mapped || !this.lists.has(mapped[1]!)) return
    const [, list, member] = mapped
    this.notes.push(
      this.src.problem(
        path,
        `${list} is a list: ${list}.${member} gives a single value, not a list, when it has one item (JSONata); write "{{ [${list}.${member}] }}" if the helpdesk expects a list`
      )
    )
  }

  /** A pattern the runtime runs in linear time (linearPattern): one RE2 cannot run is refused here, with its place. */
  linearRegex(pattern: string, at: ManifestPath) {
    try {
      linearPattern(pattern)
    } catch (err) {
      this.problems.push(
        this.src.problem(at, `not a pattern RE2 can run (linear time, no lookaround): ${(err as Error).message}`)
      )
    }
  }

  where(path: ManifestPath): string {
    const { file, line, column } = this.src.place(path)
    return `${file}:${line}:${column} ${formatPath(path)}`
  }

  /**
   * Where `path` is, worked out when first asked (an error at run time), for a step or a matcher (placedAt): the path
   * kept as its JSON text, half the size of the array.
   */
  placer(path: ManifestPath): () => string {
    const kept = JSON.stringify(path)
    return () => this.placesByText.where(kept)
  }

  /**
   * Places by a path's JSON text: the one placer every expression and template of the manifest keeps beside its own
   * path (Located), instead of a closure each.
   */
  readonly placesByText: Placer = { where: (kept) => this.where(JSON.parse(kept) as ManifestPath) }
}
