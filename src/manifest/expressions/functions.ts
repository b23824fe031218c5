/** The helpers a manifest can call beside JSONata's own functions. */
import { createHash } from 'node:crypto'
import { escapeHtml, htmlToText } from '../html'

export const helpers: Record<string, { fn: (s?: string) => string | undefined; signature: string }> = {
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
}
