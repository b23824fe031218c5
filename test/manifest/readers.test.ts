/**
 * The readers a build makes of the paths its manifests read (build/readers.ts): code that reads `event.detail.id`
 * with the names written in. They must give exactly what JSONata gives, as the runtime's own reader does, for any
 * data a scope holds, names Object.prototype has among them; and a build carries one for every path its manifests
 * read on the fast path, dispatch included.
 */
import fc from 'fast-check'
import jsonata from 'jsonata'
import { describe, expect, it } from 'vitest'
import { programFor } from '../../build/fast-code'
import { readPathsOf } from '../../build/readers'
import { carried } from '../../build/esbuild'
import { readBundle } from '../../build/providers'
import { Expression } from '../../src/manifest/expressions'
import { readerOf, readValue, useBuilt, type BuiltCode, type Reader } from '../../src/manifest/expressions/fast-path'

/** Plain names, names every object inherits (`constructor`, `toString`, `__proto__`), a list's and a text's. */
const NAMES = ['a', 'b', 'constructor', 'toString', '__proto__', 'length', '0']

/** Every path of one to three of NAMES. */
function allPaths(): Map<string, string[]> {
  const paths = new Map<string, string[]>()
  let level: string[][] = [[]]
  for (let depth = 1; depth <= 3; depth++) {
    level = level.flatMap((p) => NAMES.map((n) => [...p, n]))
    for (const p of level) paths.set(p.join('\0'), p)
  }
  return paths
}

/** The build's program for those paths, taken as a bundle takes it (compiled, then useBuilt); its readers, by key. */
function built(paths: Map<string, string[]>): Map<string, Reader> {
  const module = { exports: undefined as unknown as BuiltCode }
  new Function('module', programFor({ paths }))(module)
  const readers = new Map<string, Reader>()
  useBuilt((ops) => {
    const made = module.exports(ops)
    for (const [key, reader] of made.readers) readers.set(key, reader)
    return made
  })
  return readers
}

/**
 * What a scope can hold: JSON data (as JSON.parse makes it, so a key `__proto__` is an own field), with objects of
 * other kinds beside it (bytes, an object of no prototype, a class's instance, code), whose fields JSONata does not
 * read as an object's.
 */
const key = fc.constantFrom(...NAMES)
const data = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 3 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }).map((o) => JSON.parse(JSON.stringify(o)) as unknown)
  ),
})).value
const odd = fc.constantFrom<unknown>(
  new Uint8Array([1, 2]),
  Object.assign(Object.create(null), { a: 'bare' }),
  new (class {
    a = 'instance'
  })(),
  { a: () => 'code', b: { a: 'b' } },
  () => 'code',
  // JSON, but a list on the path: JSONata maps over it.
  [{ a: 1, b: { a: 2 } }, { a: 3 }, [{ b: 4 }]]
)

const source = (names: string[]) => names.map((n) => `\`${n}\``).join('.')

describe("a build's readers", () => {
  it('give exactly what JSONata gives, for any data, and are what the fast path reads with', async () => {
    const paths = allPaths()
    const readers = built(paths)
    for (const [k, names] of paths) expect(readerOf(names), k).toBe(readers.get(k))
    const scope = fc.dictionary(key, data, { maxKeys: 4 }).map((o) => JSON.parse(JSON.stringify(o)))
    // JSON text cannot carry bytes and the like: a scope with one of them (or a list) on the path read, too.
    const oddOn = (names: string[]) =>
      fc.tuple(scope, fc.nat({ max: names.length - 1 }), odd).map(([s, at, value]) => {
        let v = value
        for (let i = at; i > 0; i--) v = { [names[i]!]: v }
        return { ...s, [names[0]!]: v } as Record<string, unknown>
      })
    const sample = fc
      .array(key, { minLength: 1, maxLength: 3 })
      .chain((names) => fc.tuple(fc.constant(names), fc.oneof(scope, oddOn(names))))
    await fc.assert(
      fc.asyncProperty(sample, async ([names, s]) => {
        const text = source(names)
        const want = JSON.stringify(await jsonata(text).evaluate(s)) ?? 'undefined'
        const got = JSON.stringify(await new Expression(text).evaluate(s)) ?? 'undefined'
        expect(got, `${text} over ${JSON.stringify(s)}`).toBe(want)
        // And what the runtime's own reader gives, UNSURE (JSONata decides) included.
        expect(readers.get(names.join('\0'))!(s), text).toBe(readValue(s, names))
      }),
      {
        numRuns: 3000,
        // A field `__proto__` in the data, in what JSONata gives back (a list on the path): a field still.
        examples: [[[['length', 'b'], { length: [{ b: JSON.parse('{"__proto__": []}') }] }]]],
      }
    )
  })
})

describe('the objects a reader reads in place', () => {
  it('are made with Object.prototype as their prototype, a `__proto__` key in the data or the manifest a field or nothing', async () => {
    const data = { k: '__proto__', v: { a: 'inherited' } }
    // An object JSONata makes (its key from the data), and objects a manifest writes with that key.
    for (const source of ['{ k: v }', "{ '__proto__': v }", "{ 'b': v, '__proto__': v }"]) {
      const made = (await new Expression(source).evaluate(data)) as Record<string, unknown>
      expect(Object.getPrototypeOf(made), source).toBe(Object.prototype)
      expect(made.a, source).toBeUndefined()
    }
    // The data's own `__proto__` field, in an object JSONata gives back: a field still.
    const parsed = { x: JSON.parse('{"__proto__": { "a": "own" }}') as object }
    const own = (await new Expression('$merge([x, { "b": 1 }])').evaluate(parsed)) as Record<string, unknown>
    expect(Object.getPrototypeOf(own)).toBe(Object.prototype)
    expect(Object.keys(own)).toEqual(['__proto__', 'b'])
  })
})

describe('the readers a build carries', () => {
  it('cover every path a bundled manifest reads on the fast path, the dispatched field included', () => {
    const paths = [...readPathsOf(carried(readBundle('zendesk')).providers).keys()]
    // A reply's fields, its verification's secret and headers, and the field its matchers are dispatched on.
    for (const field of [
      'event.detail.id',
      'event.event.comment.body',
      'event.event.comment.author.name',
      'state.signingSecret',
      'headers.x-zendesk-webhook-signature-timestamp',
      'event.type',
    ])
      expect(paths, field).toContain(field.split('.').join('\0'))
    // A path read through `$$` inside a predicate (`$$.event.event.comment.id`: the comment a reply names).
    expect(paths).toContain(['event', 'event', 'comment', 'id'].join('\0'))
  })
})
