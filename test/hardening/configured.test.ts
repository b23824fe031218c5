/**
 * What the calls of one configuration share (src/runtime/configured.ts: the configuration checked, where the
 * deployment's secrets may go, the HTTP base), made once per configuration and kept by the catalog: attacked over
 * HTTP as tenants would meet it, several at once, against the integration served as the playground serves it; and
 * the rules it keeps (nothing of a call in it, a failure not kept, a base that reads a call's state never shared).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startPlayground, type Playground } from '../../playground/playground'
import { loadManifest } from '../../src/manifest/load'
import { Configured, type HttpBase } from '../../src/runtime/configured'
import { ProviderRuntime } from '../../src/runtime/provider'
import { BotpressCaller, overHttp } from '../../testkit/botpress-caller'
import { HelpdeskStandIn } from '../../testkit/helpdesk'

const TINY = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')

let pg: Playground
/** Two deployments of the tiny desk's API: a tenant moves from one to the other by its configuration. */
const desk = new HelpdeskStandIn()
const other = new HelpdeskStandIn()

beforeAll(async () => {
  pg = await startPlayground({ port: 0, log: () => {} })
  for (const api of [desk, other]) {
    await api.start()
    let customers = 0
    api
      // The token names the client secret it was granted for: each request's own says whose credentials it carries.
      .on('POST', '/api/oauth/token', (r) => ({
        body: { access_token: `tok-of-${r.form?.client_secret}`, expires_in: 3600 },
      }))
      .on('POST', '/api/customers', () => ({ status: 201, body: { id: `cust-${++customers}` } }))
  }
})

afterAll(async () => {
  await pg?.stop()
  await desk.stop()
  await other.stop()
})

afterEach(() => {
  expect(pg.botpress.violations).toEqual([])
})

/** A tenant with the tiny desk pasted, on `api`, its client secret its own. */
function tenant(botId: string, secret: string, api = desk) {
  return new BotpressCaller(overHttp(pg.integrationUrl), pg.botpress, configuration(secret, api), null, {
    botId,
    integrationId: `intver_${botId}`,
    webhookId: `wh_${botId}`,
  })
}
const configuration = (secret: string, api: HelpdeskStandIn) => ({
  manifest: TINY,
  settings: { clientId: 'cid', clientSecret: secret, webhookToken: 'hook-token-1234' },
  apiBaseUrl: `${api.url}/api`,
})
const createUser = (bp: BotpressCaller, name: string) =>
  bp.call('action_triggered', { type: 'createUser', input: { name } }, 'createUser')
/** The tokens the customers created under `name` were sent with. */
const tokensFor = (api: HelpdeskStandIn, name: string) =>
  api
    .calls('POST', /\/api\/customers$/)
    .filter((c) => c.json?.name === name)
    .map((c) => c.headers.authorization)

describe('the calls of one configuration', () => {
  it('each carry their own tenant’s credentials, two tenants calling at once', async () => {
    const a = tenant('bot_cfg_a', 'secret-a')
    const b = tenant('bot_cfg_b', 'secret-b')
    const calls = Array.from({ length: 12 }, (_, i) => (i % 2 ? createUser(b, 'b-user') : createUser(a, 'a-user')))
    for (const answer of await Promise.all(calls)) expect(answer.status).toBe(200)
    expect(tokensFor(desk, 'a-user')).toEqual(Array(6).fill('Bearer tok-of-secret-a'))
    expect(tokensFor(desk, 'b-user')).toEqual(Array(6).fill('Bearer tok-of-secret-b'))
  })

  it('follow the configuration as soon as the bot builder changes it: new credentials, another API', async () => {
    const bp = tenant('bot_cfg_moves', 'secret-first')
    expect((await createUser(bp, 'before-move')).status).toBe(200)
    bp.configuration = configuration('secret-second', desk)
    expect((await createUser(bp, 'new-secret')).status).toBe(200)
    bp.configuration = configuration('secret-second', other)
    expect((await createUser(bp, 'moved')).status).toBe(200)
    expect(tokensFor(desk, 'before-move')).toEqual(['Bearer tok-of-secret-first'])
    expect(tokensFor(desk, 'new-secret')).toEqual(['Bearer tok-of-secret-second'])
    expect(tokensFor(other, 'moved')).toEqual(['Bearer tok-of-secret-second'])
    expect(tokensFor(desk, 'moved')).toEqual([])
  })

  it('are refused a configuration that fails its fields on every call, none of it kept', async () => {
    const bp = tenant('bot_cfg_bad', 'secret-bad')
    bp.configuration = { ...configuration('secret-bad', desk), settings: { clientId: 'cid' } }
    for (let i = 0; i < 2; i++) {
      const answer = await createUser(bp, 'never')
      expect(answer.status).toBe(400)
      expect(answer.body.message).toContain('clientSecret')
    }
    bp.configuration = configuration('secret-bad', desk)
    expect((await createUser(bp, 'mended')).status).toBe(200)
    expect(tokensFor(desk, 'never')).toEqual([])
  })
})

describe('what a configuration shares', () => {
  const base = (text: string) => loadManifest(text, 'tiny-desk.yaml')
  const env = { webhookUrl: 'https://webhook.botpress.cloud/wh' }
  const config = { clientId: 'cid', clientSecret: 'shared-secret', webhookToken: 'hook-token-1234' }
  const made = (url: string): HttpBase => ({ url: new URL(url), headers: [], hosts: new Map(), fileHosts: [] })

  it('is frozen: no call changes it for another', () => {
    const configured = new Configured(base(TINY), { ...config }, { DEPLOYMENT: 'deployment-secret' }, env)
    for (const value of [configured.config, configured.secrets, configured.env, configured.secretValues])
      expect(Object.isFrozen(value)).toBe(true)
    expect(() => ((configured.config as Record<string, unknown>).clientSecret = 'changed')).toThrow(TypeError)
  })

  it('keeps nothing of a call: each runtime has its own state and redactor', async () => {
    const configured = new Configured(base(TINY), config, {}, env)
    const one = new ProviderRuntime(configured.plan, { configured, state: { accessToken: 'state-token-one' } })
    const two = new ProviderRuntime(configured.plan, { configured, state: {} })
    expect(one.redactor).not.toBe(two.redactor)
    // What one call learns (what registration kept, a session's token) is redacted from that call's texts alone.
    one.keepSecretsOf({ sessionToken: 'session-token-of-one' })
    expect(one.redactor.redact('state-token-one session-token-of-one')).toBe('*** ***')
    expect(two.redactor.redact('state-token-one session-token-of-one')).toBe('state-token-one session-token-of-one')
    // The configuration's secret fields, every call's.
    expect(two.redactor.redact('shared-secret')).toBe('***')
  })

  it('shares the HTTP base where it reads the configuration alone, and keeps no failure', async () => {
    const configured = new Configured(base(TINY), config, {}, env)
    let makes = 0
    const first = await configured.base(async () => (makes++, made('https://one.example/api')))
    const again = await configured.base(async () => (makes++, made('https://two.example/api')))
    expect(again).toBe(first)
    expect(makes).toBe(1)
    // Checked again under another network policy (the same process out of local use: test/hardening/attacks.test.ts).
    const local = process.env.HITL_ALLOW_LOCAL_NETWORK
    process.env.HITL_ALLOW_LOCAL_NETWORK = '0'
    try {
      expect((await configured.base(async () => (makes++, made('https://three.example/api')))).url.host).toBe(
        'three.example'
      )
    } finally {
      process.env.HITL_ALLOW_LOCAL_NETWORK = local
    }
    expect(makes).toBe(2)
    const failing = new Configured(base(TINY), config, {}, env)
    await expect(failing.base(() => Promise.reject(new Error('no DNS answer')))).rejects.toThrow('no DNS answer')
    expect((await failing.base(async () => made('https://later.example/api'))).url.host).toBe('later.example')
  })

  it('never shares a base that reads what registration kept: each call works out its own', async () => {
    const readsState = TINY.replace(
      'baseUrl: https://tiny-desk.example/api',
      'baseUrl: "https://{{ state.region }}.tiny-desk.example/api"'
    ).replace(
      'model: ticket',
      'model: ticket\nlifecycle:\n  register:\n    steps:\n      - { name: ping, request: { method: GET, path: /ping } }\n    store: { region: "eu" }'
    )
    const configured = new Configured(base(readsState), config, {}, env)
    // Both names answered without DNS (local use, as the playground runs: src/runtime/network.ts, HITL_RESOLVE).
    process.env.HITL_RESOLVE = 'eu.tiny-desk.example=127.0.0.1,us.tiny-desk.example=127.0.0.1'
    const hosts = await Promise.all(
      ['eu', 'us'].map((region) =>
        new ProviderRuntime(configured.plan, { configured, state: { region } }).http.baseUrl().then((u) => u.host)
      )
    ).finally(() => delete process.env.HITL_RESOLVE)
    expect(hosts).toEqual(['eu.tiny-desk.example', 'us.tiny-desk.example'])
  })
})
