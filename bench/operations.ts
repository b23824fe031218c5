/**
 * The bench's measured operations: the declarative runtime and the hand-written code (./baseline.ts) side by side in
 * one process, alternating rounds. bench/run.ts bundles this file minified, with the manifests, as a deployment's
 * build is (both sides minified alike), and runs it in its own process; the stand-in runs in another.
 */
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { providers } from 'virtual:providers'
import { useBuilt } from '../src/manifest/expressions/fast-path'
import { programFile, setIsolationWorker } from '../src/manifest/isolation/pool'
import { loadManifest } from '../src/manifest/load'
import { Configured } from '../src/runtime/configured'
import { ProviderRuntime, type Author, type HistoryMessage, type Outcome } from '../src/runtime/provider'
import { HandWrittenZendesk } from './baseline'

export const SECRET = 'bench-signing-secret'

// The code the build generated for its manifests' fast paths, as the integration's bundle takes a manifest's when a call
// first selects it (src/botpress/providers.ts).
for (const p of providers) if (p.code) useBuilt(p.code())

export type Options = {
  /** The checkout (providers/ is read from there). */
  root: string
  /** The Zendesk-shaped stand-in's base URL. */
  standInUrl: string
  /** The isolation workers' program (src/manifest/isolation/entry.ts bundled), which a pasted manifest's run. */
  isolationFile: string
  quick: boolean
}

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
const comparing =
  (ROUNDS: number, PER_ROUND: number, WARMUP: number) =>
  async (name: string, runtime: () => Promise<unknown>, baseline: () => Promise<unknown>) => {
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

/** Each operation's row, and webhook throughput with 1, 50 and 200 matchers beside the hand-written code's. */
export async function run({ root, standInUrl, isolationFile, quick }: Options) {
  const QUICK = quick
  const ROUNDS = QUICK ? 2 : 10
  const PER_ROUND = QUICK ? 10 : 100
  const WARMUP = QUICK ? 10 : 200
  const compare = comparing(ROUNDS, PER_ROUND, WARMUP)
  const apiBaseUrl = `${standInUrl}/api/v2`
  const zendeskText = readFileSync(join(root, 'providers', 'zendesk.yaml'), 'utf8')
  const plan = loadManifest(zendeskText, 'providers/zendesk.yaml')
  // A runtime per operation, as the binding makes one per call, with what the configuration alone decides made once
  // (Configured: the binding keeps one per configuration).
  const config = { subdomain: 'acme', email: 'bot@acme.test', apiToken: 'bench-token', apiBaseUrl }
  const env = { webhookUrl: 'https://webhook.botpress.cloud/wh_bench' }
  const state = { signingSecret: SECRET, selfId: '42' }
  const configured = new Configured(plan, config, {}, env)
  const runtime = () => new ProviderRuntime(plan, { configured, state })
  // The same manifest pasted into the configuration: its expressions run in the isolation workers (the bundle's).
  setIsolationWorker(programFile(isolationFile))
  const pastedPlan = loadManifest(zendeskText, '<configuration: manifest>', { isolated: true })
  const pastedConfigured = new Configured(pastedPlan, config, {}, env)
  const pasted = () => new ProviderRuntime(pastedPlan, { configured: pastedConfigured, state })
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
  const image = `${standInUrl}/_downloads/photo.png`
  let n = 0
  // One agent reply, signed afresh, received and matched by a runtime (a new one, as per call) or the hand-written code.
  const webhookIn = (make: () => ProviderRuntime) => async () => {
    const w = zendeskReply(++n)
    const r = make()
    const parsed = await r.receive({ method: 'POST', path: '/', query: '', headers: w.headers, body: w.raw })
    for (const e of parsed.events) await r.matchEvent(e, parsed.scope)
  }
  const handWrittenWebhookIn = async () => {
    const w = zendeskReply(++n)
    await base.webhook(w.headers, w.raw)
  }

  // The operations a bundled and a pasted manifest are both measured on, each beside the hand-written code.
  const startHitlOn = (make: () => ProviderRuntime) => () =>
    make().startHitl({ title: 'Late order' }, user, history, authorOf)
  const handWrittenStartHitl = () => base.startHitl({ title: 'Late order' }, user, history)
  const textOn = (make: () => ProviderRuntime) => () =>
    make().sendMessage('text', { text: 'Order 1234' }, author, user, session)
  const handWrittenText = () => base.sendText('77', 'Order 1234', author)

  const rows = [
    await compare(
      'createUser',
      () => runtime().createUser({ name: 'Ada Lovelace', email: 'ada@example.com' }, { id: 'user_1' }),
      () => base.createUser({ name: 'Ada Lovelace', email: 'ada@example.com' }, 'user_1')
    ),
    await compare(
      'startHitl, no history',
      () => runtime().startHitl({ title: 'Late order' }, user, [], authorOf),
      () => base.startHitl({ title: 'Late order' }, user, [])
    ),
    await compare('startHitl, 50 history messages', startHitlOn(runtime), handWrittenStartHitl),
    await compare('text message out', textOn(runtime), handWrittenText),
    await compare(
      'image message out (download + upload + comment)',
      () => runtime().sendMessage('image', { imageUrl: image }, author, user, session),
      () => base.sendImage('77', image, author)
    ),
    await compare(
      'agent-reply webhook in (verify, parse, match, the comment read back)',
      webhookIn(runtime),
      handWrittenWebhookIn
    ),
    // The pasted rows last: their workers' own CPU, which the process's counts (their collector at work after the
    // rows' garbage), goes on after a row ends, and would be counted in the row after it.
    await compare(
      'pasted manifest (isolated): startHitl, 50 history messages',
      startHitlOn(pasted),
      handWrittenStartHitl
    ),
    await compare('pasted manifest (isolated): text message out', textOn(pasted), handWrittenText),
    await compare('pasted manifest (isolated): agent-reply webhook in', webhookIn(pasted), handWrittenWebhookIn),
  ]

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
  const events = Array.from({ length: 200 }, (_, i) => zendeskReply(i))
  // Signed replies handled back to back for `ms`, per second (awaited only when a side answers later).
  const perSecond = async (handle: (w: (typeof events)[number]) => unknown, ms: number) => {
    let done = 0
    const until = performance.now() + ms
    while (performance.now() < until) {
      const pending = handle(events[done % events.length]!)
      if (pending instanceof Promise) await pending
      done++
    }
    return done / (ms / 1000)
  }
  const runtimeHandler = (count: number) => {
    const matching = withMatchers(count)
    const r = new ProviderRuntime(matching, { configured: new Configured(matching, config, {}, env), state })
    const matched = (outcome: Outcome) => {
      if (outcome.kind !== 'message') throw new Error(`benchmark event not matched: ${JSON.stringify(outcome)}`)
    }
    const match = (parsed: Awaited<ReturnType<ProviderRuntime['receive']>>) => {
      const outcome = r.matchEvent(parsed.events[0], parsed.scope)
      return outcome instanceof Promise ? outcome.then(matched) : matched(outcome)
    }
    // As the binding reads them, but awaited only when a promise comes back (as the hand-written side is).
    return (w: (typeof events)[number]) => {
      const parsed = r.receive({ method: 'POST', path: '/', query: '', headers: w.headers, body: w.raw })
      return parsed instanceof Promise ? parsed.then(match) : match(parsed)
    }
  }
  const handWritten = (w: (typeof events)[number]) => {
    if (!base.verify(w.headers, w.raw).message) throw new Error('baseline did not match')
  }
  // In alternating rounds, as the rows above: each side in turn for half a second, its median over the rounds.
  const sides = [runtimeHandler(1), runtimeHandler(50), runtimeHandler(200), handWritten]
  const rates = sides.map(() => [] as number[])
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, side] of sides.entries()) rates[i]!.push(await perSecond(side, QUICK ? 250 : 500))
  const [one, fifty, twoHundred, hand] = rates.map(median) as [number, number, number, number]

  return { rows, runs: ROUNDS * PER_ROUND, throughput: { one, fifty, twoHundred, hand } }
}
