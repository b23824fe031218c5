/**
 * Build time only: whether a build for one provider can leave RE2 (re2js, 150 KiB) out. RE2 runs every pattern a
 * manifest writes in linear time, whatever the text; a backtracking RegExp does too for a pattern of one shape only,
 * which is what configuration fields write (`^[a-z0-9][a-z0-9-]*$`, `^.{24,}$`): anchored at its start, no group, no
 * alternation, no assertion, and one quantifier at most, so its one choice is how far that quantifier reaches (a
 * linear scan for each, over a pattern of fixed length). A manifest whose every pattern has that shape, and none of
 * whose expressions writes a regular expression, runs its patterns with RegExp in such a build (only those patterns:
 * any other is refused there).
 */
import type { Plan } from '../src/manifest/load'
import { Expression } from '../src/manifest/expressions'
import { compiledParts } from '../src/manifest/reads-scope'

const ATOM = String.raw`(?:[^\\^$.|?*+()[\]{}]|\\[dDwW.\-/\\^$|?*+()[\]{}]|\.|\[\^?(?:[^\\\]]|\\[dDwW.\-/\\\]^[])+\])`
const QUANTIFIER = String.raw`(?:[?*+]|\{\d{1,4}(?:,\d{0,4})?\})`
const SHAPE = new RegExp(`^\\^(?:${ATOM})*(?:${ATOM}${QUANTIFIER}(?:${ATOM})*)?\\$?$`)

/** Whether `source` has the one shape a backtracking RegExp runs in linear time (above), and RegExp reads it. */
export function backtrackSafe(source: string): boolean {
  if (source.length > 1000 || !SHAPE.test(source)) return false
  try {
    new RegExp(source, 'u')
    return true
  } catch {
    return false
  }
}

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
