/**
 * Build time only: the plain paths a build's manifests read, as code (in the program ./fast-code.ts makes). A reader
 * made here reads `event.detail.id` with the names written in, each step at its own place (V8 keeps what it learns of
 * each there), where the runtime's own reader loops over the names: several times faster on a webhook's every field.
 * Each gives exactly what the runtime's reader gives (src/manifest/expressions/fast-ops.ts, readValue) and what
 * JSONata gives, for JSON data and objects of other kinds alike: a property test holds them to both
 * (test/manifest/readers.test.ts).
 */
import type { ExprNode } from 'jsonata'
import type { BuiltSource } from '../src/manifest/load'
import { Expression } from '../src/manifest/expressions'
import { pathsRead } from '../src/manifest/expressions/fast-path'
import { expressionsOf } from './trees'

/**
 * Every path the manifests' expressions read on the fast path, by key (sorted: a build is the same each time); their
 * expressions as `expressionsOfSource` lists them (one who has them at hand need not compile the manifest again).
 */
export function readPathsOf(
  sources: BuiltSource[],
  expressionsOfSource = expressionsOf
): Map<string, readonly string[]> {
  const paths = new Map<string, readonly string[]>()
  for (const source of sources)
    for (const expression of expressionsOfSource(source))
      pathsRead((source.trees?.[expression] as ExprNode | undefined) ?? Expression.syntaxTree(expression), paths)
  return new Map([...paths].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * The readers as code: a function declaration each, `read<i>` for the i-th path, reading UNSURE and `step` from the
 * program's `U` and `step` (build/fast-code.ts, which puts them in the program a bundle carries for a manifest,
 * packed, compiled when a call first selects it: build/esbuild.ts). Each reader is a function of its own at the
 * program's top level: V8 compiles a reader when a plan first reads its path. (Written as closures inside one
 * function, all of them were parsed again when the runtime took them: cold, about 18 ms from the import to the first
 * readers made, against 8, for the 600 paths of every manifest; carried as code, they were a tenth of what V8 read at
 * every import of that build.) Each step is readValue's `step`, but on an object whose constructor is Object it reads
 * the field in place. That holds what `step` gives because of how a scope's objects are made: by JSON (parsed, or
 * copied between threads), by a literal, or field by field (Object.fromEntries: JSONata's answers too, and a
 * fast-path object never takes a `__proto__` key), so an object whose constructor is Object has Object.prototype as
 * its prototype and no field a name could find there but for a name Object.prototype has (`constructor`,
 * `toString`: those always take `step`). Any other object (bytes, no prototype, a class's) takes `step`. Checking the
 * prototype itself would cost half of what the readers gain. (Object.prototype given a field at run time, by code
 * that should not, would show through here, as it does through every other property read of the process.)
 */
export function readerDeclarations(paths: Iterable<readonly string[]>): string[] {
  const read = (name: string) => {
    const n = JSON.stringify(name)
    return name in Object.prototype
      ? `v = step(v, ${n});`
      : `v = v != null && v.constructor === Object ? v[${n}] : step(v, ${n});`
  }
  return [...paths].map(
    (names, i) =>
      `function read${i}(s) { let v = s; ${names.map(read).join(' ')} return typeof v === 'function' ? U : v }`
  )
}
