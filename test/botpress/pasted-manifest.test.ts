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
