/**
 * A build for one provider leaves out the libraries its manifest never reaches (build/esbuild.ts, unusedLibraries):
 * worked out from the manifest's text, checked here against its compiled plan, every bundled provider; and the
 * bundles as built: the Zendesk one carries the stubs, the one with every provider the libraries; and the schema's
 * validator only in the isolation workers' own program, which only a build that takes pasted manifests carries.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { RE2JS } from 're2js'
import * as esbuild from 'esbuild'
import { isolationWorkerCode, packedTexts, unusedLibraries } from '../../build/esbuild'
import { patternsOf, writesRegex } from '../../build/patterns'
import { backtrackSafe, linearPattern } from '../../src/manifest/expressions/safety'
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
      const re2 = writesRegex(plan) || !patternsOf(plan.manifest).every(backtrackSafe)
      expect(unusedLibraries(bundle).sort(), id).toEqual(
        [...(html ? [] : ['html-to-text']), ...(jwt ? [] : ['jose']), ...(re2 ? [] : ['re2js']), 'yaml'].sort()
      )
    }
    // Never in a build that may take a pasted manifest; RE2 kept where a manifest writes a regular expression.
    expect(unusedLibraries(readBundle(''))).toEqual([])
    expect(unusedLibraries(readBundle('hubspot'))).not.toContain('re2js')
    expect(unusedLibraries(readBundle('zendesk'))).toContain('re2js')
  })

  it('are stubs that say so in the Zendesk build, and packed whole in the build with every provider', () => {
    const zendesk = readFileSync(join(ROOT, 'dist', 'test', 'zendesk.js'), 'utf8')
    for (const name of ['html-to-text', 'jose', 'yaml', 're2js'])
      expect(zendesk).toContain(`${name} is not in this build: its manifest does not use it`)
    expect(zendesk).not.toContain('invalid nested repetition operator')
    // jose's own text (a minified build keeps no function names: build/esbuild.ts, keepNames).
    expect(zendesk).not.toContain('JSON Web Key Set malformed')
    const every = readFileSync(TEST_BUNDLE, 'utf8')
    expect(every).not.toContain('is not in this build')
    // Carried packed, not as code (test/botpress/packed-libraries.test.ts runs them).
    for (const text of ['JSON Web Key Set malformed', 'invalid nested repetition operator']) {
      expect(every).not.toContain(text)
      expect(packedTexts(every).join('\n')).toContain(text)
    }
  })

  it("carry the schema's validator only in the isolation workers' program, and that program only where pasted manifests are taken", async () => {
    // The validator's own messages, generated at build time (build/esbuild.ts): in the worker's program, once.
    const validator = /must NOT have additional properties/g
    const every = readFileSync(TEST_BUNDLE, 'utf8')
    expect(every).toContain('pasted manifests are validated in the isolation workers')
    const worker = await isolationWorkerCode(esbuild, join(ROOT, 'src', 'manifest', 'isolation', 'entry.ts'))
    expect(worker.match(validator)?.length).toBeGreaterThan(10)
    // Not in the integration's own code: in the workers' program, which it carries packed (build/esbuild.ts, packed).
    expect(every).not.toMatch(validator)
    const unpacked = packedTexts(every).join('\n')
    expect(unpacked.match(validator)?.length).toBe(worker.match(validator)?.length)
    const zendesk = readFileSync(join(ROOT, 'dist', 'test', 'zendesk.js'), 'utf8')
    expect(zendesk).toContain('a build for one provider validates no manifest at run time')
    expect(zendesk).not.toMatch(validator)
  })
})

describe('patterns RegExp runs in linear time, in every build', () => {
  it('are of one shape only: anchored, no group or alternation, one quantifier at most, repeats RE2 takes', () => {
    const bundled = readBundle('').providers.flatMap((p) => patternsOf(p.manifest))
    expect(bundled.length).toBeGreaterThan(15)
    for (const safe of [
      '^[a-z0-9][a-z0-9-]*$',
      '^.{24,}$',
      '^00D[A-Za-z0-9]{12,15}$',
      '^https://[A-Za-z0-9.-]+$',
      '^[0-9a-f]{32}$',
      '^cha_[a-z0-9]+$',
      '^\\d+$',
      '^a{1000}$',
      '^[{]{2}$',
    ])
      expect(backtrackSafe(safe), safe).toBe(true)
    for (const unsafe of [
      '^(a+)+$',
      '^a*a*$',
      '^[a-z]{1,5}[0-9]*$',
      '^a?a?a?$',
      'a+$',
      '^a|b$',
      '^(?=a)a$',
      '^\\s+$',
      '^a\\1$',
      '^[a-z',
      '^a{1001}$',
      '^a{2,1001}$',
      '^a{2,1}$',
      `^${'a'.repeat(1001)}$`,
    ])
      expect(backtrackSafe(unsafe), unsafe).toBe(false)
  })

  it('match as RE2 does, every bundled pattern of that shape and any other, on any text; the rest run with RE2', () => {
    const atom = fc.constantFrom(
      'a',
      'z',
      '0',
      '-',
      '_',
      '/',
      ':',
      '€',
      '.',
      '\\d',
      '\\w',
      '\\D',
      '\\.',
      '[a-z0-9-]',
      '[^a]',
      '[.]',
      '[\\]]'
    )
    const quantifier = fc.constantFrom('?', '*', '+', '{2}', '{1,3}', '{2,}', '{0,1}')
    const shaped = fc
      .tuple(
        fc.array(atom, { maxLength: 4 }),
        fc.option(fc.tuple(atom, quantifier, fc.array(atom, { maxLength: 3 }))),
        fc.boolean()
      )
      .map(
        ([head, rest, end]) => `^${head.join('')}${rest ? rest[0] + rest[1] + rest[2].join('') : ''}${end ? '$' : ''}`
      )
    const bundled = [...new Set(readBundle('').providers.flatMap((p) => patternsOf(p.manifest)))].filter(backtrackSafe)
    expect(bundled.length).toBeGreaterThanOrEqual(10)
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'z',
        '0',
        '9',
        '-',
        '.',
        '_',
        'A',
        'D',
        'c',
        'h',
        ':',
        '/',
        ']',
        '€',
        '𝒳',
        '\n',
        '\r',
        '\u2028',
        '\ud800'
      ),
      maxLength: 40,
    })
    const found = (m: ReturnType<ReturnType<typeof linearPattern>['matcher']>) => {
      const all: [string | null, number, number][] = []
      while (all.length < 50 && m.find()) all.push([m.group(0), m.start(), m.end()])
      return all
    }
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...bundled), shaped), text, (pattern, t) => {
        expect(backtrackSafe(pattern), pattern).toBe(true)
        const want = found(RE2JS.compile(pattern).matcher(t))
        expect(found(linearPattern(pattern).matcher(t)), `${pattern} on ${JSON.stringify(t)}`).toEqual(want)
      }),
      // An empty match before a character of two UTF-16 units: RegExp would find it again there, without end.
      {
        numRuns: 3000,
        examples: [
          ['^', '𝒳'],
          ['^a*', '𝒳a'],
          ['^.?', '\r'],
        ],
      }
    )
    // A pattern of any other shape runs with RE2 itself (and one RE2 cannot run is refused, as it was).
    expect(linearPattern('^(ab)+$')).toBeInstanceOf(RE2JS)
    expect(linearPattern('^a.b$')).not.toBeInstanceOf(RE2JS)
    expect(() => linearPattern('^(?=a)a$')).toThrow()
  })
})
