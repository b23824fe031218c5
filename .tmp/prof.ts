import { LineCounter, parseDocument } from 'yaml'
import { readFileSync } from 'node:fs'
import jsonata from 'jsonata'
import { compileManifest } from '/work/main/src/manifest/compile'
import { SourceMap } from '/work/main/src/manifest/problems'
const text = readFileSync('/work/main/providers/zendesk.yaml', 'utf8')
for (let round = 0; round < 4; round++) {
  const a = performance.now()
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const b = performance.now()
  const value = doc.toJS()
  const c = performance.now()
  const { plan } = compileManifest(value as any, new SourceMap('z', doc, lines))
  const d = performance.now()
  console.log(round, { yaml: (b - a).toFixed(1), toJS: (c - b).toFixed(1), compile: (d - c).toFixed(1) })
}
const e = performance.now(); for (let i = 0; i < 100; i++) jsonata("event.type = 'zen:event-type:ticket.comment_added' and event.event.comment.is_public = true"); console.log('jsonata compile each', ((performance.now() - e) / 100).toFixed(3))
