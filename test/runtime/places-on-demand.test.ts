/**
 * A manifest's places (file:line:column of a step, an expression) are worked out for errors only: a call that
 * succeeds never asks for one, so a build without its places (every provider, pasted manifests) parses no YAML for
 * it, and a build with them looks none up. Real HTTP to the Zendesk fixture's stand-in, the plan loaded as a bundle
 * loads it (validated at build: loadValidated).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadManifest, loadValidated } from '../../src/manifest/load'
import { SourceMap } from '../../src/manifest/problems'
import { partsRead } from '../../src/manifest/reads-scope'
import { ProviderRuntime } from '../../src/runtime/provider'
import { fill, loadFixtures } from '../../testkit/fixture'
import { HelpdeskStandIn } from '../../testkit/helpdesk'

const helpdesk = new HelpdeskStandIn()
beforeAll(() => helpdesk.start())
afterAll(() => helpdesk.stop())
afterEach(() => vi.restoreAllMocks())

function zendesk() {
  const file = 'providers/zendesk.yaml'
  const text = readFileSync(join(__dirname, '..', '..', file), 'utf8')
  const f = fill(
    loadFixtures().find((x) => x.provider === 'zendesk')!,
    {
      files: helpdesk.filesUrl,
      storage: `${helpdesk.storageUrl}/_downloads`,
      webhookUrl: 'https://webhook.botpress.cloud/wh',
      helpdesk: helpdesk.url,
    }
  )
  helpdesk.answer(f.routes)
  // A file of its own: the plan cache holds none compiled before the spy.
  const plan = loadValidated({ file: `${file}#places`, text, manifest: loadManifest(text, file).manifest })
  const config = { ...f.configuration, apiBaseUrl: `${helpdesk.url}${f.apiPath ?? ''}` }
  return { f, runtime: new ProviderRuntime(plan, { config, state: {}, env: { webhookUrl: 'https://x' } }) }
}

describe('places', () => {
  it('are not worked out by calls that succeed, and are by one that fails', async () => {
    const { f, runtime } = zendesk()
    const place = vi.spyOn(SourceMap.prototype, 'place')
    const user = { id: 'user_1', ...(await runtime.createUser(f.createUser.input, { id: 'user_1' })) }
    const session = await runtime.startHitl({ title: 'Late order' }, { ...user, id: user.externalId }, [], () => ({
      kind: 'bot',
      id: 'bot',
    }))
    await runtime.sendMessage('text', { text: 'Order 1234' }, { kind: 'bot', id: 'bot' }, undefined, session)
    // What the binding asks before a call (whether its parts read what registration kept) walks steps and matchers.
    expect(partsRead(runtime.plan, 'every part', ['state'], (p) => [p])).toBe(true)
    expect(place).not.toHaveBeenCalled()

    // A user the helpdesk answers without an id: the error says where the manifest reads it.
    helpdesk.on('POST', '/api/v2/users/create_or_update.json', () => ({ body: { user: {} } }))
    await expect(runtime.createUser(f.createUser.input, { id: 'user_2' })).rejects.toThrow(
      /^providers\/zendesk\.yaml#places:\d+:\d+ actions\.createUser\.result\.externalId: the external user id is empty$/
    )
    expect(place).toHaveBeenCalled()
  })
})
