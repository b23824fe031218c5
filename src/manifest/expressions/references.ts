/** What an expression reads and calls, read off its syntax tree: for the lint, and for an isolated evaluation. */
import type jsonata from 'jsonata'
import { asNode, left, type Node, type Reference } from './ast'
import { helpers } from './functions'

/** JSONata's own functions. */
export const BUILTINS = new Set(
  (
    'sum count max min average string substring substringBefore substringAfter lowercase uppercase length trim pad match contains ' +
    'replace split join formatNumber formatBase formatInteger parseInteger number floor ceil round abs sqrt power random boolean not ' +
    'map zip filter single reduce sift keys lookup append exists spread merge reverse each error assert type sort shuffle distinct ' +
    'base64encode base64decode encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl eval toMillis fromMillis clone now millis'
  ).split(' ')
)

/**
 * The root names an expression reads, for an isolated evaluation to be sent only those; null when it may read the
 * whole scope ($ or $$ at its root, or $eval).
 */
export function namesRead(ast: jsonata.ExprNode): string[] | null {
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
export function collectReferences(ast: jsonata.ExprNode): Reference[] {
  const refs: Reference[] = []
  const visit = (node: Node | undefined, atRoot: boolean): void => {
    if (!node || typeof node !== 'object') return
    switch (node.type) {
      case 'path': {
        const steps = node.steps ?? []
        // `$$.name` reads the scope's root wherever it stands (in a predicate too), as a name at the root does.
        const fromRoot = steps[0]?.type === 'variable' && steps[0].value === '$' && steps[1]?.type === 'name'
        const [first, second, ...rest] = fromRoot ? steps.slice(1) : steps
        if (first?.type === 'name' && (atRoot || fromRoot)) {
          const at = (n: Node | undefined) =>
            n?.type === 'name' ? (n.position ?? 0) - String(n.value).length : undefined
          const member = second?.type === 'name' ? String(second.value) : undefined
          const third = member !== undefined && rest[0]?.type === 'name' ? rest[0] : undefined
          refs.push({
            root: String(first.value),
            member,
            sub: third ? String(third.value) : undefined,
            position: at(first)!,
            memberPosition: at(second),
            subPosition: at(third),
          })
        } else visit(first, atRoot)
        for (const step of [second, ...rest]) visit(step, false)
        for (const step of node.steps ?? []) for (const stage of step?.stages ?? []) visit(stage.expr, false)
        return
      }
      case 'name':
        if (atRoot) refs.push({ root: String(node.value), position: (node.position ?? 0) - String(node.value).length })
        return
      case 'function':
      case 'partial':
        for (const arg of node.arguments ?? []) visit(arg, atRoot)
        return
      case 'binary':
      case 'apply':
      case 'bind':
        visit(left(node), atRoot)
        visit(node.rhs, atRoot)
        return
      case 'unary':
        if (node.value === '{') {
          for (const [k, v] of (node.lhs as [Node, Node][] | undefined) ?? []) {
            visit(k, atRoot)
            visit(v, atRoot)
          }
        } else if (node.value === '[') for (const e of node.expressions ?? []) visit(e, atRoot)
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
  visit(asNode(ast), true)
  return refs
}

/** Calls of $functions that are neither JSONata's, ours, nor bound in the expression ($f := function…, lambda parameters). */
export function unknownFunctions(ast: jsonata.ExprNode): { name: string; position: number }[] {
  const bound = new Set<string>()
  const calls: { name: string; position: number }[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    const n = node as Node
    const bind = left(n)
    if (n.type === 'bind' && bind?.type === 'variable') bound.add(String(bind.value))
    if (n.type === 'lambda') for (const a of n.arguments ?? []) if (a.type === 'variable') bound.add(String(a.value))
    if ((n.type === 'function' || n.type === 'partial') && n.procedure?.type === 'variable') {
      calls.push({
        name: String(n.procedure.value),
        position: (n.procedure.position ?? 0) - String(n.procedure.value).length - 1,
      })
    }
    for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v)
  }
  walk(ast)
  return calls.filter((c) => c.name !== '' && !BUILTINS.has(c.name) && !(c.name in helpers) && !bound.has(c.name))
}
