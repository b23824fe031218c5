/**
 * The manifest language is defined once, in schemas/provider.schema.yaml: the JSON Schema, the TypeScript types, the
 * compiler's table of names in scope and the README's table of them are made from it by npm run gen, and must say
 * what it says now.
 */
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generated, readSource } from '../../scripts/gen-language'
import { SCOPES } from '../../src/manifest/generated/scopes'

describe('the language, defined once', () => {
  it('has every generated file up to date (run npm run gen)', async () => {
    for (const [path, text] of Object.entries(await generated())) {
      expect(readFileSync(path, 'utf8'), `${relative(process.cwd(), path)} is stale: run npm run gen`).toBe(text)
    }
  })

  it('gives the compiler the names each x-scope declares', () => {
    for (const s of readSource()['x-scopes'])
      expect(SCOPES[s.id as keyof typeof SCOPES], s.id).toEqual(expect.arrayContaining(Object.keys(s.names)))
  })
})
