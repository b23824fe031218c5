/**
 * Build time only: where each node of a manifest's YAML text stands, worked out once from the parsed document, so a
 * bundle places a problem (file:line:column) without a YAML parser (src/manifest/problems.ts, SourceMap).
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import { formatPath, PLACE, type ManifestPath, type Places } from '../src/manifest/problems'

export function placesOf(text: string): Places {
  const places: Places = {}
  const add = (path: ManifestPath, node: unknown, keyStart: number) => {
    const n = node as Node | undefined
    let flags = 0
    if (isScalar(n)) {
      flags |= PLACE.scalar
      if (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') flags |= PLACE.quoted
      if (String(n.source ?? n.value).includes('\n')) flags |= PLACE.multiline
    }
    places[formatPath(path)] = [n?.range?.[0] ?? 0, keyStart, flags]
    if (isMap(n))
      for (const pair of n.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key
        if (typeof key !== 'string' && typeof key !== 'number') continue
        add([...path, key], pair.value, (pair.key as Node | undefined)?.range?.[0] ?? -1)
      }
    else if (isSeq(n)) n.items.forEach((item, i) => add([...path, i], item, -1))
  }
  add([], parseDocument(text, { prettyErrors: false }).contents, -1)
  return places
}
