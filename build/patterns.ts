/**
 * Build time only: whether a build for one provider can leave RE2 (re2js, 150 KiB) out. Every build runs a pattern of
 * the one shape a backtracking RegExp runs in linear time with RegExp (backtrackSafe, in
 * src/manifest/expressions/safety.ts: what configuration fields write), and any other pattern with RE2. A manifest
 * whose every pattern has that shape, and none of whose expressions writes a regular expression, never reaches RE2.
 */
import type { Plan } from '../src/manifest/load'
import { Expression } from '../src/manifest/expressions'
import { compiledParts } from '../src/manifest/reads-scope'

/** Every pattern a manifest writes as text (configuration fields, signatures, timestamps): any `pattern` field. */
export function patternsOf(manifest: unknown): string[] {
  const found: string[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' && typeof v === 'string') found.push(v)
      else walk(v)
    }
  }
  walk(manifest)
  return found
}

/** Whether any expression of the plan writes a regular expression literal. */
export function writesRegex(plan: Plan): boolean {
  const { manifest: _manifest, ...compiled } = plan
  for (const part of compiledParts(compiled))
    if (part instanceof Expression ? part.writesRegex : part.expressions.some((e) => e.writesRegex)) return true
  return false
}
