/**
 * A call reads from Botpress only what its part of the manifest may use: a message reads what registration kept
 * only when the messages (or the HTTP settings) read `state` or it holds a secret (test/hardening/secrets.test.ts),
 * and what startHitl kept only when they read `session.data`; every session still runs (test/providers.test.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBundle } from '../../build/providers'
import { ProviderCatalog } from '../../src/botpress/providers'
import { loadManifest } from '../../src/manifest/load'
import { compiledParts, partsRead } from '../../src/manifest/reads-scope'
import { botpressCalls } from '../../testkit/botpress-calls'
import { TEST_BUNDLE } from '../support/botpress'

const messageParts = (plan: ReturnType<typeof loadManifest>) => [plan.http, plan.messages]
const sandbox = readFileSync(join(__dirname, '..', '..', 'providers', 'sandbox.yaml'), 'utf8')

describe('what a message reads from Botpress', () => {
  it('is worked out over every template a bundled manifest runs (none hidden from the walk)', () => {
    for (const plan of new ProviderCatalog(readBundle('')).plans) {
      const { manifest, ...compiled } = plan
      // The walk the binding's partsRead takes.
      const reachable = new Set([...compiledParts(compiled)].map((part) => part.source))
      const templates: string[] = []
      const collect = (v: unknown, key = ''): void => {
        // manualSetup is a text for people, with {{webhookUrl}} filled in; it is never run.
        if (key === 'manualSetup') return
        if (typeof v === 'string' && v.includes('{{')) templates.push(v)
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k)
      }
      collect(manifest)
      expect(
        templates.filter((t) => !reachable.has(t)),
        plan.manifest.id
      ).toEqual([])
    }
  })

  it('is known from the manifest: state and session.data only where the messages read them', () => {
    const plain = loadManifest(sandbox, 'providers/sandbox.yaml')
    expect(partsRead(plain, 'message', ['state'], messageParts)).toBe(false)
    const reading = loadManifest(
      sandbox.replace('text: "{{ message.text }}"', 'text: "{{ message.text & state.webhookId }}"'),
      'providers/sandbox.yaml'
    )
    expect(partsRead(reading, 'message', ['state'], messageParts)).toBe(true)
    const zendesk = loadManifest(readFileSync(join(__dirname, '..', '..', 'providers', 'zendesk.yaml'), 'utf8'), 'z')
    expect(partsRead(zendesk, 'message', ['session', 'data'], messageParts)).toBe(true)
    expect(partsRead(zendesk, 'message', ['session', 'other'], messageParts)).toBe(false)
  })

  it('leaves out what registration kept unless the messages read it, and what the conversation carries', async () => {
    process.env.HITL_ALLOW_LOCAL_NETWORK = '1'
    // Zoho Desk keeps a webhook id its messages never read. Zendesk keeps its signing secret, which the redactor
    // learns only when a failure is about to leave the call (test/hardening/secrets.test.ts), its bot messages read
    // what startHitl kept from the conversation's data tag, and its matchers recognise its own posts
    // (events.echoes: matchers): a message reads the end user and acks, nothing else.
    const [zoho] = await botpressCalls(TEST_BUNDLE, 'zoho-desk')
    expect(zoho!.which.filter((w) => /lifecycle|hitlSession/.test(w))).toEqual([])
    const [zendeskOut, zendeskIn] = await botpressCalls(TEST_BUNDLE, 'zendesk')
    expect(zendeskOut!.which).toEqual(['getUser', 'updateMessage'])
    // A reply while the session settles too: its landing time is worked out, not read from Botpress.
    expect(zendeskIn!.which.map((w) => w.replace(/ .*\//, ' '))).toEqual([
      'getState lifecycle',
      'listConversations',
      'getOrCreateUser',
      'getOrCreateMessage',
    ])
    expect(zoho!.which).toContain('updateMessage')
  })
})
