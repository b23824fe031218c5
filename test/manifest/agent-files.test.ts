/**
 * An agent's files reach the end user on every provider: each bundled manifest's matchers that map an agent's text
 * map its attachments too, or say why the helpdesk gives none (attachmentsUnavailable), so the next helpdesk added
 * cannot leave them out in silence. (Each provider's fixture proves them delivered: test/providers.test.ts.)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBundle } from '../../build/providers'
import { ProviderCatalog } from '../../src/botpress/providers'
import { loadManifest } from '../../src/manifest/load'
import type { Plan } from '../../src/manifest/plan'

/** The matchers of a plan that relay an agent's text but neither its files nor why not, one line each. */
function silentOnFiles(plan: Plan): string[] {
  return plan.events.matchers
    .filter((m) => m.message?.text && !m.message.attachments && !m.message.attachmentsUnavailable)
    .map((m) => `${plan.manifest.id}: matcher ${m.name} relays an agent's text but not its attachments`)
}

describe("an agent's files", () => {
  it('are mapped, or said to be unavailable, by every bundled manifest', () => {
    const catalog = new ProviderCatalog(readBundle(''))
    expect(catalog.plans.length).toBeGreaterThan(10)
    expect(catalog.plans.flatMap(silentOnFiles)).toEqual([])
  })

  it('are caught when a manifest leaves them out, and accepted when it maps them or says why', () => {
    const tiny = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
    const message = 'message: { id: $string(event.id), text: event.text }'
    expect(tiny).toContain(message)
    const variant = (replacement: string) => loadManifest(tiny.replace(message, replacement), 'tiny-desk.yaml')
    expect(silentOnFiles(variant(message))).toEqual([
      "tiny-desk: matcher reply relays an agent's text but not its attachments",
    ])
    const mapped = 'message: { id: $string(event.id), text: event.text, attachments: "event.files.{ \'url\': url }" }'
    expect(silentOnFiles(variant(mapped))).toEqual([])
    const said =
      'message: { id: $string(event.id), text: event.text, attachmentsUnavailable: "Tiny Desk sends no files and has no API to read them." }'
    expect(silentOnFiles(variant(said))).toEqual([])
  })
})
