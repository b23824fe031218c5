/**
 * The syntax trees of a manifest's expressions, worked out at build time for every manifest a bundle carries: its run
 * time parses none of them, and loads JSONata (carried packed: build/esbuild.ts) only for an expression the fast path
 * cannot answer. A tree depends on its source alone; one that JSON cannot carry as it is (a regular expression's
 * engine) is left out, and parsed at run time as before.
 */
import { isDeepStrictEqual } from 'node:util'
import type { ExprNode } from 'jsonata'
import { Expression } from '../src/manifest/expressions'
import { compileBuilt, type BuiltSource } from '../src/manifest/load'
import type { Plan } from '../src/manifest/plan'

/** The trees of `expressions` (by default every one the manifest's compiler makes). */
export function treesOf(source: BuiltSource, expressions = expressionsOf(source)): Record<string, ExprNode> {
  const trees: Record<string, ExprNode> = {}
  for (const expression of expressions) {
    const tree = Expression.syntaxTree(expression)
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(tree)), tree)) trees[expression] = tree
  }
  return trees
}

/** Every distinct expression the compiler makes for a manifest (templates' parts included), sorted. */
export const expressionsOf = (source: BuiltSource): string[] => compiledWithExpressions(source).expressions

/**
 * A manifest compiled as a bundle compiles it (its expressions unparsed), with every distinct expression the compiler
 * makes for it, sorted: each asks for its tree by source.
 */
export function compiledWithExpressions(source: BuiltSource): { plan: Plan; expressions: string[] } {
  const asked = new Set<string>()
  const plan = compileBuilt(source, { trees: { get: (expression) => void asked.add(expression) } })
  return { plan, expressions: [...asked].sort() }
}
