/**
 * The deployment's secrets (`secrets:` in a bundled manifest, set with bp deploy --secrets NAME=value, handed to the
 * integration as SECRET_<NAME>): declared in the definition, read as secrets.<NAME> in templates, redacted, never in a
 * URL; a pasted manifest may not declare them, since it could send them anywhere.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { buildDefinition } from '../../src/botpress/definition'
import { configurationName } from '../../src/botpress/names'
import { ProviderCatalog } from '../../src/botpress/providers'
import { loadManifest, ManifestError } from '../../src/manifest/load'
import type { Manifest } from '../../src/manifest/types'
import { ProviderRuntime } from '../../src/runtime/provider'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()
const TINY = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')

/** tiny-desk with its OAuth app's credentials taken from the deployment's secrets. */
function withSecrets(edit: (m: any) => void = () => {}): string {
  const m = parse(TINY)
  m.secrets = {
    TINY_CLIENT_ID: { description: 'Client id of the app.' },
    TINY_CLIENT_SECRET: { description: 'Its secret.' },
  }
  m.http.auth.clientId = '{{ secrets.TINY_CLIENT_ID }}'
  m.http.auth.clientSecret = '{{ secrets.TINY_CLIENT_SECRET }}'
  edit(m)
  return stringify(m)
}
const problemsOf = (text: string, options = {}) => {
  try {
    loadManifest(text, 'providers/tiny-desk.yaml', options)
  } catch (err) {
    if (err instanceof ManifestError) return err.problems.map((p) => `${p.path}: ${p.message}`)
    throw err
  }
  return []
}

afterEach(() => {
  delete process.env.SECRET_TINY_CLIENT_ID
  delete process.env.SECRET_TINY_CLIENT_SECRET
})

describe("the deployment's secrets", () => {
  it('are declared before use, and never go into a URL', () => {
    expect(problemsOf(withSecrets())).toEqual([])
    expect(problemsOf(withSecrets((m) => (m.http.auth.clientId = '{{ secrets.OTHER }}')))).toEqual([
      'http.auth.clientId: secrets.OTHER is not a declared secret (secrets: TINY_CLIENT_ID, TINY_CLIENT_SECRET)',
    ])
    expect(
      problemsOf(withSecrets((m) => (m.actions.startHitl.steps[0].request.path = '/q/{{ secrets.TINY_CLIENT_ID }}')))
    ).toEqual([
      'actions.startHitl.steps[0].request.path: secrets.TINY_CLIENT_ID must not go into a URL (use a header or the auth block)',
    ])
  })

  it('are refused in a pasted manifest, with the place of the declaration', async () => {
    expect(problemsOf(withSecrets(), { pasted: true })).toEqual([
      "secrets: a pasted manifest cannot declare secrets (the deployment's): put its credentials in settings",
    ])
    process.env.SECRET_TINY_CLIENT_SECRET = 'deployment-secret-1'
    const bp = caller(ctx, { manifest: withSecrets(), settings: {}, apiBaseUrl: `${ctx.helpdesk.url}/api` }, null)
    await expect(bp.action('createUser', { name: 'Ada' })).rejects.toThrow(/a pasted manifest cannot declare secrets/)
    expect(ctx.helpdesk.calls()).toEqual([])
  })

  it('reach a bundled manifest from SECRET_<NAME>, go where the manifest puts them, and are redacted', async () => {
    process.env.SECRET_TINY_CLIENT_ID = 'app-id-7'
    process.env.SECRET_TINY_CLIENT_SECRET = 'deployment-secret-2'
    const text = withSecrets()
    const manifest = parse(text) as Manifest
    const catalog = new ProviderCatalog({ providers: [{ file: 'providers/tiny-desk.yaml', text, manifest }] })
    const { plan, config, secrets } = catalog.select(configurationName('tiny-desk'), {
      apiBaseUrl: `${ctx.helpdesk.url}/api`,
    })
    expect(secrets).toEqual({ TINY_CLIENT_ID: 'app-id-7', TINY_CLIENT_SECRET: 'deployment-secret-2' })
    ctx.helpdesk.on('POST', '/api/oauth/token', () => ({ status: 401, body: { error: 'invalid_client' } }))
    const runtime = new ProviderRuntime(plan, { config, secrets, state: {}, env: { webhookUrl: 'https://x' } })
    const failure = await runtime.createUser({ name: 'Ada' }, { id: 'u1' }).catch((e: Error) => e)
    const [token] = ctx.helpdesk.calls('POST', /oauth\/token/)
    expect(token!.form).toMatchObject({ client_id: 'app-id-7', client_secret: 'deployment-secret-2' })
    expect(String(failure)).toMatch(/OAuth2 token request to .* failed: HTTP 401 \(invalid_client\)/)
    expect(runtime.redactor.redact('leaked deployment-secret-2')).toBe('leaked ***')
  })

  it('are declared, optional, in the definition of every build that carries the manifest', () => {
    const plan = loadManifest(withSecrets(), 'providers/tiny-desk.yaml')
    const def = buildDefinition([plan], plan)
    expect(def.secrets).toEqual({
      TINY_CLIENT_ID: { optional: true, description: 'Client id of the app. (Tiny Desk)' },
      TINY_CLIENT_SECRET: { optional: true, description: 'Its secret. (Tiny Desk)' },
    })
  })
})
