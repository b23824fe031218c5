/**
 * The catalog of bundled manifests as an integration's bundle carries them (build/esbuild.ts: each its id, a packed
 * JSON text of its own and a program of its fast path as code): a manifest and its code are read when a call first
 * selects it, then kept with its plan, whose expressions run that code.
 */
import { describe, expect, it } from 'vitest'
import { readBundle } from '../../build/providers'
import { programOf } from '../../build/fast-code'
import { readPathsOf } from '../../build/readers'
import { readerOf, type BuiltCode, type Fast, type Reader } from '../../src/manifest/expressions/fast-path'
import { configurationName } from '../../src/botpress/names'
import { ProviderCatalog, type CarriedSource } from '../../src/botpress/providers'
import { fill, loadFixtures } from '../../testkit/fixture'

describe('the catalog of a bundle', () => {
  it('reads no manifest at import, each one and its code when a call first selects it, and none again', async () => {
    const { providers } = readBundle('')
    const reads = new Map<string, number>()
    // Each manifest's program (build/fast-code.ts) as a bundle carries it; the readers each made, by key.
    const codeTaken: string[] = []
    const made = new Map<string, Reader>()
    const ran = new Map<string, number>()
    const carried: CarriedSource[] = providers.map((p) => ({
      id: p.manifest.id,
      source: () => {
        reads.set(p.manifest.id, (reads.get(p.manifest.id) ?? 0) + 1)
        return p
      },
      code: () => {
        codeTaken.push(p.manifest.id)
        const module = { exports: undefined as unknown as BuiltCode }
        new Function('module', programOf(p))(module)
        return (ops) => {
          const code = module.exports(ops)
          const readers = [...code.readers]
          for (const [key, reader] of readers) if (!made.has(key)) made.set(key, reader)
          // Each expression's code counted when it runs.
          const expressions = [...(code.expressions ?? [])].map(([source, f]) => {
            const counted: Fast = (scope, vars) => (ran.set(source, (ran.get(source) ?? 0) + 1), f(scope, vars))
            return [source, counted] as const
          })
          return { ...code, readers, expressions }
        }
      },
    }))
    const catalog = new ProviderCatalog({ providers: carried })
    expect(reads.size).toBe(0)
    expect(codeTaken).toEqual([])

    const fixture = loadFixtures().find((f) => f.provider === 'zendesk-messaging')!
    const { configuration } = fill(fixture, {
      files: 'https://files.test',
      storage: 'https://storage.test',
      webhookUrl: 'https://webhook.botpress.cloud/wh',
      helpdesk: 'https://helpdesk.test',
    })
    const calls = await Promise.all(
      Array.from({ length: 3 }, () => catalog.select(configurationName('zendesk-messaging'), configuration))
    )
    expect(calls[0]!.plan.manifest.id).toBe('zendesk-messaging')
    expect(calls.every((c) => c.plan === calls[0]!.plan)).toBe(true)
    expect([...reads]).toEqual([['zendesk-messaging', 1]])
    // Its code taken once, before its plan made its fast paths: a path it reads is read by the build's reader.
    expect(codeTaken).toEqual(['zendesk-messaging'])
    const read = [...readPathsOf([providers.find((p) => p.manifest.id === 'zendesk-messaging')!]).values()]
    expect(read.length).toBeGreaterThan(10)
    for (const names of read) expect(readerOf(names), names.join('.')).toBe(made.get(names.join('\0')))
    // Its plan's expressions run the code the build generated (build/fast-code.ts), not closures of their own.
    const { plan } = calls[0]!
    const released = plan.events.matchers.find((m) => m.name === 'released')!.when
    expect(ran.get(released.source)).toBeUndefined()
    expect(await released.evaluate({ event: { type: 'switchboard:releaseControl' } })).toBe(true)
    expect(ran.get(released.source)).toBe(1)

    // Every plan (the definition's need) reads each of the others once, and that one not again.
    expect(catalog.plans.map((p) => p.manifest.id)).toEqual(providers.map((p) => p.manifest.id))
    expect([...reads.values()].every((n) => n === 1)).toBe(true)
    expect(reads.size).toBe(providers.length)
    expect(codeTaken.length).toBe(providers.length)
  })

  it('of a build for one provider reads that one at once: its names are the definition’s', () => {
    const { providers } = readBundle('')
    const reads: string[] = []
    const catalog = new ProviderCatalog({
      selected: 'zendesk',
      providers: providers.map((p) => ({ id: p.manifest.id, source: () => (reads.push(p.manifest.id), p) })),
    })
    expect(reads).toEqual(['zendesk'])
    expect(catalog.selected?.manifest.id).toBe('zendesk')
    expect(catalog.single).toBe(catalog.single)
    expect(reads).toEqual(['zendesk'])
  })
})
