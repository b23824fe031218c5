/**
 * Programs the build with every provider carries packed (build/esbuild.ts), compiled when first needed: the libraries
 * a call may never reach (deferredLibrary) at their first use, and each manifest's fast path as code
 * (build/fast-code.ts) when a call first selects it. Importing the bundle compiles none of them; Zendesk's fixture,
 * whose expressions all stay on the fast path with their syntax trees brought by the build (build/trees.ts), never
 * compiles JSONata; the fixtures of
 * the providers that reach a library (Zoho Desk's JWT webhooks, Front's HTML messages and its expressions JSONata
 * alone evaluates, HubSpot's regular expression) run through the bundle as the official CLI built it, and each
 * program is compiled once.
 */
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { loadFixtures } from '../../testkit/fixture'
import { describeFixture } from '../support/fixture-run'
import { useStandIns } from '../support/session'

// Every program compiled from a packed text goes through vm.runInThisContext, under a name that says which
// (virtual:packed); taken before the bundle is loaded (useStandIns loads it in its beforeAll).
const compiled: string[] = []
const runInThisContext = vm.runInThisContext
vm.runInThisContext = (code: string, options?: vm.RunningScriptOptions | string) => {
  if (typeof options === 'object' && options.filename?.includes('(packed: ')) compiled.push(options.filename)
  return runInThisContext(code, options)
}
const compiledNames = () => compiled.map((name) => name.replace(/ \(packed: .*/, '')).sort()

const ctx = useStandIns()

describe('programs carried packed, in the build with every provider', () => {
  it('are not compiled when the bundle is imported', () => {
    expect(ctx.integration.handler).toBeTypeOf('function')
    expect(compiledNames()).toEqual([])
  })

  const fixtures = loadFixtures()
  describeFixture(
    ctx,
    fixtures.find((f) => f.provider === 'zendesk')!
  )

  it('leave JSONata out where every expression stays on the fast path', () => {
    expect(compiledNames()).toEqual(['fast path of zendesk'])
  })

  for (const file of fixtures.filter((f) => ['zoho-desk', 'front', 'hubspot'].includes(f.provider)))
    describeFixture(ctx, file)

  it('are compiled once each, at their first use, and work as they would as code', () => {
    // The fixtures above passed through them: the YAML parser alone is never reached (no pasted manifest here).
    expect(compiledNames()).toEqual([
      'fast path of front',
      'fast path of hubspot',
      'fast path of zendesk',
      'fast path of zoho-desk',
      'html-to-text',
      'jose',
      'jsonata',
      're2js',
    ])
  })
})
