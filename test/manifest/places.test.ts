/**
 * The places a build works out for a bundled manifest (build/places.ts) say what parsing the text says: for every
 * node of every bundled manifest, and for paths the text does not write (placed at their nearest written parent),
 * each way a problem is placed (the value, its key, an offset inside a one-line scalar) and whether it is written.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { placesOf } from '../../build/places'
import { providerFiles } from '../../build/providers'
import { SourceMap, type ManifestPath } from '../../src/manifest/problems'

/** The paths a places table names, back as paths (numbers for list items). */
function pathsOf(places: Record<string, unknown>): ManifestPath[] {
  return Object.keys(places).map((formatted) =>
    formatted === '(root)'
      ? []
      : [...formatted.matchAll(/\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.?([A-Za-z_$][\w$]*)/g)].map((m) =>
          m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? (JSON.parse(`"${m[2]}"`) as string) : m[3]!
        )
  )
}

describe('places worked out at build time', () => {
  it('place every problem where parsing the text places it, in every bundled manifest', () => {
    const files = providerFiles()
    expect(files.length).toBeGreaterThan(20)
    for (const path of files) {
      const text = readFileSync(path, 'utf8')
      const places = placesOf(text)
      const parsed = new SourceMap(path, text)
      const built = new SourceMap(path, text, undefined, undefined, places)
      const paths = pathsOf(places)
      expect(paths.length, path).toBe(Object.keys(places).length)
      for (const p of [...paths, ...paths.map((x) => [...x, 'notWritten', 0]), ['inbound', 'verify', 'secret']]) {
        const where = `${path}: ${JSON.stringify(p)}`
        expect(built.writes(p), where).toBe(parsed.writes(p))
        expect(built.place(p), where).toEqual(parsed.place(p))
        expect(built.place(p, { key: true }), where).toEqual(parsed.place(p, { key: true }))
        expect(built.place(p, { offset: 3 }), where).toEqual(parsed.place(p, { offset: 3 }))
      }
    }
  })

  it('place a manifest in the shape before inbound and events as parsing does', () => {
    const text = 'id: old\nwebhook:\n  verify:\n    type: none\n  events: body.events\n'
    const built = new SourceMap('old.yaml', text, undefined, undefined, placesOf(text))
    const parsed = new SourceMap('old.yaml', text)
    for (const p of [['inbound', 'verify', 'type'], ['events', 'split'], ['inbound']])
      expect(built.place(p), JSON.stringify(p)).toEqual(parsed.place(p))
    expect(built.place(['events', 'split'])).toEqual({ file: 'old.yaml', line: 5, column: 11 })
  })
})
