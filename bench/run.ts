/**
 * npm run bench: the declarative runtime against hand-written code doing the same Zendesk calls (bench/baseline.ts),
 * both talking to one stand-in on 127.0.0.1 in another process; then cold start, webhook throughput and bundle
 * size. Prints figures and ratios; asserts nothing. Method and latest figures: bench/README.md.
 */
import { build } from 'esbuild'
import { execFileSync, spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { parse, stringify } from 'yaml'
import { esbuildOptions } from '../build/esbuild'
import { readBundle } from '../build/providers'
import { bundle } from '../scripts/build'
import { setIsolationFile } from '../src/manifest/isolation/pool'
import { loadManifest } from '../src/manifest/load'
import { ProviderRuntime, type Author, type HistoryMessage } from '../src/runtime/provider'
import { botpressCalls } from '../testkit/botpress-calls'
import { HandWrittenZendesk } from './baseline'
import { version as SDK_VERSION } from '@botpress/sdk/package.json'

const ROOT = join(__dirname, '..')
const SECRET = 'bench-signing-secret'
const QUICK = process.argv.includes('--quick')
const ROUNDS = QUICK ? 2 : 6
const PER_ROUND = QUICK ? 10 : 40
const WARMUP = QUICK ? 10 : 40

type Sample = { times: number[]; cpuUs: number }

async function sample(fn: () => Promise<unknown>, n: number, into: Sample) {
  const cpu = process.cpuUsage()
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    into.times.push(performance.now() - t)
  }
  const used = process.cpuUsage(cpu)
  into.cpuUs += used.user + used.system
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!
const ms = (x: number) => `${x.toFixed(3)} ms`

/** Runs both sides in alternating rounds (so drift hits both alike) and returns one table row. */
async function compare(name: string, runtime: () => Promise<unknown>, baseline: () => Promise<unknown>) {
  await sample(runtime, WARMUP, { times: [], cpuUs: 0 })
  await sample(baseline, WARMUP, { times: [], cpuUs: 0 })
  const r: Sample = { times: [], cpuUs: 0 }
  const b: Sample = { times: [], cpuUs: 0 }
  for (let round = 0; round < ROUNDS; round++) {
    await sample(runtime, PER_ROUND, r)
    await sample(baseline, PER_ROUND, b)
  }
  const n = ROUNDS * PER_ROUND
  const [rt, bt, rc, bc] = [median(r.times), median(b.times), r.cpuUs / n / 1000, b.cpuUs / n / 1000]
  return `| ${name} | ${ms(rt)} (p95 ${ms(p95(r.times))}) | ${ms(bt)} (p95 ${ms(p95(b.times))}) | **${(rt / bt).toFixed(2)}** | ${ms(rc)} | ${ms(bc)} | **${(rc / bc).toFixed(2)}** |`
}

function startStandIn(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'zendesk-stand-in.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve({ url: d.toString().trim(), stop: () => child.kill() }))
    child.once('exit', (code) => reject(new Error(`stand-in exited (${code})`)))
  })
}

function zendeskReply(n: number) {
  const raw = JSON.stringify({
    type: 'zen:event-type:ticket.comment_added',
    account_id: 1,
    id: `evt-${n}`,
    time: new Date().toISOString(),
    zendesk_event_version: '2022-11-06',
    subject: 'zen:ticket:77',
    detail: { id: '77', status: 'OPEN', requester_id: '501' },
    event: {
      comment: {
        id: String(9000 + n),
        body: 'Your parcel left today.',
        is_public: true,
        author: { id: '8001', name: 'Kim Agent', is_staff: true },
      },
    },
  })
  const ts = new Date().toISOString()
  const headers = {
    'content-type': 'application/json',
    'x-zendesk-webhook-signature-timestamp': ts,
    'x-zendesk-webhook-signature': createHmac('sha256', SECRET)
      .update(ts + raw)
      .digest('base64'),
  }
  return { headers, raw }
}

/** Median of five fresh processes running `code`, which prints a JSON object of numbers. */
function fresh(code: string, flags: string[] = []): Record<string, number> {
  const runs = Array.from(
    { length: 5 },
    () =>
      JSON.parse(execFileSync(process.execPath, [...flags, '-e', code], { cwd: ROOT, encoding: 'utf8' })) as Record<
        string,
        number
      >
  )
  return Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!))]))
}

async function main() {
  // The stand-in is on 127.0.0.1 over plain http: local use (src/runtime/network.ts).
  process.env.HITL_ALLOW_LOCAL_NETWORK = '1'
  const integrationBundle = await bundle()
  // The bench's own entries (cold start, heap per plan), bundled with the manifests as the integration is.
  const benchBundle = async (name: string) => {
    const outfile = join(ROOT, 'dist', 'bench', `${name}.js`)
    const options = { bundle: true, platform: 'node', target: 'es2020', format: 'cjs', logLevel: 'warning' } as const
    await build({ ...options, entryPoints: [join(__dirname, `${name}.ts`)], outfile, ...esbuildOptions(readBundle()) })
    return outfile
  }
  const coldBundle = await benchBundle('cold')
  const heapBundle = await benchBundle('heap')
  // The cold start's baseline: an integration that does nothing, bundled and minified the way the integration is.
  const emptyBundle = await bundle(join(ROOT, 'dist', 'bench', 'empty.js'), readBundle(''), {
    minify: true,
    entry: './bench/empty-integration',
  })

  const desk = await startStandIn()
  const apiBaseUrl = `${desk.url}/api/v2`
  const zendeskText = readFileSync(join(ROOT, 'providers', 'zendesk.yaml'), 'utf8')
  const plan = loadManifest(zendeskText, 'providers/zendesk.yaml')
  const ctx = {
    config: { subdomain: 'acme', email: 'bot@acme.test', apiToken: 'bench-token', apiBaseUrl },
    state: { signingSecret: SECRET, selfId: '42' },
    env: { webhookUrl: 'https://webhook.botpress.cloud/wh_bench' },
  }
  const runtime = () => new ProviderRuntime(plan, ctx)
  // The same manifest pasted into the configuration: its expressions run in the isolation workers (the bundle's).
  setIsolationFile(integrationBundle)
  const pastedPlan = loadManifest(zendeskText, '<configuration: manifest>', { isolated: true })
  const pasted = () => new ProviderRuntime(pastedPlan, ctx)
  const base = new HandWrittenZendesk({
    apiBaseUrl,
    email: 'bot@acme.test',
    apiToken: 'bench-token',
    signingSecret: SECRET,
    selfId: '42',
  })

  const user = { id: 'user_1', externalId: '501', name: 'Ada Lovelace' }
  const history: HistoryMessage[] = Array.from({ length: 50 }, (_, i) =>
    i % 2
      ? { source: { type: 'bot' }, type: 'text', payload: { text: `Bot answer ${i}` } }
      : { source: { type: 'user', userId: 'user_1' }, type: 'text', payload: { text: `User question ${i}` } }
  )
  const authorOf = (m: HistoryMessage): Author =>
    m.source.type === 'bot'
      ? { kind: 'bot', id: 'bot', name: 'Bot' }
      : { kind: 'user', id: user.id, externalId: user.externalId, name: user.name }
  const author: Author = { kind: 'user', id: user.id, externalId: user.externalId, name: user.name }
  const session = { ticketId: '77' }
  const image = `${desk.url}/_downloads/photo.png`
  let n = 0

  const rows = [
    await compare(
      'createUser',
      () => runtime().createUser({ name: 'Ada Lovelace', email: 'ada@example.com' }, { id: 'user_1' }),
      () => base.createUser({ name: 'Ada Lovelace', email: 'ada@example.com' }, 'user_1')
    ),
    await compare(
      'startHitl, 50 history messages',
      () => runtime().startHitl({ title: 'Late order' }, user, history, authorOf),
      () => base.startHitl({ title: 'Late order' }, user, history)
    ),
    await compare(
      'text message out',
      () => runtime().sendMessage('text', { text: 'Order 1234' }, author, user, session),
      () => base.sendText('77', 'Order 1234', author)
    ),
    await compare(
      'image message out (download + upload + comment)',
      () => runtime().sendMessage('image', { imageUrl: image }, author, user, session),
      () => base.sendImage('77', image, author)
    ),
    await compare(
      'pasted manifest (isolated): startHitl, 50 history messages',
      () => pasted().startHitl({ title: 'Late order' }, user, history, authorOf),
      () => base.startHitl({ title: 'Late order' }, user, history)
    ),
    await compare(
      'pasted manifest (isolated): text message out',
      () => pasted().sendMessage('text', { text: 'Order 1234' }, author, user, session),
      () => base.sendText('77', 'Order 1234', author)
    ),
    await compare(
      'pasted manifest (isolated): agent-reply webhook in',
      async () => {
        const w = zendeskReply(++n)
        const r = pasted()
        const parsed = await r.receive({ method: 'POST', path: '/', query: '', headers: w.headers, body: w.raw })
        for (const e of parsed.events) await r.matchEvent(e, parsed.scope)
      },
      async () => {
        const w = zendeskReply(++n)
        await base.webhook(w.headers, w.raw)
      }
    ),
    await compare(
      'agent-reply webhook in (verify, parse, match, the comment read back)',
      async () => {
        const w = zendeskReply(++n)
        const r = runtime()
        const parsed = await r.receive({ method: 'POST', path: '/', query: '', headers: w.headers, body: w.raw })
        for (const e of parsed.events) await r.matchEvent(e, parsed.scope)
      },
      async () => {
        const w = zendeskReply(++n)
        await base.webhook(w.headers, w.raw)
      }
    ),
  ]
  desk.stop()

  // Webhook throughput on one core (this process): verified and matched events per second.
  const manifest = parse(zendeskText)
  // Verify, parse and match alone: the reply's read-back of its comment (HTTP, in the rows above) is left out here.
  const { fetch: _fetch, ...reply } = manifest.events.matchers.find((m: { name: string }) => m.name === 'agentReply')
  reply.message = { ...reply.message, attachments: undefined, attachmentsNeedAuth: undefined }
  const withMatchers = (count: number) => {
    const m = structuredClone(manifest)
    // One matcher alone ignores nothing: our posts' echoes told by the record of posted texts (no bearing here).
    delete m.events.echoes
    m.events.matchers = [
      ...Array.from({ length: count - 1 }, (_, i) => ({
        name: `other${i}`,
        when: `event.type = 'zen:event-type:other.${i}'`,
        emit: 'ignore',
      })),
      reply,
    ]
    return loadManifest(stringify(m), `providers/zendesk-${count}.yaml`)
  }
  const throughput = async (count: number) => {
    const p = withMatchers(count)
    const r = new ProviderRuntime(p, ctx)
    const events = Array.from({ length: 200 }, (_, i) => zendeskReply(i))
    let done = 0
    const until = performance.now() + (QUICK ? 500 : 2000)
    while (performance.now() < until) {
      const w = events[done % events.length]!
      const parsed = await r.receive({ method: 'POST', path: '/', query: '', headers: w.headers, body: w.raw })
      const outcome = await r.matchEvent(parsed.events[0], parsed.scope)
      if (outcome.kind !== 'message') throw new Error(`benchmark event not matched: ${JSON.stringify(outcome)}`)
      done++
    }
    return done / ((QUICK ? 500 : 2000) / 1000)
  }
  const baselineThroughput = () => {
    const events = Array.from({ length: 200 }, (_, i) => zendeskReply(i))
    let done = 0
    const until = performance.now() + (QUICK ? 500 : 2000)
    while (performance.now() < until) {
      const w = events[done % events.length]!
      if (!base.verify(w.headers, w.raw).message) throw new Error('baseline did not match')
      done++
    }
    return done / ((QUICK ? 500 : 2000) / 1000)
  }
  const [one, fifty, twoHundred, hand] = [
    await throughput(1),
    await throughput(50),
    await throughput(200),
    baselineThroughput(),
  ]

  // Cold start, each in fresh processes.
  const imported = fresh(
    `const t = performance.now(); require(${JSON.stringify(integrationBundle)}); console.log(JSON.stringify({ importMs: performance.now() - t }))`
  )
  const importOf = (file: string) =>
    fresh(
      `const t = performance.now(); require(${JSON.stringify(file)}); console.log(JSON.stringify({ importMs: performance.now() - t }))`
    ).importMs!
  const heap = fresh(
    // Kept alive while the isolation workers (unreferenced) answer.
    `setInterval(() => {}, 1000); require(${JSON.stringify(heapBundle)}).run(${JSON.stringify(integrationBundle)}).then((r) => { console.log(JSON.stringify(r)); process.exit(0) })`,
    ['--expose-gc']
  )
  const loaded = fresh(
    `const t = performance.now(); const m = require(${JSON.stringify(coldBundle)}); const i = performance.now() - t; console.log(JSON.stringify({ importMs: i, ...m.run() }))`
  )

  const size = statSync(integrationBundle).size
  const gz = gzipSync(readFileSync(integrationBundle)).length
  // Minified, as a deployment would ship it: every provider, and Zendesk alone.
  const minified = async (providers: ReturnType<typeof readBundle>, file: string) =>
    statSync(await bundle(file, providers, { minify: true })).size
  const minAllFile = join(ROOT, 'dist', 'bench', 'min-all.js')
  const minOneFile = join(ROOT, 'dist', 'bench', 'min-zendesk.js')
  const minAll = await minified(readBundle(''), minAllFile)
  const minOne = await minified(readBundle('zendesk'), minOneFile)
  // Cold import, minified as a deployment ships it, beside the empty integration built the same way.
  const emptyMs = importOf(emptyBundle)
  const allMs = importOf(minAllFile)
  const oneMs = importOf(minOneFile)
  // Botpress API calls per operation, the bundle driven as Botpress drives it (official Zendesk: 4 and 6).
  const calls = await botpressCalls(integrationBundle)

  console.log(
    `\nDeclarative runtime vs hand-written ky code, Zendesk manifest, ${ROUNDS * PER_ROUND} runs per side (Node ${process.version}, ${process.platform}/${process.arch})\n`
  )
  console.log(
    '| operation | runtime time (median) | hand-written time (median) | time ratio | runtime CPU/op | hand-written CPU/op | CPU ratio |'
  )
  console.log('|---|---|---|---|---|---|---|')
  for (const row of rows) console.log(row)
  console.log(`\n| webhook throughput, one core | events/s |\n|---|---|`)
  console.log(
    `| runtime, 1 matcher | ${one.toFixed(0)} |\n| runtime, 50 matchers (match is the last) | ${fifty.toFixed(0)} |\n| runtime, 200 matchers (match is the last) | ${twoHundred.toFixed(0)} |\n| hand-written | ${hand.toFixed(0)} |`
  )
  console.log(`\n| cold start (median of 5 fresh processes) | |\n|---|---|`)
  console.log(`| import of the integration bundle | ${ms(imported.importMs!)} |`)
  console.log(`| import of the manifest loader alone | ${ms(loaded.importMs!)} |`)
  console.log(`| import of an empty sdk ${SDK_VERSION} integration, minified | ${ms(emptyMs)} |`)
  console.log(
    `| import, minified, every provider ÷ empty | ${ms(allMs)} ÷ ${ms(emptyMs)} = **${(allMs / emptyMs).toFixed(2)}** |`
  )
  console.log(
    `| import, minified, Zendesk alone ÷ empty | ${ms(oneMs)} ÷ ${ms(emptyMs)} = **${(oneMs / emptyMs).toFixed(2)}** |`
  )
  console.log(`| load bundled zendesk.yaml (validated at build), first after import | ${ms(loaded.oneMs!)} |`)
  console.log(`| load all ${loaded.count} bundled manifests | ${ms(loaded.allMs!)} |`)
  console.log(`| load + validate + compile a pasted manifest (zendesk.yaml as text), first | ${ms(loaded.pastedMs!)} |`)
  console.log(`| load + validate + compile a second pasted manifest (intercom.yaml) | ${ms(loaded.secondPastedMs!)} |`)
  console.log(
    `| heap per pasted plan (zendesk-messaging.yaml, ${heap.textKiB!.toFixed(0)} KiB of YAML; 40 kept): loaded / every expression compiled | ${heap.pastedPlanKiB!.toFixed(0)} KiB / ${heap.usedPlanKiB!.toFixed(0)} KiB |`
  )
  console.log(
    `\n| bundle | |\n|---|---|\n| dist/index.js | ${(size / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzipped) |`
  )
  console.log(`| minified, every provider | ${(minAll / 1024).toFixed(0)} KiB |`)
  console.log(`| minified, Zendesk alone (HITL_PROVIDER=zendesk) | ${(minOne / 1024).toFixed(0)} KiB |`)
  console.log(
    `\n| Botpress API calls (official Zendesk: 4 per message out, 6 per webhook) | calls | which |\n|---|---|---|`
  )
  for (const c of calls)
    console.log(
      `| ${c.operation} | ${c.calls} | ${c.which.map((w) => w.replace(/ conv_\w+\/| intver_\w+\//, ' ')).join(', ')} |`
    )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
