/**
 * The manifest language is defined once, in schemas/provider.schema.yaml: the JSON Schema, the TypeScript types, the
 * compiler's table of names in scope and the README's table of them are made from it by npm run gen, and must say
 * what it says now.
 */
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { parse } from 'yaml'
import { generated, kindsOf, readSource } from '../../scripts/gen-language'
import { Compiler, scopeOf } from '../../src/manifest/compile/compiler'
import { Expression, Template } from '../../src/manifest/expressions'
import { compileBlock, type Fields } from '../../src/manifest/kinds'
import { SourceMap } from '../../src/manifest/problems'
import { SCOPES } from '../../src/manifest/generated/scopes'

describe('the language, defined once', () => {
  it('has every generated file up to date (run npm run gen)', async () => {
    for (const [path, text] of Object.entries(await generated())) {
      expect(readFileSync(path, 'utf8'), `${relative(process.cwd(), path)} is stale: run npm run gen`).toBe(text)
    }
  })

  it('compiles and types an auth kind from its schema block alone: no compiler entry, no plan type', () => {
    // A kind a contributor adds: one block in the schema (here in memory), nothing else on the language's side.
    const schema = readSource()
    const auth = schema.definitions.auth as { oneOf: unknown[] }
    auth.oneOf.push({
      title: 'Signed request',
      properties: {
        type: { const: 'signedRequest' },
        keyId: { $ref: '#/definitions/template' },
        secret: { $ref: '#/definitions/template' },
        headers: { $ref: '#/definitions/templateMap' },
        algorithm: { enum: ['sha256', 'sha512'], default: 'sha256' },
        when: { $ref: '#/definitions/expression' },
      },
    })
    const kind = kindsOf(schema, 'auth').signedRequest!
    expect(kind).toEqual({
      keyId: { as: 'template' },
      secret: { as: 'template' },
      headers: { as: 'templateMap' },
      algorithm: { as: 'value', default: 'sha256' },
      when: { as: 'expression' },
    })
    const m = parse(readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8'))
    const c = new Compiler(m, new SourceMap('x.yaml', ''), { checked: true })
    const plan = compileBlock(
      kind as Fields,
      { keyId: '{{ config.clientId }}', secret: '{{ config.clientSecret }}', headers: { 'x-a': 'b' }, when: 'true' },
      c,
      ['http', 'auth'],
      scopeOf()
    )
    expect(c.problems).toEqual([])
    expect(plan.keyId).toBeInstanceOf(Template)
    expect(plan.when).toBeInstanceOf(Expression)
    expect(plan.headers).toEqual([['x-a', expect.any(Template)]])
    expect(plan.algorithm, 'its schema default').toBe('sha256')
    // Its references are checked like any other: a configuration field the manifest lacks is a placed problem.
    compileBlock(kind as Fields, { keyId: '{{ config.nope }}' }, c, ['http', 'auth'], scopeOf())
    expect(c.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^config\.nope is not a configuration field/),
    ])
  })

  it('gives the compiler the names each x-scope declares', () => {
    for (const s of readSource()['x-scopes'])
      expect(SCOPES[s.id as keyof typeof SCOPES], s.id).toEqual(expect.arrayContaining(Object.keys(s.names)))
  })
})
