/**
 * Build time only: a manifest's fast path as code. For each manifest a bundle carries, the build writes one CommonJS
 * program (packed, compiled when a call first selects the manifest: build/esbuild.ts) holding
 * - readers of the plain paths it reads (./readers.ts);
 * - each expression that has a fast path (src/manifest/expressions/fast-tree.ts) as a function of the scope, its
 *   tree written out as JavaScript: values flow through locals, `and`/`or`/conditions as `?:`, a lambda's parameter a
 *   local, each node's value from the same function of src/manifest/expressions/fast-ops.ts the closures call;
 * - each template of several parts, all on the fast path, as one function building its text;
 * - which of its matchers can take which value of the field most of them test (src/manifest/dispatch-table.ts).
 * Its exports are a BuiltCode (src/manifest/expressions/fast-path.ts): a plan built from then on takes these instead
 * of making closures. Each is a pure function of its path or source. The property tests that hold the closures to
 * JSONata hold this code to the same (test/hardening/properties.test.ts).
 */
import type { ExprNode } from 'jsonata'
import { Expression, Template } from '../src/manifest/expressions'
import { dispatchKey, dispatchTable, type DispatchTable } from '../src/manifest/dispatch-table'
import { fastTree, pathKey, requiredEquality, type FastTree } from '../src/manifest/expressions/fast-tree'
import type { BuiltSource } from '../src/manifest/load'
import { compiledParts } from '../src/manifest/reads-scope'
import { readerDeclarations, readPathsOf } from './readers'
import { compiledWithExpressions } from './trees'

/** The program for one manifest (see above), from the manifest compiled with its expressions listed. */
export function programOf(source: BuiltSource, { plan, expressions } = compiledWithExpressions(source)): string {
  const treeOf = (expression: string) =>
    (source.trees?.[expression] as ExprNode | undefined) ?? Expression.syntaxTree(expression)
  const program = new Program(readPathsOf([source], () => expressions))
  for (const expression of expressions) program.expression(expression, treeOf(expression))
  const whens = plan.events.matchers.map((m) => m.when.source)
  program.dispatch(dispatchKey(whens), dispatchTable(whens.map((when) => requiredEquality(treeOf(when)))))
  const templates = [...compiledParts(plan)].filter((part) => part instanceof Template).map((t) => t.source)
  for (const template of [...new Set(templates)].sort()) program.template(template)
  return program.text()
}

/** A program, as programOf writes them, of the given expressions' and templates' fast paths and readers of `paths`. */
export function programFor(given: {
  expressions?: Iterable<string>
  templates?: Iterable<string>
  paths?: Map<string, readonly string[]>
}): string {
  const program = new Program(given.paths ?? new Map())
  for (const expression of given.expressions ?? []) program.expression(expression, Expression.syntaxTree(expression))
  for (const template of given.templates ?? []) program.template(template)
  return program.text()
}

/** Where a part of a function's code stands: what the context is, the lambda parameters in reach, the temporaries. */
type Where = { context: string; vars: ReadonlyMap<string, string>; temps: string[] }

class Program {
  /** What the program takes from ./fast-ops.ts at its start, by the name its code uses. */
  private readonly bindings = new Map<string, string>()
  private readonly constants: string[] = []
  private readonly readers: Map<string, { names: readonly string[]; index: number }>
  private readonly functions: string[] = []
  private readonly expressions: [string, string][] = []
  private readonly templates: [string, string][] = []
  private readonly dispatches: [string, DispatchTable | null][] = []
  private fresh = 0

  constructor(paths: Map<string, readonly string[]>) {
    this.readers = new Map([...paths].map(([key, names], index) => [key, { names, index }]))
  }

  /** The expression's function, where it has a fast path. */
  expression(source: string, tree: ExprNode) {
    if (this.expressions.some(([s]) => s === source)) return
    const fast = fastTree(tree)
    if (!fast) return
    // A plain path is its reader.
    if (fast.kind === 'path') return void this.expressions.push([source, this.reader(fast.names)])
    const name = `x${this.expressions.length}`
    const where: Where = { context: 's', vars: new Map(), temps: [] }
    const body = this.code(fast, where)
    this.functions.push(`function ${name}(s) { ${declared(where.temps)}return ${body}; }`)
    this.expressions.push([source, name])
  }

  /**
   * The template's function, where it has several parts, each an expression with a function: its text, or UNSURE
   * where a part is (or gives nothing, or a value JSON cannot write), as Template's own fast value. Its parts share one
   * allowance of work (fast-ops.ts, FAST_WORK), where Template's own gives each part one: past it, UNSURE (the parts
   * are then worked out one by one), never another text.
   */
  template(source: string) {
    const template = new Template(source, { checked: false })
    if (template.whole || template.isLiteral) return
    const lines: string[] = []
    for (const part of template.parts) {
      if ('text' in part) {
        lines.push(`o += ${JSON.stringify(part.text)};`)
        continue
      }
      this.expression(part.expression.source, Expression.syntaxTree(part.expression.source))
      const called = this.expressions.find(([s]) => s === part.expression.source)?.[1]
      if (!called) return
      const inText = this.bind('inText')
      lines.push(
        `v = ${called}(s); if (v === U || v === undefined) return U;`,
        `v = ${inText}(v); if (v === U) return U; o += v;`
      )
    }
    const name = `t${this.templates.length}`
    this.functions.push(`function ${name}(s) { let v, o = ''; ${lines.join(' ')} return o; }`)
    this.templates.push([source, name])
  }

  /** The dispatch of matchers of these conditions (src/manifest/dispatch-table.ts), as data. */
  dispatch(key: string, table: DispatchTable | null) {
    this.dispatches.push([key, table])
  }

  /** The program's text. */
  text(): string {
    const paths = [...this.readers.values()].sort((a, b) => a.index - b.index).map((r) => r.names)
    const entries = (list: [string, string][]) => list.map(([key, name]) => `[${JSON.stringify(key)}, ${name}]`)
    return [
      'let U, step;',
      ...(this.bindings.size ? [`let ${[...this.bindings.keys()].join(', ')};`] : []),
      ...this.constants,
      ...readerDeclarations(paths),
      ...this.functions,
      'module.exports = (ops) => {',
      '  U = ops.UNSURE;',
      '  step = ops.step;',
      ...[...this.bindings].map(([name, from]) => `  ${name} = ops.${from};`),
      '  return {',
      `    readers: [${entries([...this.readers].map(([key, r]) => [key, `read${r.index}`])).join(', ')}],`,
      `    expressions: [${entries(this.expressions).join(', ')}],`,
      `    templates: [${entries(this.templates).join(', ')}],`,
      `    dispatches: ${JSON.stringify(this.dispatches)},`,
      '  };',
      '};',
    ].join('\n')
  }

  /** A FastTree as a JavaScript expression over `where` (what each node gives: ./fast-ops.ts). */
  private code(tree: FastTree, where: Where): string {
    const of = (t: FastTree) => this.code(t, where)
    switch (tree.kind) {
      case 'variable':
        return where.vars.get(tree.name)!
      case 'value':
        return literal(tree.value)
      case 'path':
        return `${this.reader(tree.names)}(${where.context})`
      case 'root':
        return `${this.reader(tree.names)}(s)`
      case 'condition': {
        const [c, truth] = [this.temp(where), this.bind('truth')]
        const otherwise = tree.else ? of(tree.else) : 'undefined'
        return `((${c} = ${truth}(${of(tree.condition)})) === U ? U : ${c} ? ${of(tree.then)} : ${otherwise})`
      }
      case 'logic': {
        const [a, truth] = [this.temp(where), this.bind('truth')]
        const decided = `${a} !== ${tree.and}`
        return `((${a} = ${truth}(${of(tree.lhs)})) === U ? U : ${decided} ? ${a} : ${truth}(${of(tree.rhs)}))`
      }
      case 'binary':
        return `${this.bind(`BINARY[${JSON.stringify(tree.operator)}]`)}(${of(tree.lhs)}, ${of(tree.rhs)})`
      case 'call':
        return `${this.bind(`FUNCTIONS[${JSON.stringify(tree.name)}].of`)}(${tree.args.map(of).join(', ')})`
      case 'each': {
        const [value, key] = [this.name('p'), this.name('p')]
        const vars = new Map([...where.vars, [tree.value, value], ...(tree.key ? [[tree.key, key] as const] : [])])
        return `${this.bind('each')}(${of(tree.object)}, ${this.arrow([value, key], where.context, vars, tree.body)})`
      }
      case 'apply': {
        const value = this.temp(where)
        const body = this.code(tree.body, { ...where, vars: new Map([...where.vars, [tree.param, value]]) })
        return `((${value} = ${of(tree.value)}) === U ? U : ${body})`
      }
      case 'object':
        return `${this.bind('objectOf')}(${this.constant(tree.keys)}, [${tree.values.map(of).join(', ')}])`
      case 'list':
        return `${this.bind('listOf')}([${tree.parts.map(of).join(', ')}], ${this.constant(tree.nested)})`
      case 'pick': {
        const within = tree.parent
          ? `${this.bind('oneValue')}(${this.reader(tree.parent)}(${where.context}))`
          : where.context
        const item = this.name('c')
        const each = (t: FastTree | undefined) => (t ? this.arrow([item], item, where.vars, t) : 'undefined')
        const rest = tree.rest ? this.reader(tree.rest) : 'undefined'
        const place = tree.place === undefined ? 'undefined' : literal(tree.place)
        const args = [within, JSON.stringify(tree.key), each(tree.predicate), place, each(tree.mapping), rest]
        return `${this.bind('pick')}(${args.join(', ')})`
      }
    }
  }

  /** An arrow function of `params` whose body is `tree` with `context` as its context: temporaries of its own. */
  private arrow(params: string[], context: string, vars: ReadonlyMap<string, string>, tree: FastTree): string {
    const where: Where = { context, vars, temps: [] }
    const body = this.code(tree, where)
    return `((${params.join(', ')}) => { ${declared(where.temps)}return ${body}; })`
  }

  private reader(names: readonly string[]): string {
    const key = pathKey(names)
    let reader = this.readers.get(key)
    if (!reader) this.readers.set(key, (reader = { names, index: this.readers.size }))
    return `read${reader.index}`
  }

  /** A name for something of ./fast-ops.ts (`from`, as read from its module), set when the program starts. */
  private bind(from: string): string {
    for (const [name, f] of this.bindings) if (f === from) return name
    const name = `h${this.bindings.size}`
    this.bindings.set(name, from)
    return name
  }

  /** A value made once, at the program's top level. */
  private constant(value: readonly unknown[]): string {
    const name = `k${this.constants.length}`
    this.constants.push(`const ${name} = ${JSON.stringify(value)};`)
    return name
  }

  private temp(where: Where): string {
    const name = this.name('v')
    where.temps.push(name)
    return name
  }

  private name(prefix: string): string {
    return `${prefix}${this.fresh++}`
  }
}

const declared = (temps: string[]) => (temps.length ? `let ${temps.join(', ')}; ` : '')

/** A value of a syntax tree (a text, a number, true, false, null, or nothing) as JavaScript. */
function literal(value: unknown): string {
  if (value === undefined) return 'undefined'
  // Infinity and NaN are JavaScript's names for themselves.
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value)
  return JSON.stringify(value)
}
