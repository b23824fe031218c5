/**
 * A pasted manifest is validated once for every instance of the integration: the instance that first loads it
 * (registration, which Botpress calls when the bot's configuration is saved) keeps what the isolation workers found
 * valid in the bot's state (`hitlManifest`), under a key naming the text and the workers' program; any other
 * instance, fresh, compiles the manifest from there and loads nothing in a worker (its workers start beside the
 * call, for the expressions only JSONata evaluates). A value kept for another text, or by another program (an
 * earlier deployment), is not taken: the text is loaded again and the state rewritten; one Botpress refuses to keep
 * is no failure. Here four integration servers in processes of their own (`npm run serve` on the test bundle, each
 * saying on its output every worker thread it starts and every job it sends one), one Botpress API stand-in, and the
 * sandbox helpdesk, over HTTP; three bots. (An instance that already holds a text's plan, loaded for any bot, reads
 * nothing of it: the plan is the text's.)
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SandboxHelpdesk } from '../../playground/sandbox-helpdesk'
import { BotpressApiStandIn } from '../../testkit/botpress-api'
import { BotpressCaller, IDS, overHttp } from '../../testkit/botpress-caller'
import { integrationServer, type Instance } from '../support/instance'

const SANDBOX = readFileSync(join(__dirname, '..', '..', 'providers', 'sandbox.yaml'), 'utf8')
/** The same helpdesk, pasted with another name for its users: which text an instance ran shows in the sandbox. */
const RENAMED = SANDBOX.replace('name: "{{ input.name }}"', 'name: "{{ input.name }} (renamed)"')
const HOOK = join(__dirname, '..', 'support', 'worker-starts.cjs')

const botpress = new BotpressApiStandIn()
const sandbox = new SandboxHelpdesk('sandbox-remembered-token')
const servers: Instance[] = []
const BOTS = {
  ada: { botId: 'bot_ada', integrationId: 'intver_ada' },
  bob: { botId: 'bot_bob', integrationId: 'intver_bob' },
  cyd: { botId: 'bot_cyd', integrationId: 'intver_cyd' },
}
/** Botpress as one more instance reaches it: the same, except that it refuses every call on the kept manifest. */
let refusing: Server
const refused: string[] = []

/** How many times the instance's output says `line` (test/support/worker-starts.cjs). */
const said = (s: Instance, line: string) =>
  s
    .output()
    .split('\n')
    .filter((l) => l === line).length
const loads = (s: Instance) => said(s, 'worker job load')
const kept = (bot: keyof typeof BOTS) =>
  botpress.states.get(`integration/${BOTS[bot].integrationId}/hitlManifest`)?.payload as
    { key: string; manifest: { id: string; actions: unknown }; notes: unknown[] } | undefined

function bp(server: Instance, bot: keyof typeof BOTS, manifest: string) {
  const configuration = { manifest, settings: { url: sandbox.url, apiToken: sandbox.apiToken } }
  return new BotpressCaller(overHttp(server.url), botpress, configuration, null, { ...IDS, ...BOTS[bot] })
}

/** The Botpress calls made while `run` ran, on the hitlManifest state, as `operation bot`. */
async function manifestCalls(run: () => Promise<unknown>): Promise<string[]> {
  const from = botpress.calls.length
  await run()
  return botpress.calls
    .slice(from)
    .filter((c) => c.params.name === 'hitlManifest')
    .map((c) => `${c.operation} ${c.params.id}`)
}

const userNamed = (name: string) => [...sandbox.users.values()].some((u) => u.name === name)

beforeAll(async () => {
  const bpUrl = await botpress.start()
  await sandbox.start()
  const env = { BP_API_URL: bpUrl, HITL_ALLOW_LOCAL_NETWORK: '1', NODE_OPTIONS: `--require ${HOOK}` }
  servers.push(...(await Promise.all([integrationServer(env), integrationServer(env), integrationServer(env)])))
  refusing = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.url!.includes('/hitlManifest')) {
        refused.push(`${req.method} ${req.url}`)
        res.writeHead(413, { 'content-type': 'application/json' })
        return res.end(JSON.stringify({ id: 'err_1', code: 413, type: 'PayloadTooLarge', message: 'too large' }))
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length')
      )
      fetch(`${bpUrl}${req.url}`, {
        method: req.method,
        headers: headers as Record<string, string>,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      })
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' })
          res.end(Buffer.from(await answer.arrayBuffer()))
        })
        .catch(() => res.writeHead(502).end())
    })
  })
  await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r))
  const { port } = refusing.address() as { port: number }
  servers.push(await integrationServer({ ...env, BP_API_URL: `http://127.0.0.1:${port}` }))
})

// Every call the integration made to Botpress must fit Botpress' own API description.
afterEach(() => expect(botpress.violations).toEqual([]))

afterAll(async () => {
  for (const s of servers) s.process.kill()
  await new Promise<void>((r) => (refusing ? refusing.close(() => r()) : r()))
  await sandbox.stop()
  await botpress.stop()
})

describe('a pasted manifest, validated once for every instance', () => {
  it('is kept at registration, and a fresh instance runs it from there, loading nothing in a worker', async () => {
    const [first, fresh] = servers as [Instance, Instance]
    const registering = await manifestCalls(async () =>
      expect((await bp(first, 'ada', SANDBOX).register()).status).toBe(200)
    )
    expect(loads(first), 'the registering instance loads it in its workers').toBe(1)
    expect(registering).toEqual(['getState intver_ada', 'setState intver_ada'])
    const state = kept('ada')!
    expect(state.key).toMatch(/^[0-9a-f]{64}:[0-9a-f]{64}$/)
    expect(state.manifest.id).toBe('sandbox')

    const serving = await manifestCalls(() => bp(fresh, 'ada', SANDBOX).action('createUser', { name: 'Ada' }))
    expect(loads(fresh), 'the fresh instance loaded nothing in a worker').toBe(0)
    // Its workers start all the same, beside the call: the manifest's expressions only JSONata evaluates want them.
    await expect.poll(() => said(fresh, 'worker thread started')).toBeGreaterThan(0)
    expect(serving).toEqual(['getState intver_ada'])
    expect(userNamed('Ada')).toBe(true)
    // Loaded once in each: the next call reads nothing of it.
    expect(await manifestCalls(() => bp(fresh, 'ada', SANDBOX).action('createUser', { name: 'Ada 2' }))).toEqual([])
  })

  it('is not taken for another text: loaded again, and kept anew', async () => {
    const [, fresh] = servers as [Instance, Instance]
    const before = kept('ada')!.key
    const calls = await manifestCalls(() => bp(fresh, 'ada', RENAMED).action('createUser', { name: 'Ada 3' }))
    expect(calls).toEqual(['getState intver_ada', 'setState intver_ada'])
    expect(loads(fresh), 'loaded in the workers').toBe(1)
    expect(kept('ada')!.key).not.toBe(before)
    expect(kept('ada')!.key.split(':')[0], 'by the same program').toBe(before.split(':')[0])
    expect(userNamed('Ada 3 (renamed)')).toBe(true)
  })

  it("is each bot's own: another bot's kept manifest is never read", async () => {
    const [, , other] = servers as [Instance, Instance, Instance]
    const ada = kept('ada')
    // Bob pastes the text Ada kept first: nothing is kept for him, so it is loaded, and kept in his state alone.
    const bob = await manifestCalls(() => bp(other, 'bob', SANDBOX).action('createUser', { name: 'Bob' }))
    expect(bob).toEqual(['getState intver_bob', 'setState intver_bob'])
    expect(loads(other)).toBe(1)
    expect(kept('bob')!.manifest.id).toBe('sandbox')
    expect(kept('ada')).toEqual(ada)
    // Ada's, on the same instance: hers, read from her state.
    const hers = await manifestCalls(() => bp(other, 'ada', RENAMED).action('createUser', { name: 'Ada 4' }))
    expect(hers).toEqual(['getState intver_ada'])
    expect(loads(other)).toBe(1)
    expect(userNamed('Ada 4 (renamed)')).toBe(true)
    expect(userNamed('Bob')).toBe(true)
  })

  it('is not taken when another program validated it: loaded again, and kept under this program', async () => {
    const [first] = servers as [Instance]
    const state = kept('ada')!
    const [, text] = state.key.split(':')
    // As an earlier deployment would have kept it: the same text, another workers' program, a value it allowed.
    const earlier = { ...state, key: `${'0'.repeat(64)}:${text}`, manifest: { ...state.manifest, actions: {} } }
    const stored = botpress.states.get(`integration/${BOTS.ada.integrationId}/hitlManifest`) as { payload: unknown }
    stored.payload = earlier
    const calls = await manifestCalls(() => bp(first, 'ada', RENAMED).action('createUser', { name: 'Ada 5' }))
    expect(calls).toEqual(['getState intver_ada', 'setState intver_ada'])
    expect(loads(first), 'its second load').toBe(2)
    expect(kept('ada')).toEqual(state)
    expect(userNamed('Ada 5 (renamed)')).toBe(true)
  })

  it('is no failure of the call when Botpress refuses to keep it (too large, say): loaded as before', async () => {
    const [, , , behind] = servers as [Instance, Instance, Instance, Instance]
    await bp(behind, 'cyd', SANDBOX).action('createUser', { name: 'Cyd' })
    expect(userNamed('Cyd')).toBe(true)
    // Its read refused, then its write: the call went on each time, its workers loading the text.
    expect(refused.map((r) => r.split(' ')[0])).toEqual(['GET', 'POST'])
    expect(loads(behind)).toBe(1)
    expect(kept('cyd')).toBeUndefined()
  })
})
