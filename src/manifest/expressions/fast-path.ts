/**
 * The fast path: an expression whose FastTree exists (./fast-tree.ts) is worked out without JSONata's evaluator,
 * giving exactly what JSONata gives (./fast-ops.ts says what each part gives, and where JSONata must decide: UNSURE).
 * A plan runs it as closures made here from the tree; a build's manifests carry it as code the build generated
 * (build/fast-code.ts), taken by `useBuilt` when a call first selects the manifest, with readers of the plain paths
 * they read. Both are held to JSONata's results by the property tests "give exactly what JSONata gives"
 * (test/hardening/properties.test.ts); a build's readers by their own (test/manifest/readers.test.ts).
 */
import type jsonata from 'jsonata'
import type { Node, Scope } from './ast'
import * as ops from './fast-ops'
import {
  allowWork,
  BINARY,
  each,
  FUNCTIONS,
  listOf,
  objectOf,
  oneValue,
  pick,
  readValue,
  truth,
  UNSURE,
} from './fast-ops'
import type { DispatchTable } from '../dispatch-table'
import { fastTree, pathKey, pathsOf, requiredEquality, type FastTree } from './fast-tree'

export { FAST_WORK, readValue, step, UNSURE } from './fast-ops'
export { requiredEquality } from './fast-tree'

/** Values of the variables a lambda binds ($t in `x ~> function($t){ … }`), by name; ROOT: what `$$` reads. */
export type Vars = Record<string | symbol, unknown>
/** The scope the evaluation started from, in `vars` where a predicate or an object reads an item as the context. */
const ROOT = Symbol('root')
/** A fast path: run over a scope by runFast (no variable bound yet: NO_VALUES). */
export type Fast = (scope: Scope, vars: Vars) => unknown
const NO_VALUES: Vars = Object.freeze({})

/**
 * An expression's fast path as closures, or null where it has none: JSONata evaluates it. Run by `runFast` (no
 * closure around it: an expression of a pasted plan keeps each closure it makes).
 */
export function fastPath(ast: jsonata.ExprNode | Node | undefined): Fast | null {
  const tree = fastTree(ast)
  return tree && closureOf(tree)
}

/** A fast path's value over `scope`, with a fresh allowance of work (./fast-ops.ts, FAST_WORK). */
export function runFast(f: Fast, scope: Scope): unknown {
  allowWork()
  return f(scope, NO_VALUES)
}

/** A FastTree as closures, each part's value handed to what ./fast-ops.ts says its node gives. */
function closureOf(tree: FastTree): Fast {
  switch (tree.kind) {
    case 'variable': {
      const name = tree.name
      return (_scope, vars) => vars[name]
    }
    case 'value': {
      // The value alone: a closure that kept the node would keep the tree alive.
      const value = tree.value
      return () => value
    }
    case 'path':
      return readerOf(tree.names)
    case 'root': {
      const reader = readerOf(tree.names)
      return (scope, vars) => reader((vars[ROOT] as Scope | undefined) ?? scope)
    }
    case 'condition': {
      const condition = closureOf(tree.condition)
      const then = closureOf(tree.then)
      const otherwise = tree.else && closureOf(tree.else)
      return (scope, vars) => {
        const c = truth(condition(scope, vars))
        return c === UNSURE ? UNSURE : c ? then(scope, vars) : otherwise?.(scope, vars)
      }
    }
    case 'logic': {
      const [lhs, rhs, and] = [closureOf(tree.lhs), closureOf(tree.rhs), tree.and]
      return (scope, vars) => {
        const a = truth(lhs(scope, vars))
        if (a === UNSURE) return UNSURE
        return a !== and ? a : truth(rhs(scope, vars))
      }
    }
    case 'binary': {
      const [lhs, rhs, op] = [closureOf(tree.lhs), closureOf(tree.rhs), BINARY[tree.operator]]
      return (scope, vars) => op(lhs(scope, vars), rhs(scope, vars))
    }
    case 'call': {
      const of = FUNCTIONS[tree.name]!.of
      const [first, second] = tree.args.map(closureOf)
      return second
        ? (scope, vars) => of(first!(scope, vars), second(scope, vars))
        : (scope, vars) => of(first!(scope, vars))
    }
    case 'each': {
      const [object, body, value, key] = [closureOf(tree.object), closureOf(tree.body), tree.value, tree.key]
      return (scope, vars) =>
        each(object(scope, vars), (v, k) => {
          const bindings: Vars = { [value]: v }
          if (key !== undefined) bindings[key] = k
          return body(scope, Object.assign({}, vars, bindings))
        })
    }
    case 'apply': {
      const [value, body, param] = [closureOf(tree.value), closureOf(tree.body), tree.param]
      return (scope, vars) => {
        const v = value(scope, vars)
        return v === UNSURE ? UNSURE : body(scope, Object.assign({}, vars, { [param]: v }))
      }
    }
    case 'object': {
      const [keys, values] = [tree.keys, tree.values.map(closureOf)]
      return (scope, vars) =>
        objectOf(
          keys,
          values.map((f) => f(scope, vars))
        )
    }
    case 'list': {
      const [parts, nested] = [tree.parts.map(closureOf), tree.nested]
      return (scope, vars) =>
        listOf(
          parts.map((f) => f(scope, vars)),
          nested
        )
    }
    case 'pick': {
      const { key, place } = tree
      const parent = tree.parent && readerOf(tree.parent)
      const rest = tree.rest && readerOf(tree.rest)
      const predicate = tree.predicate && closureOf(tree.predicate)
      const mapping = tree.mapping && closureOf(tree.mapping)
      return (scope, vars) => {
        // Each item is the context of the predicate and the mapping; `$$` still the scope the evaluation started from.
        const inner =
          (predicate || mapping) && vars[ROOT] === undefined ? Object.assign({}, vars, { [ROOT]: scope }) : vars
        return pick(
          parent ? oneValue(parent(scope)) : scope,
          key,
          predicate && ((item) => predicate(item, inner)),
          place,
          mapping && ((item) => mapping(item, inner)),
          rest
        )
      }
    }
  }
}

/** A plain path's value where it is one value: UNSURE for a list (JSONata's sequence) or a list on the way. */
export function read(scope: Scope, names: string[]): unknown {
  return oneValue(readValue(scope, names))
}

/** A plain path's value over a scope, as readValue gives it. */
export type Reader = (scope: Scope) => unknown

/**
 * What a build generated for a manifest (build/fast-code.ts), by what each is a pure function of: readers of the
 * plain paths it reads, by the path's key (a path read with its names written in, `v.event`, not `v[name]` in a loop,
 * is read at its own place, several times faster); its expressions' fast paths and its templates' texts, by their
 * source; the dispatch of its matchers, by their conditions. Any plan reading that path or source may use them; a
 * bundled manifest's are added when a call first selects it (src/botpress/providers.ts).
 */
const built = {
  readers: new Map<string, Reader>(),
  expressions: new Map<string, Fast>(),
  templates: new Map<string, Fast>(),
  dispatches: new Map<string, DispatchTable | null>(),
}

/** What a build's program for a manifest gives, from the values its code uses (./fast-ops.ts). */
export type BuiltCode = (from: typeof ops) => {
  readers: Iterable<readonly [string, Reader]>
  expressions?: Iterable<readonly [string, Fast]>
  templates?: Iterable<readonly [string, Fast]>
  /** The dispatch of its matchers (../dispatch-table.ts), by their conditions' sources. */
  dispatches?: Iterable<readonly [string, DispatchTable | null]>
}

/** Takes what a build generated, for every plan from now on (the first of each stays: all are alike). */
export function useBuilt(make: BuiltCode) {
  const made = make(ops)
  const take = <T>(into: Map<string, T>, entries: Iterable<readonly [string, T]> = []) => {
    for (const [key, f] of entries) if (!into.has(key)) into.set(key, f)
  }
  take(built.readers, made.readers)
  take(built.expressions, made.expressions)
  take(built.templates, made.templates)
  take(built.dispatches, made.dispatches)
}

/** A plain path's reader: the build's where it made one, else readValue over the names. */
export function readerOf(names: readonly string[]): Reader {
  return built.readers.get(pathKey(names)) ?? ((scope) => readValue(scope, names))
}

/** The fast path a build generated for an expression's source, if it did. */
export const builtExpression = (source: string): Fast | undefined => built.expressions.get(source)

/** The text a build generated for a template's source (one of several parts, each on the fast path), if it did. */
export const builtTemplate = (source: string): Fast | undefined => built.templates.get(source)

/** The dispatch table a build worked out for matchers of these conditions (null: none gains), if it did. */
export const builtDispatch = (key: string): DispatchTable | null | undefined => built.dispatches.get(key)

/**
 * The plain paths an expression's fast path reads, and the field a matcher is dispatched on (what a build makes
 * readers of), by their key.
 */
export function pathsRead(ast: jsonata.ExprNode | Node | undefined, into = new Map<string, readonly string[]>()) {
  const tree = fastTree(ast)
  if (tree) pathsOf(tree, into)
  const dispatched = requiredEquality(ast)
  if (dispatched) into.set(pathKey(dispatched.names), dispatched.names)
  return into
}
