/**
 * npm run doctor: each broken setup a bot builder meets, said in plain words with its fix. Against the sandbox
 * helpdesk (the playground: its integration registered, its webhook subscribed) and against Freshdesk (a stand-in of
 * its API; its automation rules' token is the configuration's), the way `npm run doctor` runs them.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPlayground, type Playground } from '../playground/playground'
import { diagnose, type Check } from '../scripts/doctor'
import { HelpdeskStandIn } from '../testkit/helpdesk'

let sandbox: Playground

beforeAll(async () => {
  sandbox = await startPlayground({ port: 0, log: () => {} })
})
afterAll(() => sandbox?.stop())

const env = (overrides: Record<string, string | undefined> = {}) => ({
  HITL_URL: sandbox.sandbox!.url,
  HITL_API_TOKEN: sandbox.sandbox!.apiToken,
  ...overrides,
})
const byName = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.name, c]))

describe('npm run doctor, on the sandbox', () => {
  it('finds nothing wrong with a working setup, and says what it could not check', async () => {
    const checks = await diagnose({ provider: 'sandbox', env: env(), webhookUrl: sandbox.webhookUrl })
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['Configuration', true],
      ['Credentials', true],
      ['Clock', true],
      ['Webhook', true],
      ['Test event', true],
    ])
    expect(byName(checks)['Test event']!.said).toContain('the signing secret is kept by the installation')
  })

  it('names a missing field and the variable that sets it', async () => {
    const [config, ...rest] = await diagnose({ provider: 'sandbox', env: env({ HITL_API_TOKEN: undefined }) })
    expect(config).toMatchObject({ name: 'Configuration', ok: false })
    expect(config!.said).toContain('configuration field apiToken (API token) is missing')
    expect(config!.fix).toContain('HITL_API_TOKEN')
    expect(rest, 'nothing else is tried').toEqual([])
  })

  it('says refused credentials are refused, and which field holds them', async () => {
    const { Credentials } = byName(
      await diagnose({ provider: 'sandbox', env: env({ HITL_API_TOKEN: 'not-the-token' }) })
    )
    expect(Credentials).toMatchObject({ ok: false, said: 'refused by the helpdesk (HTTP 401)' })
    expect(Credentials!.fix).toContain('API token (apiToken)')
    expect(JSON.stringify(Credentials), 'no secret in what it says').not.toContain('not-the-token')
  })

  it('says an address that answers nothing cannot be reached', async () => {
    const { Credentials } = byName(
      await diagnose({ provider: 'sandbox', env: env({ HITL_URL: 'http://127.0.0.1:9' }) })
    )
    expect(Credentials!.ok).toBe(false)
    expect(Credentials!.said).toMatch(/^the helpdesk could not be reached/)
  })

  it('says no subscription calls the webhook URL, and which ones the helpdesk has', async () => {
    const elsewhere = 'https://webhook.botpress.cloud/wh_another'
    const { Webhook } = byName(await diagnose({ provider: 'sandbox', env: env(), webhookUrl: elsewhere }))
    expect(Webhook).toMatchObject({ ok: false })
    expect(Webhook!.said).toBe(`no subscription calls ${elsewhere}; the helpdesk's call: ${sandbox.webhookUrl}`)
    expect(Webhook!.fix).toContain('save the integration')
  })

  it('says how far the clock is off when signed webhooks would fall outside their window', async () => {
    sandbox.sandbox!.options = { clockSkewMs: 10 * 60_000 }
    try {
      const { Clock } = byName(await diagnose({ provider: 'sandbox', env: env() }))
      expect(Clock!.ok).toBe(false)
      expect(Clock!.said).toMatch(
        /^(599|600|601) s behind the helpdesk's: its signed webhooks older than 300 s are refused$/
      )
      expect(Clock!.fix).toContain('NTP')
    } finally {
      sandbox.sandbox!.options = {}
    }
  })

  it('runs from the command line, exit status 1 when something is wrong', async () => {
    // Not spawnSync: the sandbox answers from this process.
    const run = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const tsx = join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs')
      const child = spawn(
        process.execPath,
        [tsx, join(__dirname, '..', 'scripts', 'doctor.ts'), '--provider', 'sandbox'],
        {
          env: { ...process.env, ...env({ HITL_API_TOKEN: 'wrong' }) },
        }
      )
      let stdout = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d))
      child.on('close', (status) => resolve({ status, stdout }))
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('✓ Configuration: Sandbox helpdesk: every field holds')
    expect(run.stdout).toContain('✗ Credentials: refused by the helpdesk (HTTP 401)')
    expect(run.stdout).toMatch(/\n {4}fix: check API token \(apiToken\)/)
  })
})

describe('npm run doctor, on Freshdesk (its rules carry the configuration’s token)', () => {
  let freshdesk: Playground
  const api = new HelpdeskStandIn()
  const fd = (token: string) => ({
    HITL_SUBDOMAIN: 'acme',
    HITL_API_KEY: 'fd-key',
    HITL_WEBHOOK_TOKEN: token,
    HITL_API_BASE_URL: `${api.url}/api/v2`,
  })

  beforeAll(async () => {
    await api.start()
    api.answer([{ method: 'GET', path: '/api/v2/agents/me', body: { id: 7, contact: { name: 'API' } } }])
    freshdesk = await startPlayground({ port: 0, provider: 'freshdesk', env: fd('the-rules-token'), log: () => {} })
  })
  afterAll(async () => {
    await freshdesk?.stop()
    await api.stop()
  })

  it('sends a test event signed as the rules sign it: accepted with the same token', async () => {
    const checks = byName(
      await diagnose({ provider: 'freshdesk', env: fd('the-rules-token'), webhookUrl: freshdesk.webhookUrl })
    )
    expect(checks.Credentials!.ok).toBe(true)
    expect(checks.Webhook).toMatchObject({ ok: true, said: expect.stringContaining('set up by hand') })
    expect(checks['Test event']).toMatchObject({ ok: true, said: 'signed with the configuration’s secret, accepted' })
  })

  it('says the token differs from the installation’s when the test event is refused', async () => {
    const checks = byName(
      await diagnose({ provider: 'freshdesk', env: fd('an-older-token'), webhookUrl: freshdesk.webhookUrl })
    )
    expect(checks['Test event']).toMatchObject({ ok: false })
    expect(checks['Test event']!.said).toContain('refused (401)')
    expect(checks['Test event']!.fix).toContain('differ')
  })

  it('says a helpdesk polled needs the bot’s schedule, when no token is set', async () => {
    const { Events } = byName(
      await diagnose({ provider: 'freshdesk', env: { ...fd(''), HITL_WEBHOOK_TOKEN: undefined } })
    )
    expect(Events!.said).toContain('the bot must call pollHelpdesk on a schedule')
  })
})
