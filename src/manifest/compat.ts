/**
 * Manifests written before `inbound` and `events` (one `webhook:` block held both) are still read: the block is
 * split as the language now says, before the schema sees it, and the manifest is told so once (a deprecation note,
 * placed; `npm run validate` prints it). Problems found in such a manifest point at its own lines (./problems.ts).
 */
import type { ManifestPath } from './problems'

const INBOUND_KEYS = ['verify', 'handshakes', 'format', 'manualSetup']

export const WEBHOOK_DEPRECATION =
  'deprecated, still read: write inbound: { type: webhook, verify, handshakes, format, manualSetup } and events: { split (was webhook.events), matchers, settleSeconds }'

/** The manifest in today's shape, and where it was not (the place of its old block), if it was not. */
export function currentShape(value: unknown): { value: unknown; deprecated?: ManifestPath } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { value }
  const { webhook, ...rest } = value as Record<string, unknown>
  if (!webhook || typeof webhook !== 'object' || Array.isArray(webhook) || 'inbound' in rest || 'events' in rest)
    return { value }
  const inbound: Record<string, unknown> = { type: 'webhook' }
  const events: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(webhook)) {
    if (INBOUND_KEYS.includes(key)) inbound[key] = v
    else events[key === 'events' ? 'split' : key] = v
  }
  return { value: { ...rest, inbound, events }, deprecated: ['webhook'] }
}
