/**
 * Trust, round two (issue 19): attacked over HTTP as a hostile bot builder would, several tenants (bots) at once,
 * against the integration served as the playground serves it (src/serve.ts, with the Botpress API stand-in).
 * Each case failed before its fix: the deployment's secrets reached a host a tenant chose; a configuration value
 * broke out of its field; pasted manifests were parsed on the main thread, their failures again on every call, and
 * a worker's answer had no bound; trivial pasted calls were killed while another tenant flooded; one bot with many
 * installations had as many turns; Connect compared only hosts; a DNS answer could change between check and
 * connection. (Exactly once across instances: ./instances.test.ts.)
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startPlayground, type Playground } from '../../playground/playground'
import { BotpressCaller, overHttp } from '../../testkit/botpress-caller'
import { HelpdeskStandIn } from '../../testkit/helpdesk'

const TINY = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
/** A liveness bound for the other tenants while one misbehaves: generous, it says "not frozen", not "fast". */
const SERVED_WITHIN_MS = 10_000
const DEPLOYMENT = { id: 'deployment-client-id-7f3a', secret: 'deployment-client-secret-9c1e' }
/** node:dns as the bundle loaded in this process calls it (its lookup is read at each call). */
const dns = createRequire(__filename)('node:dns') as { lookup: (...args: unknown[]) => void }

let pg: Playground
/** Zendesk's API, as a tenant's proxy or stand-in would answer it. */
const zendesk = new HelpdeskStandIn()
/** A host a hostile tenant points its configuration at: it must never see the deployment's secrets. */
const attacker = new HelpdeskStandIn()
/** The API of the pasted tiny-desk manifest (test/fixtures/manifests/tiny-desk.yaml). */
const desk = new HelpdeskStandIn()
let account = 'acme'

beforeAll(async () => {
  pg = await startPlayground({ port: 0, log: () => {} })
  await zendesk.start()
  await attacker.start()
  await desk.start()
  let customers = 0
  desk
    .on('POST', '/api/oauth/token', () => ({ body: { access_token: `tok-${Date.now()}`, expires_in: 3600 } }))
    .on('POST', '/api/customers', () => ({ status: 201, body: { id: `cust-${++customers}` } }))
  attacker.on('POST', '/oauth/tokens', () => ({ body: { access_token: 'stolen', expires_in: 3600 } }))
  zendesk
    .on('POST', '/oauth/tokens', () => ({
      body: { access_token: `zd-access-${account}`, refresh_token: `zd-refresh-${account}`, expires_in: 1800 },
    }))
    .on('GET', '/api/v2/users/me.json', () => ({
      body: { user: { id: 42, name: 'API agent', url: `https://${account}.zendesk.com/api/v2/users/42.json` } },
    }))
    .on('POST', '/api/v2/webhooks', () => ({ status: 201, body: { webhook: { id: 'wh-1' } } }))
    .on('GET', '/api/v2/webhooks/:id/signing_secret', () => ({ body: { signing_secret: { secret: 'zd-signing' } } }))
    .on('DELETE', '/api/v2/webhooks/:id', () => ({ status: 204 }))
  process.env.SECRET_ZENDESK_CLIENT_ID = DEPLOYMENT.id
  process.env.SECRET_ZENDESK_CLIENT_SECRET = DEPLOYMENT.secret
})

afterAll(async () => {
  delete process.env.SECRET_ZENDESK_CLIENT_ID
  delete process.env.SECRET_ZENDESK_CLIENT_SECRET
  delete process.env.HITL_RESOLVE
  await pg?.stop()
  await zendesk.stop()
  await attacker.stop()
  await desk.stop()
})

afterEach(() => {
  expect(pg.botpress.violations).toEqual([])
})

/** A tenant: a bot (and an installation) of its own, calling the integration over HTTP as Botpress does. */
function tenant(
  configuration: Record<string, unknown>,
  configurationType: string | null,
  botId: string,
  integrationId = `intver_${botId}`
) {
  return new BotpressCaller(overHttp(pg.integrationUrl), pg.botpress, configuration, configurationType, {
    botId,
    integrationId,
    webhookId: `wh_${integrationId}`,
  })
}
const pasted = (manifest: string, botId: string, integrationId?: string) =>
  tenant(
    {
      manifest,
      settings: { clientId: 'cid', clientSecret: `secret-of-${botId}`, webhookToken: 'hook-token-1234' },
      apiBaseUrl: `${desk.url}/api`,
    },
    null,
    botId,
    integrationId
  )
/** tiny-desk with the createUser capture replaced. */
const withCapture = (expression: string) =>
  TINY.replace('capture: { customerId: response.body.id }', `capture: { customerId: ${JSON.stringify(expression)} }`)
const page = (bp: BotpressCaller, method: 'GET' | 'POST', path: string, query = '') =>
  bp.webhook({ method, path, query, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })
/** Everything a stand-in was sent, as one text. */
const seen = (desk: HelpdeskStandIn) => JSON.stringify(desk.calls())

describe("the deployment's secrets", () => {
  it('never reach a host a tenant chose: its own OAuth client is asked for, on the Connect page', async () => {
    const before = attacker.calls().length
    const evil = tenant({ subdomain: 'acme', apiBaseUrl: `${attacker.url}/api/v2` }, 'zendesk', 'bot_evil_host')
    const connect = await page(evil, 'GET', '/oauth/start')
    expect(connect.status).toBe(403)
    expect(connect.body).toContain('Enter your own OAuth client id and secret')
    const started = await page(evil, 'POST', '/oauth/start')
    expect(started.headers.location, 'not sent to the attacker with the deployment client').toBeUndefined()
    expect(started.body).toContain('refused to send secrets.ZENDESK_CLIENT_ID')
    expect(started.body).toContain('to 127.0.0.1: the manifest allows it only to *.zendesk.com')
    // The same tenant with a client of its own connects where it likes: nothing of the deployment's goes along.
    const own = tenant(
      { subdomain: 'acme', apiBaseUrl: `${attacker.url}/api/v2`, clientId: 'own-id', clientSecret: 'own-secret' },
      'zendesk',
      'bot_own_client'
    )
    const ownStart = await page(own, 'POST', '/oauth/start')
    expect(ownStart.status).toBe(302)
    expect(new URL(ownStart.headers.location!).searchParams.get('client_id')).toBe('own-id')
    expect(attacker.calls().length, 'no request reached the attacker').toBe(before)
  })

  it('are refused a subdomain that would move the host, with the field named, before anything is sent', async () => {
    const port = new URL(attacker.url).port
    const before = attacker.calls().length
    const evil = tenant({ subdomain: `127.0.0.1:${port}/x?` }, 'zendesk', 'bot_evil_subdomain')
    const connect = await page(evil, 'GET', '/oauth/start')
    expect(connect.status).toBe(500)
    expect(connect.body.error).toContain(
      `configuration field subdomain (Subdomain) must match ^[a-z0-9][a-z0-9-]*$ (given "127.0.0.1:${port}/x?")`
    )
    const action = await evil.call('action_triggered', { type: 'createUser', input: { name: 'Eve' } }, 'createUser')
    expect(action.status).toBe(400)
    expect(action.body.message).toContain('configuration field subdomain (Subdomain) must match')
    expect(attacker.calls().length).toBe(before)
    expect(seen(attacker)).not.toContain(DEPLOYMENT.secret)
    expect(seen(attacker)).not.toContain(DEPLOYMENT.id)
  })

  it("go to the manifest's own hosts: a tenant on acme.zendesk.com connects with the deployment's client", async () => {
    // The stand-in under Zendesk's name (local use: HITL_RESOLVE answers for it without DNS).
    process.env.HITL_RESOLVE = 'acme.zendesk.com=127.0.0.1'
    try {
      const good = tenant(
        { subdomain: 'acme', apiBaseUrl: `http://acme.zendesk.com:${new URL(zendesk.url).port}/api/v2` },
        'zendesk',
        'bot_good'
      )
      const started = await page(good, 'POST', '/oauth/start')
      expect(started.status).toBe(302)
      const consent = new URL(started.headers.location!)
      expect(consent.searchParams.get('client_id')).toBe(DEPLOYMENT.id)
      const done = await page(
        good,
        'GET',
        '/oauth/callback',
        `code=zd-code-1&state=${encodeURIComponent(consent.searchParams.get('state')!)}`
      )
      expect(done.body).toContain('Connected as <strong>acme.zendesk.com</strong>')
      const [exchange] = zendesk.calls('POST', /oauth\/tokens$/)
      expect(exchange!.form).toMatchObject({ client_id: DEPLOYMENT.id, client_secret: DEPLOYMENT.secret })
    } finally {
      delete process.env.HITL_RESOLVE
    }
  })
})

describe('Connect knows the account', () => {
  it('refuses another account behind the same host (Zendesk names it: Show Self)', async () => {
    const bp = tenant(
      { subdomain: 'acme', apiBaseUrl: `${zendesk.url}/api/v2`, clientId: 'c', clientSecret: 'cs-1234' },
      'zendesk',
      'bot_connect'
    )
    const connect = async () => {
      const started = await page(bp, 'POST', '/oauth/start')
      const state = new URL(started.headers.location!).searchParams.get('state')!
      return page(bp, 'GET', '/oauth/callback', `code=c-${account}&state=${encodeURIComponent(state)}`)
    }
    account = 'acme'
    expect((await connect()).body).toContain('Connected as <strong>acme.zendesk.com</strong>')
    // Same host (the proxy), another Zendesk account: refused, the connection kept.
    account = 'rival'
    const refused = await connect()
    expect(refused.status).toBe(400)
    expect(refused.body).toContain(
      'This bot is connected to acme.zendesk.com. To connect rival.zendesk.com instead, reinstall the integration.'
    )
    const kept = pg.botpress.states.get(`integration/${bp.ids.integrationId}/hitlConnection`)
    expect(kept?.payload.identifier).toBe('acme.zendesk.com')
    expect(kept?.payload.grant.accessToken).toBe('zd-access-acme')
    account = 'acme'
  })
})

describe('pasted manifests run in isolation, whole', () => {
  it('parses and validates them off the main thread: a flood of nested YAML and huge patterns stalls no one', async () => {
    const sandbox = pg.sandbox!
    const good = tenant({ url: sandbox.url, apiToken: sandbox.apiToken }, 'sandbox', 'bot_good_bundled')
    const nested = (i: number) => `${TINY}\n# ${i}\nextra: ${'['.repeat(2_000)}${']'.repeat(2_000)}\n`
    const pattern = (i: number) =>
      TINY.replace(
        'clientId: { type: string, title: Client id, description: OAuth2 client id. }',
        `clientId: { type: string, title: Client id, description: OAuth2 client id., pattern: "${'(a|b)'.repeat(20_000)}${i}" }`
      )
    const flood = Array.from({ length: 12 }, (_, i) =>
      pasted(i % 2 ? nested(i) : pattern(i), 'bot_flood').call(
        'action_triggered',
        { type: 'createUser', input: { name: 'Eve' } },
        'createUser'
      )
    )
    const slowest = { ms: 0 }
    for (let i = 0; i < 6; i++) {
      const started = Date.now()
      expect((await good.action('createUser', { name: `Ada ${i}` })).userId).toMatch(/^user_/)
      slowest.ms = Math.max(slowest.ms, Date.now() - started)
    }
    expect(slowest.ms, 'a bundled tenant is served while the flood is parsed elsewhere').toBeLessThan(SERVED_WITHIN_MS)
    const answers = await Promise.all(flood)
    for (const [i, a] of answers.entries()) {
      expect(a.status).toBe(400)
      expect(a.body.message).toContain(
        i % 2
          ? 'manifest nests deeper than 64 levels'
          : 'configuration.clientId.pattern: must NOT have more than 1000 characters'
      )
    }
  })

  it('bounds what comes back from a worker in bytes: a value copied a thousand times is refused', async () => {
    const before = process.memoryUsage().rss
    const bomb = withCapture("($s := $pad('', 200000, 'x'); [1..2000].($s))")
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pasted(bomb, `bot_copy_${i}`).call(
          'action_triggered',
          { type: 'createUser', input: { name: 'E' } },
          'createUser'
        )
      )
    )
    for (const a of answers) expect(a.body.message).toContain('its value is larger than 8388608 bytes (as copied out)')
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024)
  })

  it('never stops a trivial call for another tenant’s flood: the clock starts when a ready worker takes it', async () => {
    const bombs = Array.from({ length: 6 }, (_, i) =>
      pasted(withCapture("($s := $pad('', 4000000, 'x'); $count([1..100000].$uppercase($s)))"), `bot_bomb_${i}`).call(
        'action_triggered',
        { type: 'createUser', input: { name: 'Eve' } },
        'createUser'
      )
    )
    const trivial = pasted(withCapture("$uppercase('cust-') & response.body.id"), 'bot_trivial')
    const results = []
    for (let i = 0; i < 24; i++)
      results.push(
        await trivial.call('action_triggered', { type: 'createUser', input: { name: `T${i}` } }, 'createUser')
      )
    expect(results.filter((r) => r.status !== 200).map((r) => r.body.message)).toEqual([])
    await Promise.all(bombs)
  })

  it('gives one bot one turn, however many times it is installed', async () => {
    const finished: string[] = []
    const busy = withCapture("($n := $count([1..20000].($ * 2)); $n > 0 ? response.body.id : 'none')")
    // Each installation with a manifest of its own (a comment apart): one bot all the same.
    const installs = Array.from({ length: 8 }, (_, i) =>
      pasted(`${busy}\n# installation ${i}\n`, 'bot_many', `intver_many_${i}`)
    )
    const many = installs.flatMap((bp) =>
      Array.from({ length: 3 }, () =>
        bp
          .call('action_triggered', { type: 'createUser', input: { name: 'M' } }, 'createUser')
          // Done either way (a busy machine may stop one at JSONata's 1 s): what counts is when.
          .then(() => void finished.push('many'))
      )
    )
    const other = pasted(withCapture("$uppercase('c-') & response.body.id"), 'bot_other')
    for (let i = 0; i < 5; i++) {
      expect((await other.action('createUser', { name: `O${i}` })).userId).toMatch(/^user_/)
      finished.push('other')
    }
    await Promise.all(many)
    // One turn in two: the other bot is done long before the eight installations' 24 calls are.
    const doneBefore = finished.indexOf('other', finished.lastIndexOf('other'))
    expect(finished.slice(0, doneBefore).filter((f) => f === 'many').length).toBeLessThan(12)
  })
})

describe('connections go to the address checked', () => {
  let inside: TcpServer
  let hits = 0
  const lookup = dns.lookup
  beforeAll(async () => {
    inside = createTcpServer((socket) => (hits++, socket.destroy()))
    await new Promise<void>((r) => inside.listen(0, '127.0.0.2', r))
  })
  afterAll(async () => {
    dns.lookup = lookup
    await new Promise<void>((r) => inside.close(() => r()))
  })

  it('does not follow a DNS answer that changes after the check (rebinding) inside', async () => {
    const port = (inside.address() as { port: number }).port
    let asked = 0
    // The attacker's DNS: a public address when checked, then a loopback one.
    dns.lookup = (...args: unknown[]) => {
      const [host, options, callback] = args
      const cb = (typeof options === 'function' ? options : callback) as (...a: unknown[]) => void
      const all = typeof options === 'object' && (options as { all?: boolean })?.all
      if (host !== 'rebind.example') return lookup(...args)
      const address = asked++ === 0 ? '93.184.216.34' : '127.0.0.2'
      return all ? cb(null, [{ address, family: 4 }]) : cb(null, address, 4)
    }
    const bp = tenant(
      {
        manifest: TINY,
        settings: { clientId: 'cid', clientSecret: 'rebind-secret-1', webhookToken: 'hook-token-1234' },
        apiBaseUrl: `https://rebind.example:${port}/api`,
      },
      null,
      'bot_rebind'
    )
    const res = await bp.call('action_triggered', { type: 'createUser', input: { name: 'R' } }, 'createUser')
    expect(res.status).toBe(400)
    expect(hits, 'nothing connected to 127.0.0.2').toBe(0)
    expect(asked, 'resolved once, then that answer used').toBe(1)
  })
})
