/** The helpers a manifest can call beside JSONata's own functions. */
import type jsonata from 'jsonata'
import { createHash, randomUUID } from 'node:crypto'
import { escapeHtml, htmlToText } from '../html'

export const helpers: Record<string, { fn: (s?: string) => unknown; signature: string }> = {
  base64: {
    fn: (s?: string) => (s === undefined ? undefined : Buffer.from(s, 'utf8').toString('base64')),
    signature: '<s-:s>',
  },
  base64Decode: {
    fn: (s?: string) => (s === undefined ? undefined : Buffer.from(s, 'base64').toString('utf8')),
    signature: '<s-:s>',
  },
  htmlToText: { fn: (s?: string) => (s === undefined ? undefined : htmlToText(s)), signature: '<s-:s>' },
  escapeHtml: { fn: (s?: string) => (s === undefined ? undefined : escapeHtml(s)), signature: '<s-:s>' },
  /** Hex SHA-256 of a text: a stable id for vendors whose webhooks carry none. */
  sha256: {
    fn: (s?: string) => (s === undefined ? undefined : createHash('sha256').update(s).digest('hex')),
    signature: '<s-:s>',
  },
  /** A random (v4) UUID: an id the manifest must make itself (a vendor that takes the client's ids). */
  uuid: { fn: () => randomUUID(), signature: '<:s>' },
  /** The value a JSON text holds, or nothing when it is not JSON (payloads that carry JSON inside a string). */
  parseJson: {
    fn: (s?: string) => {
      if (typeof s !== 'string') return undefined
      try {
        return JSON.parse(s) as unknown
      } catch {
        return undefined
      }
    },
    signature: '<s-:x>',
  },
}

/** A compiled JSONata expression with the helpers registered, as every evaluation of a manifest's has them. */
export function withHelpers(compiled: jsonata.Expression): jsonata.Expression {
  for (const [name, { fn, signature }] of Object.entries(helpers)) compiled.registerFunction(name, fn, signature)
  return compiled
}
