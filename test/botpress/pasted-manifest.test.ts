/**
 * A manifest pasted into the configuration is checked by the bundle exactly as `npm run validate` checks a file:
 * the bundle carries the schema's validator as code generated at build time, and it must report the same
 * problems, at the same places, as the validator compiled from the schema at run time.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadManifest, ManifestError } from '../../src/manifest/load'
import { formatProblem } from '../../src/manifest/problems'
import { PASTED_MANIFEST_FILE } from '../../src/botpress/providers'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()
const TINY = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')

const broken = {
  'a misspelt field': TINY.replace('model: ticket', 'model: ticket\ntitel: typo'),
  'a value outside its enum': TINY.replace('model: ticket', 'model: chat'),
  'an unknown auth type': TINY.replace('type: oauth2ClientCredentials', 'type: digest'),
  'a missing field and a bad step name': TINY.replace('title: Tiny Desk\n', '').replace(
    'name: createCustomer',
    'name: create-customer'
  ),
  'an expression that does not compile': TINY.replace(
    'capture: { customerId: response.body.id }',
    'capture: { customerId: "response.body.id +" }'
  ),
}

describe('a pasted manifest, checked by the bundle', () => {
  for (const [what, text] of Object.entries(broken)) {
    it(`refuses ${what} with the same placed problems as the source loader`, async () => {
      let expected: string[] = []
      try {
        loadManifest(text, PASTED_MANIFEST_FILE)
      } catch (err) {
        expected = (err as ManifestError).problems.map(formatProblem)
      }
      expect(expected.length, 'the case is broken for the source loader too').toBeGreaterThan(0)
      const bp = caller(
        ctx,
        { manifest: text, settings: { clientId: 'c', clientSecret: 's', webhookToken: 't' } },
        null
      )
      const res = await bp.call('action_triggered', { type: 'createUser', input: { name: 'Ada' } }, 'createUser')
      expect(res.status).toBe(400)
      expect(res.body.message).toBe(`The provider manifest is invalid:\n${expected.join('\n')}`)
    })
  }
})

describe('a pasted manifest, loaded once', () => {
  it('keeps a failure by its text as it keeps a plan: the same text is not loaded again', async () => {
    const { failedPastes, loadPasted, planCache } = await import('../../src/manifest/load')
    const bad = `${TINY}\n# ${Date.now()}\ntitel: typo\n`
    const refused = (p: Promise<unknown>) =>
      p.then(
        () => expect.fail('loaded'),
        (e: ManifestError) => e
      )
    const first = await refused(loadPasted(bad, PASTED_MANIFEST_FILE, 'bot:a'))
    const kept = failedPastes.size
    const second = await refused(loadPasted(bad, PASTED_MANIFEST_FILE, 'bot:b'))
    // The very problems the first load found (a second load would have made new ones).
    expect(second.problems).toBe(first.problems)
    expect(failedPastes.size).toBe(kept)
    const good = `${TINY}\n# ${Date.now()}\n`
    const plan = await loadPasted(good, PASTED_MANIFEST_FILE, 'bot:a')
    expect(await loadPasted(good, PASTED_MANIFEST_FILE, 'bot:c')).toBe(plan)
    expect(planCache.weight, 'weighed by the texts it holds').toBeGreaterThanOrEqual(good.length)
  })
})

describe('a pasted manifest’s settings', () => {
  it('are named when missing, before anything is sent to the helpdesk', async () => {
    const before = ctx.helpdesk.calls().length
    const bp = caller(ctx, { manifest: TINY, settings: {}, apiBaseUrl: `${ctx.helpdesk.url}/api` }, null)
    const res = await bp.call('action_triggered', { type: 'createUser', input: { name: 'Ada' } }, 'createUser')
    expect(res.status).toBe(400)
    expect(res.body.message).toBe(
      'The Tiny Desk configuration is invalid:\n- setting clientId (Client id) is missing\n- setting clientSecret (Client secret) is missing\n- setting webhookToken (Webhook token) is missing'
    )
    expect(ctx.helpdesk.calls().length).toBe(before)
  })
})
