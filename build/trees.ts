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

export function treesOf(source: BuiltSource): Record<string, ExprNode> {
  const trees: Record<string, ExprNode> = {}
  for (const expression of expressionsOf(source)) {
    const tree = Expression.syntaxTree(expression)
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(tree)), tree)) trees[expression] = tree
  }
  return trees
}

/** Every distinct expression the compiler makes for a manifest (templates' parts included), sorted. */
export function expressionsOf(source: BuiltSource): string[] {
  // Each asks for its tree by source.
  const asked = new Set<string>()
  compileBuilt(source, {
    trees: {
      get: (expression) => {
        asked.add(expression)
        return undefined
      },
    },
  })
  return [...asked].sort()
}
