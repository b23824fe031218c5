/**
 * Cold start, run in a fresh process by bench/run.ts from its esbuild bundle (dist/bench/cold.js, built with the
 * bundled manifests as the integration is): the time to load one bundled manifest right after import (validated at
 * build time, so compiled lazily), then every bundled manifest, then one manifest pasted as text (YAML parsing,
 * schema validation and lint, as a bot builder's own manifest gets).
 */
import { providers } from 'virtual:providers'
import { loadManifest, loadValidated } from '../src/manifest/load'

export function run() {
  const time = (f: () => void) => {
    const t = performance.now()
    f()
    return performance.now() - t
  }
  const zendesk = providers.find((p) => p.id === 'zendesk')!
  // Each read from its own JSON text, as a call selecting it first does.
  const oneMs = time(() => loadValidated(zendesk.source()))
  const restMs = time(() => providers.filter((p) => p !== zendesk).forEach((p) => loadValidated(p.source())))
  const pastedMs = time(() => loadManifest(zendesk.source().text, '<configuration: manifest>'))
  const secondPastedMs = time(() =>
    loadManifest(providers.find((p) => p.id === 'intercom')!.source().text, '<configuration: manifest>')
  )
  return { oneMs, allMs: oneMs + restMs, count: providers.length, pastedMs, secondPastedMs }
}
