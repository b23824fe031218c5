/**
 * The syntax trees a build works out for its manifests' expressions (build/trees.ts): every expression the compiler
 * makes has one (those writing a regular expression aside: parsed at run time), each the tree parsing gives, every
 * manifest the build carries has its own, and an expression given its tree follows it without parsing its source.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packedTexts } from '../../build/esbuild'
import { readBundle } from '../../build/providers'
import { bundle } from '../../scripts/build'
import { treesOf } from '../../build/trees'
import { Expression } from '../../src/manifest/expressions'
import { compileBuilt, loadManifest, type BuiltSource } from '../../src/manifest/load'

describe('syntax trees worked out at build time', () => {
  it('cover every expression of every bundled manifest but those writing a regular expression, as parsed', () => {
    const { providers } = readBundle('')
    expect(providers.length).toBeGreaterThan(20)
    for (const source of providers) {
      const asked = new Set<string>()
      compileBuilt(source, { trees: { get: (e) => void asked.add(e) } })
      const trees = treesOf(source)
      expect(asked.size, source.file).toBeGreaterThan(10)
      for (const expression of asked) {
        const where = `${source.file}: ${expression}`
        if (/\/.*\//.test(expression) && !(expression in trees)) continue
        expect(trees[expression], where).toEqual(Expression.syntaxTree(expression))
        // What JSON carries is the tree itself: the bundle holds it as JSON.
        expect(JSON.parse(JSON.stringify(trees[expression])), where).toEqual(trees[expression])
      }
      expect(
        Object.keys(trees).every((e) => asked.has(e)),
        source.file
      ).toBe(true)
    }
  })

  it("are what a build carries for each manifest, and its expressions follow them, not their source's parse", async () => {
    const dir = `${__dirname}/../fixtures/manifests`
    const built = readBundle('', dir)
    expect(built.providers.length).toBeGreaterThan(1)
    // What the bundle carries: each manifest's JSON, packed, with its trees.
    const file = await bundle(join(mkdtempSync(join(tmpdir(), 'trees-')), 'index.js'), built)
    const carried = packedTexts(readFileSync(file, 'utf8'))
      .filter((text) => text.startsWith('{"file":'))
      .map((text) => JSON.parse(text) as BuiltSource)
    expect(carried.map((p) => p.manifest.id).sort()).toEqual(built.providers.map((p) => p.manifest.id).sort())
    for (const p of carried) expect(p.trees, p.file).toEqual(treesOf(p))
    const tiny = carried.find((p) => p.manifest.id === 'tiny-desk')!
    expect(Object.keys(tiny.trees ?? {}).length).toBeGreaterThan(5)
    // A tree given for a source is taken as it is: this one reads another field than its source names.
    const text = readFileSync(`${__dirname}/../fixtures/manifests/tiny-desk.yaml`, 'utf8')
    const manifest = loadManifest(text, 'tiny-desk.yaml').manifest
    const other = Expression.syntaxTree('other')
    const plan = compileBuilt(
      { file: 'tiny-desk.yaml#trees', text, manifest },
      { trees: { get: (e) => (e.trim() === 'customerId' ? other : undefined) } }
    )
    const externalId = plan.createUser.externalId
    expect(externalId.source).toBe('{{ customerId }}')
    expect(await externalId.text({ customerId: 'by its source', other: 'by its tree' })).toBe('by its tree')
  })
})
