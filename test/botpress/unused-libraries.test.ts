/**
 * A build for one provider leaves out the libraries its manifest never reaches (build/esbuild.ts, unusedLibraries):
 * worked out from the manifest's text, checked here against its compiled plan, every bundled provider; and the
 * bundles as built: the Zendesk one carries the stubs, the one with every provider the libraries.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { unusedLibraries } from '../../build/esbuild'
import { readBundle, ROOT } from '../../build/providers'
import { ProviderCatalog } from '../../src/botpress/providers'
import { Expression, Template } from '../../src/manifest/expressions'
import { TEST_BUNDLE } from '../support/botpress'

/** Every expression and template source of a plan, and every object in it. */
function walk(plan: unknown) {
  const sources: string[] = []
  const objects: Record<string, unknown>[] = []
  const seen = new Set<unknown>()
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return
    seen.add(node)
    if (node instanceof Expression || node instanceof Template) return void sources.push(node.source)
    objects.push(node as Record<string, unknown>)
    for (const v of node instanceof Map ? node.values() : Object.values(node)) visit(v)
  }
  visit(plan)
  return { sources, objects }
}

describe('libraries a build for one provider leaves out', () => {
  it('are exactly those its compiled plan never reaches, for every bundled manifest', () => {
    for (const plan of new ProviderCatalog(readBundle('')).plans) {
      const id = plan.manifest.id
      const { manifest: _manifest, ...compiled } = plan
      const { sources, objects } = walk(compiled)
      const html = plan.events.matchers.some((m) => m.message?.html) || sources.some((s) => s.includes('$htmlToText'))
      const jwt = walk(plan.inbound).objects.some((o) => o.type === 'jwt')
      expect(objects.length, id).toBeGreaterThan(0)
      const bundle = readBundle(id)
      expect(unusedLibraries(bundle).sort(), id).toEqual(
        [...(html ? [] : ['html-to-text']), ...(jwt ? [] : ['jose']), 'yaml'].sort()
      )
    }
    // Never in a build that may take a pasted manifest.
    expect(unusedLibraries(readBundle(''))).toEqual([])
  })

  it('are stubs that say so in the Zendesk build, and whole in the build with every provider', () => {
    const zendesk = readFileSync(join(ROOT, 'dist', 'test', 'zendesk.js'), 'utf8')
    for (const name of ['html-to-text', 'jose', 'yaml'])
      expect(zendesk).toContain(`${name} is not in this build: its manifest does not use it`)
    const every = readFileSync(TEST_BUNDLE, 'utf8')
    expect(every).not.toContain('is not in this build: its manifest does not use it')
    expect(every).toContain('createLocalJWKSet')
  })
})
