/**
 * Attacks over HTTP, as an attacker would send them, against the integration served as the playground serves it
 * (src/serve.ts, with the sandbox helpdesk, the Botpress API stand-in and the webhook relay), several tenants at once.
 * Each case failed before its fix (issue 11): the process must stay up, other tenants keep being served, nothing leaks,
 * nothing is lost or doubled.
 */
import { readFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { BotpressCaller, overHttp } from '../../testkit/botpress-caller'
import { startPlayground, type Playground } from '../../playground/playground'
import { AGENTS } from '../../playground/sandbox-helpdesk'
import { HelpdeskStandIn } from '../../testkit/helpdesk'

const TINY = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
/** A liveness bound for the other tenants while one misbehaves: generous, it says "not frozen", not "fast". */
const SERVED_WITHIN_MS = 10_000

let pg: Playground
const desk = new HelpdeskStandIn()
let logs: string[] = []

beforeAll(async () => {
  pg = await startPlayground({ port: 0, log: () => {} })
  await desk.start()
  let customers = 0
  let tickets = 0
  desk
    .on('POST', '/api/oauth/token', (r) => ({
      body: { access_token: `tok-${r.form?.client_secret ?? 'x'}-${Date.now()}`, expires_in: 3600 },
    }))
    .on('POST', '/api/customers', () => ({ status: 201, body: { id: `cust-${++customers}` } }))
    .on('GET', '/api/queues/default', () => ({ body: { id: 'q1' } }))
    .on('POST', '/api/tickets', () => ({ status: 201, body: { id: ++tickets } }))
})

afterAll(async () => {
  await pg?.stop()
  await desk.stop()
})

afterEach(() => {
  expect(pg.botpress.violations).toEqual([])
})

/** A tenant: one more bot with its own configuration, calling the integration over HTTP as Botpress does. */
function tenant(configuration: Record<string, unknown>, configurationType: string | null = null, botId?: string) {
  return new BotpressCaller(overHttp(pg.integrationUrl), pg.botpress, configuration, configurationType, { botId })
}
const pasted = (manifest: string, secret: string, botId?: string) =>
  tenant(
    {
      manifest,
      settings: { clientId: 'cid', clientSecret: secret, webhookToken: 'hook-token-1234' },
      apiBaseUrl: `${desk.url}/api`,
    },
    null,
    botId
  )
/** tiny-desk with the createUser capture replaced. */
const withCapture = (expression: string) =>
  TINY.replace('capture: { customerId: response.body.id }', `capture: { customerId: ${JSON.stringify(expression)} }`)

function captureLogs() {
  logs = []
  for (const level of ['error', 'warn', 'info', 'debug', 'log'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')))
  }
}

describe('one tenant cannot hurt another', () => {
  afterEach(() => vi.restoreAllMocks())

  it('survives manifests that build enormous texts, and serves the other tenants meanwhile', async () => {
    const attacks = [
      "$length($pad('', 400000000, 'x'))",
      "($f := function($s, $n) { $n = 0 ? $s : $f($s & $s, $n - 1) }; $length($f('ab', 28)))",
      "$length($join([1..100000].$pad('', 1000000, 'y')))",
      // Hundreds of megabytes before JSONata's clock is looked at: only the evaluator's own heap bound stops it.
      "($s := $pad('', 4000000, 'x'); $count([1..100000].$uppercase($s)))",
    ]
    const good = pasted(TINY, 'good-tenant-secret-1')
    const started = Date.now()
    const evil = attacks.map((a, i) =>
      pasted(withCapture(a), 'evil-tenant-secret-1', `bot_evil_${i}`).call(
        'action_triggered',
        { type: 'createUser', input: { name: 'Eve' } },
        'createUser'
      )
    )
    const served = await good.action('createUser', { name: 'Ada' })
    expect(Date.now() - started).toBeLessThan(SERVED_WITHIN_MS)
    expect(served.userId).toMatch(/^user_/)
    const answers = await Promise.all(evil)
    const failed = /actions\.createUser\.steps\[0\]\.capture\.customerId: expression failed: /
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400])
    expect(answers[0]!.body.message).toMatch(
      new RegExp(failed.source + /\$pad to 400000000 characters: more than the 8388608 allowed/.source)
    )
    expect(answers[1]!.body.message).toMatch(
      new RegExp(failed.source + /built a text of \d+ characters, more than the 8388608 allowed/.source)
    )
    // Which bound stops these first depends on the machine's speed: any of them will do, each said clearly.
    const stopped =
      /(took longer than 1000 ms|ran out of memory \(its evaluator has 256 MB\)|took longer than 2000 ms: its evaluator was stopped)/
    expect(answers[2]!.body.message).toMatch(new RegExp(failed.source + stopped.source))
    expect(answers[3]!.body.message).toMatch(new RegExp(failed.source + stopped.source))
    expect((await good.action('createUser', { name: 'Ada again' })).userId).toMatch(/^user_/)
  })

  it('runs any regular expression in linear time, and refuses lookaround when the manifest is validated', async () => {
    const started = Date.now()
    const answers = await Promise.all(
      [
        "$match('aaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /(a+)+$/) ? 'x' : 'cust-re'",
        "$contains('" + 'a'.repeat(32) + "', /(a|a)*b/) ? 'x' : 'cust-re2'",
      ].map((a) => pasted(withCapture(a), 'regex-tenant-secret').action('createUser', { name: 'Rex' }))
    )
    expect(Date.now() - started).toBeLessThan(SERVED_WITHIN_MS)
    expect(answers.map((a) => pg.botpress.users.get(a.userId)!.tags.id)).toEqual(['cust-re', 'cust-re2'])
    const refused = await pasted(withCapture('$match(response.body.id, /(?=c)cust/)'), 'regex-tenant-secret').call(
      'register',
      { webhookUrl: pg.webhookUrl }
    )
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(
      /<configuration: manifest>:\d+:\d+: actions\.createUser\.steps\[0\]\.capture\.customerId: regular expression \/\(\?=c\)cust\/ cannot run in linear time/
    )
  })

  it('never follows a redirect to an internal address, nor lets plain http or loopback out of local use', async () => {
    let metadataHits = 0
    const metadata: Server = createServer((_req, res) => (metadataHits++, res.end('{"secret":"instance-role-key"}')))
    await new Promise<void>((r) => metadata.listen(0, '127.0.0.2', r))
    const port = (metadata.address() as { port: number }).port
    let target = `http://127.0.0.2:${port}/latest/meta-data/`
    desk.on('GET', '/api/attachments/leak', () => ({ status: 302, headers: { location: target } }))
    desk.on('POST', '/api/tickets/:id/notes', () => ({ status: 201, body: { id: 7 } }))
    const leaky = TINY.replace(
      'request: { method: POST, path: "/tickets/{{ session.ticketId }}/notes", body: { json: { text: "{{ message.text }}" } } }',
      'request: { method: POST, path: "/tickets/{{ session.ticketId }}/notes", body: { raw: { url: "{{ config.apiBaseUrl }}/attachments/leak" } } }'
    )
    const bp = pasted(leaky, 'ssrf-tenant-secret-1')
    const { userId } = await bp.action('createUser', { name: 'Mal' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'x', messageHistory: [] })
    const sent = await bp.send(conversationId, 'text', { text: 'hello' })
    expect(sent.status).toBe(400)
    expect(sent.body.message).toContain(`download: plain http is refused for 127.0.0.2:${port}`)
    // Over https the scheme is fine, and the address is what refuses it.
    target = `https://127.0.0.2:${port}/latest/meta-data/`
    const again = await bp.send(conversationId, 'text', { text: 'hello' })
    expect(again.body.message).toContain(
      `download: refused to connect to 127.0.0.2:${port}: 127.0.0.2 is a loopback address`
    )
    expect(metadataHits).toBe(0)
    expect(desk.calls('POST', /notes$/)).toHaveLength(0)
    metadata.close()

    // Outside local use, the same manifest cannot even reach its API over plain http on this machine.
    process.env.HITL_ALLOW_LOCAL_NETWORK = '0'
    try {
      const production = await bp.call('action_triggered', { type: 'createUser', input: { name: 'Mal' } }, 'createUser')
      expect(production.body.message).toContain(
        `http.baseUrl: plain http is refused for ${new URL(desk.url).host}; use https`
      )
    } finally {
      process.env.HITL_ALLOW_LOCAL_NETWORK = '1'
    }
  })

  it('names the host and the cause of a network failure', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as { port: number }).port
    await new Promise<void>((r) => closed.close(() => r()))
    const bp = tenant({
      manifest: TINY,
      settings: { clientId: 'cid', clientSecret: 'net-secret-123', webhookToken: 'hook-token-1234' },
      apiBaseUrl: `http://127.0.0.1:${port}/api`,
    })
    const res = await bp.call('action_triggered', { type: 'createUser', input: { name: 'Net' } }, 'createUser')
    expect(res.body.message).toContain(`connection refused by 127.0.0.1:${port}`)
  })

  it('keeps each tenant’s secrets out of its own errors and logs while other tenants run at once', async () => {
    captureLogs()
    // The vendor echoes the Authorization header it got: only the call's own redactor knows that token.
    desk.on('POST', '/api/customers', (r) => ({
      status: 400,
      body: { message: `bad request with ${r.headers.authorization}` },
    }))
    const secrets = Array.from({ length: 6 }, (_, i) => `tenant-${i}-client-secret-${'s'.repeat(8)}`)
    const answers = await Promise.all(
      Array.from({ length: 3 }).flatMap(() =>
        secrets.map((s) =>
          pasted(TINY, s).call('action_triggered', { type: 'createUser', input: { name: 'Ada' } }, 'createUser')
        )
      )
    )
    desk.on('POST', '/api/customers', () => ({ status: 201, body: { id: 'cust-ok' } }))
    for (const a of answers) {
      expect(a.status).toBe(400)
      expect(a.body.message).toMatch(/bad request with Bearer \*\*\*/)
      for (const s of secrets) expect(a.body.message).not.toContain(s)
      expect(a.body.message).not.toMatch(/tok-tenant/)
    }
    const printed = logs.join('\n')
    expect(printed).toContain('bad request with Bearer ***')
    expect(printed).not.toMatch(/tok-tenant|client-secret-s/)
  })
})

describe('the HTTP edge', () => {
  it('takes a pasted manifest of 13 KB, and configurations up to 512 KiB', async () => {
    const hubspot = readFileSync(join(__dirname, '..', '..', 'providers', 'hubspot.yaml'), 'utf8')
    expect(hubspot.length).toBeGreaterThan(12_000)
    const ping = (manifest: string) => tenant({ manifest, settings: {} }).call('ping', {})
    expect((await ping(hubspot)).status).toBe(200)
    const big = TINY + `\n# ${'x'.repeat(510 * 1024)}\n`
    expect((await ping(big)).status).toBe(200)
    const registered = await tenant({
      manifest: big,
      settings: { clientId: 'c', clientSecret: 'big-secret-123', webhookToken: 'hook-token-1234' },
      apiBaseUrl: `${desk.url}/api`,
    }).call('register', { webhookUrl: pg.webhookUrl })
    expect(registered.body?.message ?? '').toContain('manifest is larger than 512 KiB')
  })

  it('refuses big bodies with 413 before buffering them, and stays up', async () => {
    const before = process.memoryUsage().rss
    const url = new URL(pg.webhookUrl)
    const post = (size: number, declared: boolean) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: declared ? { 'content-length': String(size) } : { 'transfer-encoding': 'chunked' },
          },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          }
        )
        req.on('error', (err: NodeJS.ErrnoException) =>
          err.code === 'EPIPE' || err.code === 'ECONNRESET' ? resolve(413) : reject(err)
        )
        const chunk = Buffer.alloc(1024 * 1024, 'a')
        let sent = 0
        const write = () => {
          while (sent < size) {
            sent += chunk.length
            if (!req.write(chunk)) return void req.once('drain', write)
          }
          req.end()
        }
        write()
      })
    const statuses = await Promise.all([
      ...Array.from({ length: 16 }, () => post(100 * 1024 * 1024, true)),
      ...Array.from({ length: 4 }, () => post(32 * 1024 * 1024, false)),
    ])
    expect(statuses).toEqual(Array(20).fill(413))
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024)
    expect((await tenant({ manifest: TINY, settings: {} }).call('ping', {})).status).toBe(200)
  })

  it('verifies a long non-ASCII agent reply over the bytes the helpdesk signed, and relays it whole', async () => {
    const sandbox = pg.sandbox!
    const bp = tenant({ url: sandbox.url, apiToken: sandbox.apiToken }, 'sandbox')
    const { userId } = await bp.action('createUser', { name: 'Zoé' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Unicode', messageHistory: [] })
    const ticketId = pg.botpress.conversations.get(conversationId)!.tags.id
    const text = 'é€😀'.repeat(7_500) // 30,000 UTF-16 units, 67,500 bytes: split across chunks on the way
    const res = await fetch(`${sandbox.url}/agent/api/tickets/${ticketId}/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agentId: AGENTS[0]!.id, text }),
    })
    expect(res.status).toBe(200)
    await expect
      .poll(() =>
        pg.botpress
          .messagesIn(conversationId)
          .filter((m) => m.direction === 'incoming')
          .map((m) => m.payload.text)
      )
      .toEqual([text])
    expect(sandbox.failedDeliveries).toEqual([])
  })
})

describe('events are exactly once', () => {
  it('one hitlAssigned per agent change, one hitlStopped per session, nothing from the helpdesk after the stop', async () => {
    const sandbox = pg.sandbox!
    const bp = tenant({ url: sandbox.url, apiToken: sandbox.apiToken }, 'sandbox')
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Twice', messageHistory: [] })
    const ticketId = pg.botpress.conversations.get(conversationId)!.tags.id
    const agent = (action: string, agentId: string, text?: string) =>
      fetch(`${sandbox.url}/agent/api/tickets/${ticketId}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agentId, text }),
      })
    const events = () =>
      pg.botpress.events
        .filter((e) => e.payload?.conversationId === conversationId)
        .map((e) => `${e.type}:${pg.botpress.users.get(e.payload.userId)?.tags.agentId ?? ''}`)
    const [kim, sam] = [AGENTS[0]!.id, AGENTS[1]!.id]
    // Three deliveries of the same assignment, two of them at once.
    await Promise.all([agent('assign', kim), agent('assign', kim)])
    await agent('assign', kim)
    await expect.poll(events).toEqual([`hitlAssigned:${kim}`])
    await agent('assign', sam)
    await expect.poll(events).toEqual([`hitlAssigned:${kim}`, `hitlAssigned:${sam}`])
    // Closing twice, and a reply racing the close.
    await Promise.all([agent('close', sam), agent('close', sam)])
    await expect.poll(events).toEqual([`hitlAssigned:${kim}`, `hitlAssigned:${sam}`, 'hitlStopped:'])
    await sandbox.emit({
      type: 'message.created',
      ticketId,
      message: {
        id: 'late-1',
        author: { type: 'agent', id: sam, name: 'Sam' },
        text: 'one more thing',
        attachments: [],
      },
    })
    await sandbox.emit({ type: 'ticket.assigned', ticketId, agent: { id: kim, name: 'Kim Agent' } })
    expect(events()).toEqual([`hitlAssigned:${kim}`, `hitlAssigned:${sam}`, 'hitlStopped:'])
    expect(pg.botpress.messagesIn(conversationId).filter((m) => m.direction === 'incoming')).toEqual([])
    expect(sandbox.failedDeliveries).toEqual([])
  })
})
