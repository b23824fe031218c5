import { readFileSync } from 'node:fs'
import { loadManifest } from '../src/manifest/load'
const text = readFileSync('providers/zendesk.yaml', 'utf8')
const a = performance.now(); loadManifest(text, 'z.yaml'); console.log('cold load ms', (performance.now() - a).toFixed(1))
