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
    TINY_CLIENT_ID: { description: 'Client id of the app.', hosts: ['tiny-desk.example'] },
    TINY_CLIENT_SECRET: { description: 'Its secret.', hosts: ['tiny-desk.example'] },
  }
  m.configuration.clientId.required = false
  m.configuration.clientSecret.required = false
  // As Zendesk's: the bot's own OAuth client when it gives one, else the deployment's.
  m.http.auth.clientId = '{{ config.clientId ? config.clientId : secrets.TINY_CLIENT_ID }}'
  m.http.auth.clientSecret = '{{ config.clientSecret ? config.clientSecret : secrets.TINY_CLIENT_SECRET }}'
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
  delete process.env.HITL_RESOLVE
})

/** The bundled tiny-desk, selected with this configuration, as a runtime of the call. */
async function tinyRuntime(configuration: Record<string, unknown>) {
  const text = withSecrets()
  const manifest = parse(text) as Manifest
  const catalog = new ProviderCatalog({ providers: [{ file: 'providers/tiny-desk.yaml', text, manifest }] })
  const { plan, config, secrets } = await catalog.select(configurationName('tiny-desk'), {
    webhookToken: 'hook-token-1',
    ...configuration,
  })
  return {
    secrets,
    runtime: new ProviderRuntime(plan, { config, secrets, state: {}, env: { webhookUrl: 'https://x' } }),
  }
}

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
    // The stand-in, reached under the manifest's own host name (local use: HITL_RESOLVE).
    process.env.HITL_RESOLVE = 'tiny-desk.example=127.0.0.1'
    const { secrets, runtime } = await tinyRuntime({
      apiBaseUrl: `http://tiny-desk.example:${new URL(ctx.helpdesk.url).port}/api`,
    })
    expect(secrets).toEqual({ TINY_CLIENT_ID: 'app-id-7', TINY_CLIENT_SECRET: 'deployment-secret-2' })
    ctx.helpdesk.on('POST', '/api/oauth/token', () => ({ status: 401, body: { error: 'invalid_client' } }))
    const failure = await runtime.createUser({ name: 'Ada' }, { id: 'u1' }).catch((e: Error) => e)
    const [token] = ctx.helpdesk.calls('POST', /oauth\/token/)
    expect(token!.form).toMatchObject({ client_id: 'app-id-7', client_secret: 'deployment-secret-2' })
    expect(String(failure)).toMatch(/OAuth2 token request to .* failed: HTTP 401 \(invalid_client\)/)
    expect(runtime.redactor.redact('leaked deployment-secret-2')).toBe('leaked ***')
  })

  it('go only to the hosts the manifest names for them, whatever host a configuration chooses', async () => {
    process.env.SECRET_TINY_CLIENT_ID = 'app-id-7'
    process.env.SECRET_TINY_CLIENT_SECRET = 'deployment-secret-3'
    const before = ctx.helpdesk.calls().length
    // A tenant's apiBaseUrl moves the token endpoint to a host of its choosing (here this machine).
    const { runtime } = await tinyRuntime({ apiBaseUrl: `${ctx.helpdesk.url}/api` })
    const failure = await runtime.createUser({ name: 'Ada' }, { id: 'u1' }).catch((e: Error) => e.message)
    expect(failure).toBe(
      "OAuth2 token: refused to send secrets.TINY_CLIENT_ID (the deployment's) to 127.0.0.1: the manifest allows it only to tiny-desk.example. A configuration that points elsewhere must bring its own credentials."
    )
    expect(ctx.helpdesk.calls().slice(before), 'nothing reached the other host').toEqual([])
    // Its own client goes where it likes: the deployment's is not in the request.
    const own = await tinyRuntime({
      apiBaseUrl: `${ctx.helpdesk.url}/api`,
      clientId: 'own-id',
      clientSecret: 'own-secret',
    })
    ctx.helpdesk.on('POST', '/api/oauth/token', () => ({ body: { access_token: 'own-token', expires_in: 60 } }))
    ctx.helpdesk.on('POST', '/api/customers', () => ({ status: 201, body: { id: 'c-own' } }))
    expect((await own.runtime.createUser({ name: 'Ada' }, { id: 'u2' })).externalId).toBe('c-own')
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
