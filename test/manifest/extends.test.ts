/**
 * A manifest written over another (extends): the base's value with the manifest's own laid over it, validated and
 * run as one; every problem placed in the file that writes what it is about; refused where it cannot be (no such
 * base, a loop, pasted).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadManifest, loadValidated, ManifestError } from '../../src/manifest/load'
import { overlay } from '../../src/manifest/overlay'
import type { Problem } from '../../src/manifest/problems'

const TINY = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')

/** A folder holding tiny-desk.yaml and the given files; the path of the first given. */
function folder(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'extends-'))
  writeFileSync(join(dir, 'tiny-desk.yaml'), TINY)
  const paths: Record<string, string> = {}
  for (const [name, text] of Object.entries(files)) writeFileSync((paths[name] = join(dir, name)), text)
  return paths
}

function problems(text: string, file: string, options: { pasted?: boolean } = {}): Problem[] {
  try {
    loadManifest(text, file, options)
  } catch (err) {
    if (err instanceof ManifestError) return err.problems
    throw err
  }
  throw new Error('the manifest was accepted')
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length

describe('overlay', () => {
  it('lays objects field by field, replaces lists and texts whole, and removes what is null', () => {
    const base = { a: { x: 1, y: [1, 2], z: 'keep' }, b: 'old', gone: { deep: true } }
    expect(overlay(base, { a: { x: 2, y: [3] }, b: 'new', gone: null, c: { fresh: 1 } })).toEqual({
      a: { x: 2, y: [3], z: 'keep' },
      b: 'new',
      c: { fresh: 1 },
    })
    expect(base).toEqual({ a: { x: 1, y: [1, 2], z: 'keep' }, b: 'old', gone: { deep: true } })
  })
})

describe('a manifest over another', () => {
  const child = [
    'manifestVersion: 1',
    'extends: tiny-desk',
    'id: tiny-desk-plus',
    'title: Tiny Desk Plus',
    'configuration:',
    '  clientId: { title: App id }',
    '  region: { type: string, title: Region, description: Where the account lives., default: eu }',
    'http:',
    '  headers: { x-region: "{{ config.region }}" }',
    '',
  ].join('\n')

  it('runs as the base with its own fields over it', () => {
    const paths = folder({ 'plus.yaml': child })
    const plan = loadManifest(child, paths['plus.yaml']!)
    const m = plan.manifest
    expect([m.id, m.title, m.extends]).toEqual(['tiny-desk-plus', 'Tiny Desk Plus', 'tiny-desk'])
    expect(m.configuration!.clientId).toEqual({ type: 'string', title: 'App id', description: 'OAuth2 client id.' })
    expect(Object.keys(m.configuration!)).toEqual(['clientId', 'clientSecret', 'webhookToken', 'region'])
    expect(m.actions.createUser).toEqual(loadManifest(TINY, 'tiny.yaml').manifest.actions.createUser)
    expect(plan.bases.map((b) => b.file)).toEqual([paths['plus.yaml']!.replace('plus.yaml', 'tiny-desk.yaml')])
  })

  it("places a problem of its own in its file, and one in what it inherits in the base's file", () => {
    // Its own mistake, and the base's webhook token template left reading a field it removed.
    const broken = child.replace('default: eu }', 'default: eu, colour: red }') + 'configuration_: 1\n'
    const removing = child.replace('  clientId: { title: App id }\n', '  webhookToken: null\n')
    const paths = folder({ 'broken.yaml': broken, 'removing.yaml': removing })
    const own = problems(broken, paths['broken.yaml']!)
    expect(own.map((p) => [p.file, p.line, p.path])).toEqual(
      expect.arrayContaining([
        [paths['broken.yaml'], lineOf(broken, 'colour'), 'configuration.region.colour'],
        [paths['broken.yaml'], lineOf(broken, 'configuration_'), 'configuration_'],
      ])
    )
    const inherited = problems(removing, paths['removing.yaml']!)
    const base = paths['removing.yaml']!.replace('removing.yaml', 'tiny-desk.yaml')
    expect(inherited).toContainEqual(
      expect.objectContaining({
        file: base,
        line: lineOf(TINY, 'value: "{{ config.webhookToken }}"'),
        path: 'inbound.verify.value',
      })
    )
  })

  it("keeps its bases' places when a bundle runs it: an inherited step's place is in the base's file", () => {
    const paths = folder({ 'plus.yaml': child })
    const plan = loadManifest(child, paths['plus.yaml']!)
    const bundled = loadValidated({
      text: child,
      manifest: plan.manifest,
      file: 'providers/plus.yaml',
      bases: [{ file: 'providers/tiny-desk.yaml', text: TINY }],
    })
    const step = bundled.createUser.steps[0]!
    expect(step.where).toBe(
      `providers/tiny-desk.yaml:${lineOf(TINY, '- name: createCustomer')}:9 actions.createUser.steps[0]`
    )
  })

  it('is refused with no such base, in a loop, or pasted', () => {
    const paths = folder({
      'orphan.yaml': child.replace('extends: tiny-desk', 'extends: tiny-dsk'),
      'a.yaml': 'manifestVersion: 1\nextends: b\nid: a\ntitle: A\n',
      'b.yaml': 'manifestVersion: 1\nextends: a\nid: b\ntitle: B\n',
    })
    const message = (text: string, file: string, o = {}) =>
      problems(text, file, o).map((p) => `${p.path}: ${p.message}`)
    expect(message(readFileSync(paths['orphan.yaml']!, 'utf8'), paths['orphan.yaml']!)).toEqual([
      "extends: no manifest 'tiny-dsk' beside this one (tiny-dsk.yaml in its folder)",
    ])
    expect(message(readFileSync(paths['a.yaml']!, 'utf8'), paths['a.yaml']!)).toEqual([
      "extends: 'a' is written over this one in turn: manifests cannot be laid over each other in a loop",
    ])
    const escaping = child.replace('extends: tiny-desk', 'extends: ../tiny-desk')
    expect(message(escaping, paths['a.yaml']!)).toEqual([
      "extends: '../tiny-desk' is not a manifest id (letters, digits and dashes)",
    ])
    expect(message(child, '<configuration: manifest>', { pasted: true })).toEqual([
      'extends: a pasted manifest is whole: extends names a manifest of the providers folder, out of its reach',
    ])
  })
})
