/**
 * npm run record: a whole session run against a real helpdesk, written down as a fixture (fixture language,
 * schemas/fixture.schema.yaml) from what went over the wire.
 *
 * The bundled integration runs here as in the playground (Botpress API stand-in, the bot's side played by the
 * recorder) against the real helpdesk: every request it sends there (all leave through transmit, which publishes
 * each) is kept with its answer, in order, with the step it belongs to. The helpdesk's webhooks reach a relay here (its URL is given
 * to the helpdesk at registration), are kept with their headers and handed to the integration as Botpress would;
 * what each did in Botpress (an agent's message, hitlAssigned, hitlStopped, nothing) becomes its expectation.
 *
 * Nothing private is written: the configuration's secrets, whatever registration generated (as {state.<name>}),
 * every value under a key that names a token, secret, password or signature, signature headers, e-mail addresses
 * (person1@example.com …), the names of agents and of anyone beside an e-mail address (Person 1 …), and files'
 * contents are replaced, each value by the same placeholder everywhere. The helpdesk's own address becomes
 * {helpdesk}, the relay's {webhookUrl}, the files the bot sends {files}. Ids the vendor made are kept.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { readBundle } from '../build/providers'
import { configurationName } from '../src/botpress/names'
import { ProviderCatalog } from '../src/botpress/providers'
import { withDefaults } from '../src/manifest/values'
import { lowercased, TRANSMISSIONS, type Transmitted } from '../src/runtime/http/transport'
import { ProviderRuntime } from '../src/runtime/provider'
import { BotpressApiStandIn } from './botpress-api'
import { BotpressCaller, IDS } from './botpress-caller'
import type { Fixture, PollOutcome as Outcome, Sign, WebhookCase } from './fixture'
import { HelpdeskStandIn, parseRequest, type Recorded } from './helpdesk'

const ROOT = join(__dirname, '..')

export type RecordOptions = {
  provider: string
  /** The configuration, as `npm start -- --provider` reads it (HITL_<FIELD> variables). */
  configuration: Record<string, unknown>
  /**
   * Where the helpdesk can reach this machine (a tunnel's address), when it is not on this machine itself: the
   * webhook relay and the bot's files are served under it.
   */
  publicUrl?: string
  /** The end user the session is for (placeholders by default; any real address is replaced in the fixture). */
  user?: { name: string; email: string }
  /** The agent's turn: resolves when the person playing the agent (or a test) is done in the helpdesk. */
  agentTurn: (session: { ticketId: string; webhookUrl: string }) => Promise<void>
  /** The integration bundle to run (dist/index.js by default). */
  bundle?: string
  /** How long to wait, after the agent's turn, for webhooks still on their way. */
  settleMs?: number
  log?: (line: string) => void
}

export type Recording = {
  /** The fixture, ready to be written (a whole file, or a scenario's fields). */
  fixture: Fixture
  /** What could not be recorded as it was, each said once (a signature to complete by hand, a webhook left out). */
  warnings: string[]
}

type Step = 'register' | 'createUser' | 'startHitl' | `message ${number}` | 'webhook' | 'stopHitl' | 'unregister'
type Exchange = { step: Step; request: Recorded; status: number; headers: Record<string, string>; body: unknown }
type Received = {
  headers: Record<string, string>
  body: string
  status: number
  outcome: WebhookCase['expect']
}

/** The session a recording runs: what the fixture runner replays (test/support/fixture-run.ts). */
const HISTORY = (userId: string) => [
  { source: { type: 'user', userId }, type: 'text', payload: { text: 'My order is late' } },
  { source: { type: 'bot' }, type: 'text', payload: { text: 'Let me get a human' } },
]
const SENDS = [
  { type: 'text', payload: { text: 'Order 1234' }, from: 'user' },
  { type: 'text', payload: { text: 'Hold on' }, from: 'bot' },
  { type: 'image', payload: { imageUrl: '{files}/photo.png' }, from: 'user' },
  { type: 'file', payload: { fileUrl: '{files}/invoice.pdf', title: 'Invoice' }, from: 'bot' },
] as const

export async function recordSession(options: RecordOptions): Promise<Recording> {
  const log = options.log ?? (() => undefined)
  const warnings: string[] = []
  const { providers } = readBundle('')
  const plan = new ProviderCatalog(readBundle('')).plans.find((p) => p.manifest.id === options.provider)
  const manifest = providers.find((p) => p.manifest.id === options.provider)?.manifest
  if (!plan || !manifest) throw new Error(`no provider '${options.provider}' in providers/`)
  const config = withDefaults(manifest.configuration, options.configuration)

  // A tool of this machine, as the playground: a helpdesk (or the bot's files) on 127.0.0.1 over plain http is fine.
  process.env.HITL_ALLOW_LOCAL_NETWORK = '1'
  // Where the helpdesk really is: the configuration's apiBaseUrl, else the manifest's base URL for this configuration.
  const real = await new ProviderRuntime(plan, { config, state: {}, env: { webhookUrl: '' } }).http.baseUrl()
  const apiPath = real.pathname.replace(/\/$/, '')

  const botpress = new BotpressApiStandIn()
  process.env.BP_API_URL = await botpress.start()
  const integration = require(options.bundle ?? join(ROOT, 'dist', 'index.js')).default as {
    handler: ConstructorParameters<typeof BotpressCaller>[0]['handler']
  }

  // Every request the integration makes leaves through transmit (src/runtime/http/transport.ts), which publishes
  // each exchange on its diagnostics channel, the bundle's copy included: watched here, each one to the helpdesk kept
  // with its answer and the step it belongs to. The bot's files are the stand-in's.
  const files = new HelpdeskStandIn()
  await files.start()
  // Which step a request belongs to: the async context it was sent in (webhooks come while actions run).
  const steps = new AsyncLocalStorage<Step>()
  const exchanges: Exchange[] = []
  /** Answers still being read: in the order they were sent, each in its place once read. */
  const reading: Promise<void>[] = []
  const watch = (message: unknown) => {
    const { url, request, response: answer } = message as Transmitted
    // Not the helpdesk's (a file's host): left to the integration, which reads it.
    if (url.origin !== real.origin) return
    const step = steps.getStore() ?? 'webhook'
    const at = exchanges.length
    exchanges.push(undefined as unknown as Exchange)
    reading.push(
      (async () => {
        const body = request.body
        const raw =
          body === undefined
            ? Buffer.alloc(0)
            : Buffer.from(typeof body === 'string' || body instanceof URLSearchParams ? String(body) : body)
        const parsed = await parseRequest(
          request.method,
          `${url.pathname}${url.search}`,
          lowercased(request.headers),
          raw
        )
        const type = answer.headers['content-type'] ?? ''
        const bytes = Buffer.from(await answer.bytes())
        let kept: unknown = bytes.toString('utf8')
        if (type.includes('json') && bytes.length) kept = safeJson(bytes.toString('utf8'))
        const answered: Record<string, string> = {}
        for (const name of ['content-type', 'location']) {
          const value = answer.headers[name]
          if (value) answered[name] = value
        }
        exchanges[at] = { step, request: parsed, status: answer.status, headers: answered, body: kept }
      })()
    )
  }
  subscribe(TRANSMISSIONS.name, watch)
  /** A step run in its context, its exchanges read whole before it is said done. */
  const inStep = async <T>(name: Step, run: () => Promise<T>): Promise<T> => {
    const result = await steps.run(name, run)
    await Promise.all(reading)
    return result
  }

  // The relay: the helpdesk's webhooks, kept and handed to the integration one at a time.
  const received: Received[] = []
  let relaying = Promise.resolve()
  let sessionOver = false
  const bp = new BotpressCaller(integration, botpress, options.configuration, configurationName(options.provider))
  let conversationId = ''
  const relay: Server = createServer((req, res) => {
    // Behind a public address the relay serves the bot's files too (the stand-in's, the same bytes).
    if (req.url?.startsWith('/files/'))
      return void fetch(`${files.filesUrl}/${req.url.slice('/files/'.length)}`).then(async (f) => {
        res.writeHead(f.status, { 'content-type': f.headers.get('content-type') ?? 'application/octet-stream' })
        res.end(Buffer.from(await f.arrayBuffer()))
      })
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      relaying = relaying.then(async () => {
        const url = new URL(req.url ?? '/', 'http://x')
        if (!url.pathname.startsWith(`/webhook/${IDS.webhookId}`)) return void res.writeHead(404).end()
        const body = Buffer.concat(chunks).toString('utf8')
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
        const before = effects(botpress, conversationId)
        const answer = await inStep('webhook', () =>
          bp.webhook({
            method: req.method,
            path: url.pathname.slice(`/webhook/${IDS.webhookId}`.length) || '/',
            query: url.search.slice(1),
            headers,
            body,
          })
        )
        res.writeHead(answer.status, { 'content-type': 'application/json' })
        res.end(
          answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
        )
        if (sessionOver) return void warnings.push(`a webhook that came after the session ended was left out`)
        if (!conversationId) return void warnings.push('a webhook that came before the ticket existed was left out')
        const outcome =
          answer.status === 200
            ? await outcomeOf(
                botpress,
                bp,
                before,
                conversationId,
                () => exchanges.length,
                (from) => exchanges.slice(from)
              )
            : { reply: { status: answer.status } }
        received.push({ headers, body, status: answer.status, outcome })
      })
    })
  })
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r))
  const local = `http://127.0.0.1:${(relay.address() as { port: number }).port}`
  const base = (options.publicUrl ?? local).replace(/\/$/, '')
  const webhookUrl = `${base}/webhook/${IDS.webhookId}`
  process.env.BP_WEBHOOK_URL = `${base}/webhook`
  const filesUrl = options.publicUrl ? `${base}/files` : files.filesUrl
  const user = options.user ?? { name: 'Ada Lovelace', email: 'ada@example.com' }
  const fixture: Record<string, any> = { provider: options.provider }
  const requestsOf = (s: Step) => exchanges.filter((e) => e.step === s).map((e) => e.request)
  try {
    log(`recording ${manifest.title} at ${real.origin}${apiPath} …`)
    const registered = await inStep('register', () => bp.register(webhookUrl))
    if (registered.status !== 200) throw new Error(`registration failed: ${JSON.stringify(registered.body)}`)
    const kept = (botpress.states.get(`integration/${IDS.integrationId}/lifecycle`)?.payload.values ?? {}) as Record<
      string,
      unknown
    >

    const { userId } = await inStep('createUser', () => bp.action('createUser', user))
    const externalId = botpress.users.get(userId)?.tags.id
    const startInput = { title: 'Late order' }
    ;({ conversationId } = await inStep('startHitl', () =>
      bp.action('startHitl', { userId, messageHistory: HISTORY(userId), ...startInput })
    ))
    const ticketId = botpress.conversations.get(conversationId)?.tags.id
    log(`ticket ${ticketId} opened; the end user and the bot write …`)

    const messages = []
    for (const [i, m] of SENDS.entries()) {
      const step: Step = `message ${i}`
      const payload = JSON.parse(JSON.stringify(m.payload).replaceAll('{files}', filesUrl))
      const sent = await inStep(step, () =>
        bp.send(conversationId, m.type, m.from === 'user' ? { ...payload, userId } : payload)
      )
      if (sent.status !== 200) throw new Error(`${m.type} from the ${m.from} failed: ${JSON.stringify(sent.body)}`)
      messages.push({ send: m, requests: requestsOf(step), messageId: botpress.messages.get(sent.message.id)?.tags.id })
    }

    log(`now the agent's turn in ${manifest.title}, on ticket ${ticketId}`)
    await options.agentTurn({ ticketId, webhookUrl })
    await new Promise((r) => setTimeout(r, options.settleMs ?? 2000))
    await relaying

    sessionOver = true
    await inStep('stopHitl', () => bp.action('stopHitl', { conversationId }))
    await inStep('unregister', () => bp.unregister(webhookUrl))

    Object.assign(fixture, {
      configuration: { ...options.configuration },
      apiPath: apiPath || undefined,
      routes: routesOf(exchanges),
      register: { requests: requestsOf('register') },
      createUser: { input: user, requests: requestsOf('createUser'), externalId },
      startHitl: { input: startInput, requests: requestsOf('startHitl'), ticketId },
      messages,
      webhooks: { sign: signOf(manifest, config, warnings), events: received },
      stopHitl: { requests: requestsOf('stopHitl') },
      unregister: { requests: requestsOf('unregister') },
    })
    const redact = new Redaction({
      secrets: [
        ...Object.entries(manifest.configuration ?? {})
          .filter(([name, f]) => f.secret && typeof config[name] === 'string')
          .map(([name]) => [String(config[name]), `${name}-recorded`] as [string, string]),
      ],
      state: Object.entries(kept).filter(([, v]) => typeof v === 'string' && String(v).length >= 6) as [
        string,
        string,
      ][],
      places: [
        [webhookUrl, '{webhookUrl}'],
        [filesUrl, '{files}'],
        [real.origin, '{helpdesk}'],
        [userId, '{botpressUserId}'],
        [conversationId, '{botpressConversationId}'],
      ],
      people: [user.name, ...[...botpress.users.values()].filter((u) => u.tags?.agentId).map((u) => String(u.name))],
      user,
    })
    return { fixture: finish(redact, fixture), warnings: [...new Set(warnings)] }
  } finally {
    unsubscribe(TRANSMISSIONS.name, watch)
    relay.closeAllConnections?.()
    await new Promise<void>((r) => relay.close(() => r()))
    await files.stop()
    await botpress.stop()
  }
}

/** What Botpress held of the conversation before a webhook: to tell what the webhook added. */
function effects(botpress: BotpressApiStandIn, conversationId: string) {
  return {
    messages: botpress.messagesIn(conversationId).filter((m) => m.direction === 'incoming').length,
    events: botpress.events.length,
  }
}

/** What one webhook did in Botpress, as the fixture runner checks it. */
async function outcomeOf(
  botpress: BotpressApiStandIn,
  bp: BotpressCaller,
  before: ReturnType<typeof effects>,
  conversationId: string,
  count: () => number,
  since: (from: number) => Exchange[]
): Promise<WebhookCase['expect']> {
  const incoming = botpress
    .messagesIn(conversationId)
    .filter((m) => m.direction === 'incoming')
    .slice(before.messages)
  const events = botpress.events.slice(before.events).filter((e) => e.payload?.conversationId === conversationId)
  if (incoming.length) {
    const agent = botpress.users.get(incoming[0]!.userId)
    const text = incoming.find((m) => m.type === 'text')?.payload.text
    const attachments = []
    for (const m of incoming.filter((m) => m.type !== 'text')) {
      const url = Object.values(m.payload).find((v) => typeof v === 'string' && /^https?:/.test(v)) as string
      if (!url.includes(`/${IDS.webhookId}/`)) {
        attachments.push({ type: m.type, url })
        continue
      }
      // A link the integration answers: opened as the end user would, to see where it re-hosts the file from.
      const from = count()
      await (await bp.open(url)).arrayBuffer()
      const download = since(from).find((e) => e.request.method === 'GET')
      attachments.push({
        type: m.type,
        rehosted: { path: download?.request.path ?? '(not through the API: complete by hand)' },
      })
    }
    return {
      message: {
        ...(text !== undefined ? { text } : {}),
        ...(attachments.length ? { attachments } : {}),
        agentId: String(agent?.tags.agentId),
        ...(agent?.name ? { agentName: String(agent.name) } : {}),
      },
    } as Outcome
  }
  const event = events[0]
  if (event?.type === 'hitlAssigned') {
    const agent = botpress.users.get(event.payload.userId)
    return {
      event: 'hitlAssigned',
      agentId: String(agent?.tags.agentId),
      ...(agent?.name ? { agentName: String(agent.name) } : {}),
    }
  }
  if (event?.type === 'hitlStopped') return { event: 'hitlStopped' }
  return { ignored: true }
}

/** Each path's answers, in the order they came: one route, or `answers` in sequence where they differed. */
function routesOf(exchanges: Exchange[]) {
  const routes = new Map<
    string,
    { method: string; path: string; answers: { status: number; headers?: Record<string, string>; body?: unknown }[] }
  >()
  for (const e of exchanges) {
    const key = `${e.request.method} ${e.request.path}`
    const route = routes.get(key) ?? { method: e.request.method, path: e.request.path, answers: [] }
    routes.set(key, route)
    const headers = Object.fromEntries(
      Object.entries(e.headers).filter(([k, v]) => !(k === 'content-type' && v.includes('json')))
    )
    const binary = typeof e.body === 'string' && !/json|text|xml/.test(e.headers['content-type'] ?? 'text')
    route.answers.push({
      status: e.status,
      ...(Object.keys(headers).length ? { headers } : {}),
      // A file's content is the customer's: a placeholder of the same kind stands for it.
      ...(e.body === '' ? {} : { body: binary ? `recorded file ${e.request.path.split('/').pop()}` : e.body }),
    })
  }
  return [...routes.values()].map(({ method, path, answers }) => {
    const same = answers.every((a) => JSON.stringify(a) === JSON.stringify(answers[0]))
    return same ? { method, path, ...answers[0] } : { method, path, answers }
  })
}

/** A request as the fixture expects it: what was sent, without its credentials and transport headers. */
function expected(r: Recorded) {
  return {
    method: r.method,
    path: r.path,
    ...(Object.keys(r.query).length ? { query: r.query } : {}),
    ...(r.json !== undefined ? { json: r.json } : {}),
    ...(r.form ? { form: r.form } : {}),
    ...(r.multipart
      ? {
          multipart: {
            fields: r.multipart.fields,
            files: r.multipart.files.map(({ field, fileName, contentType }) => ({ field, fileName, contentType })),
          },
        }
      : {}),
  }
}

/** How the vendor signs, read from the manifest's verification, with the recorded placeholder of its secret. */
function signOf(manifest: any, config: Record<string, unknown>, warnings: string[]): Sign {
  const ways = (inbound: any): any[] =>
    !inbound ? [] : inbound.type === 'either' ? [...ways(inbound.use), ...ways(inbound.otherwise)] : [inbound]
  const verify = ways(manifest.inbound).find((w) => w.verify)?.verify
  const secretOf = (template: string): { secret?: string; secretFromState?: string } | undefined => {
    const m = template.match(/^\{\{\s*(config|state)\.(\w+)\s*\}\}$/)
    if (!m) return undefined
    return m[1] === 'state' ? { secretFromState: m[2] } : { secret: String(config[m[2]!] ?? '') }
  }
  if (!verify || verify.type === 'none') return { type: 'none' }
  if (verify.type === 'hmac' && !verify.signature.pattern && !verify.timestamp?.pattern) {
    const secret = secretOf(verify.secret)
    const payload = (verify.signedPayload ?? '{{ rawBody }}')
      .replace(/\{\{\s*rawBody\s*\}\}/g, '{body}')
      .replace(/\{\{\s*headers\.`?([\w-]+)`?\s*\}\}/g, (all: string, h: string) =>
        verify.timestamp && h.toLowerCase() === verify.timestamp.header.toLowerCase() ? '{timestamp}' : all
      )
    if (secret && !payload.includes('{{'))
      return {
        type: 'hmac',
        algorithm: verify.algorithm,
        ...secret,
        ...(verify.keyEncoding && verify.keyEncoding !== 'text' ? { keyEncoding: verify.keyEncoding } : {}),
        encoding: verify.signature.encoding,
        header: verify.signature.header,
        ...(verify.signature.prefix ? { value: `${verify.signature.prefix}{signature}` } : {}),
        ...(payload !== '{body}' ? { payload } : {}),
        ...(verify.timestamp
          ? { timestamp: { header: verify.timestamp.header, format: verify.timestamp.format } }
          : {}),
      }
  }
  if (verify.type === 'token') {
    const secret = secretOf(verify.value)?.secret
    if (secret !== undefined)
      return verify.in === 'query'
        ? { type: 'token', query: `${verify.name}=${secret}` }
        : verify.in === 'body'
          ? { type: 'token', body: { [verify.name]: secret } }
          : { type: 'token', headers: { [verify.name]: secret } }
  }
  warnings.push(
    `webhooks.sign: the manifest's ${verify.type} verification could not be read into the fixture's signing; complete it by hand (docs/testing-a-provider.md › Signing)`
  )
  return { type: 'none' }
}

/** Values replaced the same way everywhere in a recording. */
class Redaction {
  private readonly exact: [string, string][]
  /** What registration generated: {state.<name>} in what the integration sends (the runner fills it), else a placeholder. */
  private readonly state: [string, string][]
  private readonly emails = new Map<string, string>()
  private readonly names = new Map<string, string>()

  constructor(given: {
    secrets: [string, string][]
    state: [string, string][]
    places: [string, string][]
    people: string[]
    user: { name: string; email: string }
  }) {
    this.exact = [...given.secrets, ...given.places.filter(([v]) => v)].sort((a, b) => b[0].length - a[0].length)
    this.state = given.state
    this.emails.set(given.user.email.toLowerCase(), 'ada@example.com')
    this.names.set(given.user.name, 'Ada Lovelace')
    for (const name of given.people) this.person(name)
  }

  private person(name: string) {
    if (!this.names.has(name)) this.names.set(name, `Person ${this.names.size}`)
    return this.names.get(name)!
  }

  text(s: string, sent = false): string {
    for (const [name, value] of this.state) s = s.replaceAll(value, sent ? `{state.${name}}` : `${name}-recorded`)
    for (const [value, placeholder] of this.exact) s = s.replaceAll(value, placeholder)
    s = s.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, (email) => {
      const key = email.toLowerCase()
      if (/@example\.(com|org)$|\.(test|invalid)$/.test(key) && !this.emails.has(key)) return email
      if (!this.emails.has(key)) this.emails.set(key, `person${this.emails.size}@example.com`)
      return this.emails.get(key)!
    })
    for (const [name, placeholder] of this.names) if (name.length > 2) s = s.replaceAll(name, placeholder)
    return s
  }

  /** `sent`: a request the integration sends, where what registration generated is named, not replaced. */
  value(v: unknown, key = '', sent = false): unknown {
    if (typeof v === 'string') {
      const text = this.text(v, sent)
      if (/token|secret|password|signature|api_?key/i.test(key) && text === v) return `${key}-redacted`
      return text
    }
    if (Array.isArray(v)) return v.map((x) => this.value(x, key, sent))
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      // A person: a name beside an e-mail address.
      const hasEmail = Object.values(o).some((x) => typeof x === 'string' && /@/.test(x))
      if (hasEmail)
        for (const k of Object.keys(o))
          if (/^(name|display_?name|full_?name|first_?name|last_?name)$/i.test(k) && typeof o[k] === 'string')
            this.person(String(o[k]))
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, this.value(x, k, sent)]))
    }
    return v
  }
}

/** The fixture as written: requests in their expected form, every value redacted (people first, then the rest). */
function finish(redact: Redaction, fixture: Record<string, any>): Fixture {
  // People are collected from every answer and webhook before anything is written.
  redact.value(fixture.routes)
  redact.value(fixture.webhooks.events.map((w: Received) => safeJson(w.body)))
  const out = (requests: Recorded[]) => redact.value(requests.map(expected), '', true)
  const shaped = {
    ...fixture,
    register: { requests: out(fixture.register.requests) },
    createUser: { ...fixture.createUser, requests: out(fixture.createUser.requests) },
    startHitl: { ...fixture.startHitl, requests: out(fixture.startHitl.requests) },
    messages: fixture.messages.map((m: any) => ({
      send: m.send,
      requests: out(m.requests),
      ...(m.messageId ? { messageId: m.messageId } : {}),
    })),
    webhooks: {
      sign: fixture.webhooks.sign,
      events: fixture.webhooks.events.map((w: Received, i: number): WebhookCase => ({
        name: `webhook ${i + 1}: ${'ignored' in w.outcome ? 'ignored' : 'event' in w.outcome ? w.outcome.event : 'message' in w.outcome ? "an agent's message" : `answered ${w.status}`}`,
        body: safeJson(w.body),
        ...vendorHeaders(w.headers),
        expect: w.outcome as WebhookCase['expect'],
      })),
    },
    stopHitl: { requests: out(fixture.stopHitl.requests) },
    unregister: { requests: out(fixture.unregister.requests) },
  }
  const result = redact.value({ ...shaped, webhooks: { ...shaped.webhooks, sign: undefined } }) as Record<string, any>
  // The signing names where its key comes from: only the key itself is replaced.
  result.webhooks.sign = JSON.parse(redact.text(JSON.stringify(fixture.webhooks.sign)))
  // The runner points apiBaseUrl at the stand-in itself.
  delete result.configuration.apiBaseUrl
  if (result.apiPath === undefined) delete result.apiPath
  return result as Fixture
}

const safeJson = (s: string): unknown => {
  try {
    return JSON.parse(s)
  } catch {
    return s
  }
}

/** The headers a vendor's webhook carries that say something (its event's name), not its transport or signature. */
function vendorHeaders(headers: Record<string, string>): { headers?: Record<string, string>; contentType?: string } {
  const kept = Object.fromEntries(
    Object.entries(headers).filter(
      ([k]) => /^x-/.test(k) && !/signature|hmac|token|auth|timestamp|forwarded|request-id|delivery|real-ip/i.test(k)
    )
  )
  const type = headers['content-type']
  return {
    ...(Object.keys(kept).length ? { headers: kept } : {}),
    ...(type && !type.startsWith('application/json') ? { contentType: type } : {}),
  }
}

/** The fixture as YAML, with the modeline that gives editors its schema. */
export function fixtureYaml(fixture: Fixture, note: string): string {
  return `# yaml-language-server: $schema=../../../schemas/fixture.schema.json\n${note
    .split('\n')
    .map((l) => `# ${l}`.trimEnd())
    .join('\n')}\n${stringify(fixture, { lineWidth: 120 })}`
}
