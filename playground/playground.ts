/**
 * The playground: a whole HITL session on this machine, no Botpress account needed. It runs, on 127.0.0.1,
 * - the bundled integration, served over HTTP by the SDK (integration.start);
 * - a stand-in of the Botpress runtime API, in memory, holding every call to Botpress' own API description;
 * - the sandbox helpdesk (providers/sandbox.yaml) with its agent page, or a real provider's API;
 * - the end-user page, which plays the bot's side (createUser, startHitl, messages) and shows what comes back;
 * - the webhook relay, wrapping the helpdesk's webhooks as Botpress delivers them to the integration.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { join, relative } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { configurationName } from '../src/botpress/names'
import { readBundle } from '../build/providers'
import { configurationFromEnv, envName } from '../scripts/env-configuration'
import { BotpressApiStandIn } from '../testkit/botpress-api'
import { BotpressCaller, IDS, overHttp } from '../testkit/botpress-caller'
import { maxBodyBytes, readBody as readBoundedBody, serve as serveIntegration, TooLarge } from '../src/serve'
import { page, send } from './http'
import { SandboxHelpdesk } from './sandbox-helpdesk'
import { connectManifest } from '../testkit/connect-manifest'

const ROOT = join(__dirname, '..')
const BUNDLE = join(ROOT, 'dist', 'index.js')
/** A picture the end user can send: served by the playground itself. */
const PICTURE = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="100" viewBox="0 0 160 100">
<rect width="160" height="100" rx="8" fill="#f4d58d"/><rect x="30" y="25" width="100" height="55" fill="#bf6b3a"/>
<path d="M30 25 L80 50 L130 25" stroke="#7a3e1d" stroke-width="4" fill="none"/><text x="80" y="95" font-size="10" text-anchor="middle">parcel.svg</text></svg>`

export type PlaygroundOptions = {
  /** First of the four ports (page, integration, sandbox, Botpress API); 0 picks free ones. */
  port?: number
  /** Run against this bundled provider, with its configuration from HITL_<FIELD> environment variables. */
  provider?: string
  /** The sandbox, connected with "Connect with …" (OAuth authorization code) instead of an API token. */
  connect?: boolean
  /**
   * The sandbox's webhooks off, its events polled: the playground wakes the integration (the pollHelpdesk action)
   * every pollEveryMs, as a bot's recurring event would (every minute on Botpress).
   */
  poll?: boolean
  pollEveryMs?: number
  env?: NodeJS.ProcessEnv
  log?: (line: string) => void
}

export type Playground = {
  url: string
  /** The Connect page, when the helpdesk connects with "Connect with …" (OAuth authorization code). */
  connectUrl?: string
  agentUrl?: string
  webhookUrl: string
  integrationUrl: string
  botpress: BotpressApiStandIn
  sandbox?: SandboxHelpdesk
  stop: () => Promise<void>
}

/**
 * Builds the bundle when it is missing or older than the sources it comes from, saying so, then every `tickMs` that
 * it is still building, then how long it took. `outfile` and `build` are the tests' (the bundle, and scripts/build.ts).
 */
export async function buildIfNeeded(
  log: (line: string) => void,
  options: { outfile?: string; build?: (outfile: string) => Promise<unknown>; tickMs?: number } = {}
) {
  const outfile = options.outfile ?? BUNDLE
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (t, e) => Math.max(t, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs),
      0
    )
  const sources = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'providers')), newest(join(ROOT, 'schemas')))
  if (existsSync(outfile) && statSync(outfile).mtimeMs >= sources) return
  log(`building ${relative(ROOT, outfile)} (the first time takes a while on a slow machine) …`)
  const started = Date.now()
  const ticking = setInterval(
    () => log(`  still building (${Math.round((Date.now() - started) / 1000)} s) …`),
    options.tickMs ?? 10_000
  )
  try {
    const build = options.build ?? (async (file: string) => (await import('../scripts/build')).bundle(file))
    await build(outfile)
  } finally {
    clearInterval(ticking)
  }
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`)
}

/** Ports the playground needs that something else holds already (checked before anything starts). */
export async function takenPorts(ports: number[]): Promise<number[]> {
  const taken: number[] = []
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (!free) taken.push(port)
  }
  return taken
}

/** SCREAMING_SNAKE environment name of a configuration field: apiToken → HITL_API_TOKEN. */
export { envName }

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const log = options.log ?? ((line: string) => console.log(line))
  const env = options.env ?? process.env
  const port = (offset: number) => (options.port ? options.port + offset : 0)

  if (options.port) {
    const taken = await takenPorts([0, 1, 2, 3].map(port))
    if (taken.length)
      throw new Error(
        `port${taken.length > 1 ? 's' : ''} ${taken.join(', ')} ${taken.length > 1 ? 'are' : 'is'} taken (another playground still running?): try npm start -- --port ${options.port + 1000}`
      )
  }
  let configuration: Record<string, unknown> = {}
  let configurationType: string | null = 'sandbox'
  let sandbox: SandboxHelpdesk | undefined
  // A real provider's configuration is checked before anything starts: a missing variable leaves nothing running.
  if (options.provider) {
    const { providers } = readBundle('')
    const source = providers.find((p) => p.manifest.id === options.provider)
    if (!source)
      throw new Error(
        `no provider '${options.provider}' in providers/ (there are: ${providers.map((p) => p.manifest.id).join(', ')})`
      )
    const fromEnv = configurationFromEnv(source.manifest, env)
    configuration = fromEnv.configuration
    const missing = fromEnv.missing
    if (missing.length)
      throw new Error(`set the configuration of ${source.manifest.title} in the environment: ${missing.join(', ')}`)
    configurationType = configurationName(source.manifest.id)
  }

  await buildIfNeeded(log)
  // Local use: the sandbox and the stand-ins are on 127.0.0.1 over plain http (src/runtime/network.ts).
  process.env.HITL_ALLOW_LOCAL_NETWORK = '1'
  const botpress = new BotpressApiStandIn()
  process.env.BP_API_URL = await botpress.start(port(3))
  // Loaded after BP_API_URL is set: the integration's client reads it.
  const integration = require(BUNDLE).default as { handler: Parameters<typeof serveIntegration>[0] }
  const integrationServer = await serveIntegration(integration.handler, { port: port(1) })
  const integrationUrl = `http://127.0.0.1:${(integrationServer.address() as { port: number }).port}`

  if (!options.provider) {
    sandbox = new SandboxHelpdesk(`sandbox-${randomBytes(12).toString('hex')}`)
    const sandboxUrl = await sandbox.start(port(2))
    configuration = { url: sandboxUrl, apiToken: sandbox.apiToken, ...(options.poll ? { delivery: 'poll' } : {}) }
    if (options.connect) {
      // A manifest of one's own, pasted: the sandbox's, connecting through its OAuth server.
      const { clientId, clientSecret } = sandbox.oauth
      configuration = { manifest: connectManifest(), settings: { url: sandboxUrl, clientId, clientSecret } }
      configurationType = null
    }
  }

  const bp = new BotpressCaller(overHttp(integrationUrl), botpress, configuration, configurationType)
  let connectable = false
  /** Files the end user sent, served here as a bot's channel would host them. */
  const files = new Map<string, { name: string; contentType: string; bytes: Buffer }>()
  const bundled = readBundle('').providers
  const server = createServer(
    (req, res) => void serve(req, res).catch((err) => send(res, 500, { error: (err as Error).message }))
  )
  await new Promise<void>((r) => server.listen(port(0), '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  const webhookUrl = `${url}/webhook/${IDS.webhookId}`
  // The integration builds its webhook URL from this base and the webhook id, as Botpress' would be.
  process.env.BP_WEBHOOK_URL = `${url}/webhook`

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    // As Botpress' webhook endpoint does: a body past the bound is refused before it is buffered.
    let body: string
    try {
      body = (await readBoundedBody(req, maxBodyBytes())).toString('utf8')
    } catch (err) {
      if (!(err instanceof TooLarge)) throw err
      res.setHeader('connection', 'close')
      return send(res, 413, { error: `request body larger than ${maxBodyBytes()} bytes` })
    }
    if (req.method === 'GET' && path === '/') return page(res, 'user.html')
    if (req.method === 'GET' && path === '/favicon.ico') return send(res, 204)
    if (req.method === 'GET' && path === '/parcel.svg')
      return (res.writeHead(200, { 'content-type': 'image/svg+xml' }), res.end(PICTURE))
    if (path.startsWith('/webhook/')) {
      // As Botpress does: the vendor's request, whole, handed to the integration's handler.
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
      const answer = await bp.webhook({
        method: req.method,
        path: path.slice(`/webhook/${IDS.webhookId}`.length) || '/',
        query: new URL(req.url ?? '/', 'http://x').search.slice(1),
        headers,
        body,
      })
      // The integration's answer as Botpress passes it on: a JSON reply to a vendor, or a Connect page or redirect.
      const passed = ['content-type', 'location', 'cache-control', 'content-security-policy', 'x-frame-options']
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        ...Object.fromEntries(Object.entries(answer.headers).filter(([k]) => passed.includes(k.toLowerCase()))),
      })
      return res.end(
        answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
      )
    }
    const file = path.match(/^\/files\/([\w-]+)\//)
    if (req.method === 'GET' && file) {
      const f = files.get(file[1]!)
      if (!f) return send(res, 404, { error: 'no such file' })
      return (res.writeHead(200, { 'content-type': f.contentType }), res.end(f.bytes))
    }
    const input = body ? JSON.parse(body) : {}
    if (req.method === 'GET' && path === '/play/providers') return send(res, 200, providersPage())
    if (req.method === 'POST' && path === '/play/configure') {
      const problems = await configure(input)
      return problems ? send(res, 422, { problems }) : send(res, 200, providersPage().current)
    }
    if (req.method === 'POST' && path === '/play/start') {
      const { userId } = await bp.action('createUser', {
        name: input.name || 'Ada Lovelace',
        email: input.email || undefined,
      })
      const history = [
        {
          source: { type: 'user', userId },
          type: 'text',
          payload: { text: input.question || 'My parcel has not arrived.' },
        },
        {
          source: { type: 'bot' },
          type: 'text',
          payload: { text: 'I am sorry to hear that. Let me find someone who can help.' },
        },
      ]
      // The ticket is titled after what the person asked, as a bot would summarise it.
      const question = String(input.question || 'My parcel has not arrived.')
      const title = input.title || (question.length > 80 ? `${question.slice(0, 77)}…` : question)
      const { conversationId } = await bp.action('startHitl', {
        userId,
        title,
        description: 'Handed over by the bot',
        messageHistory: history,
        hitlSession: {},
      })
      return send(res, 200, { userId, conversationId })
    }
    if (req.method === 'POST' && path === '/play/send') {
      const [type, payload] =
        input.type === 'file' ? hosted(input) : ['text', { text: String(input.text ?? ''), userId: input.userId }]
      const sent = await bp.send(input.conversationId, type, payload)
      return send(
        res,
        sent.status === 200 ? 200 : 502,
        sent.status === 200
          ? { id: sent.message.id }
          : { error: sent.body?.message ?? 'the integration refused the message' }
      )
    }
    if (req.method === 'POST' && path === '/play/stop') {
      // As the HITL plugin does: a closing note into the downstream conversation, then stopHitl right after.
      const note = bp.send(input.conversationId, 'text', { text: 'The user ended the conversation.' })
      const stopped = await bp.action('stopHitl', { conversationId: input.conversationId })
      const noted = await note
      return send(res, 200, { ...stopped, note: noted.status === 200 ? 'sent' : 'failed' })
    }
    if (req.method === 'GET' && path === '/play/connection') {
      const connection = botpress.states.get(`integration/${IDS.integrationId}/hitlConnection`)?.payload
      return send(res, 200, {
        connect: connectable,
        identifier: connection?.grant?.accessToken ? connection.identifier : undefined,
        link: `${webhookUrl}/oauth/start`,
      })
    }
    if (req.method === 'GET' && path === '/play/updates') {
      const delivered = (x: Record<string, any>) =>
        new Date(botpress.deliverAt.get(x.id) ?? Date.parse(x.createdAt)).toISOString()
      const conversationId = new URL(req.url ?? '/', 'http://x').searchParams.get('conversationId') ?? ''
      const messages = botpress
        .messagesIn(conversationId)
        // As the bot sees them: a scheduled message only once Botpress hands it over.
        .filter((m) => (botpress.deliverAt.get(m.id) ?? 0) <= Date.now())
        .filter((m) => m.direction === 'incoming')
        .map((m) => ({
          id: m.id,
          type: m.type,
          payload: m.payload,
          author: botpress.users.get(m.userId)?.name ?? 'Agent',
          at: delivered(m),
        }))
      const events = botpress.events
        .filter(
          (e) => e.payload?.conversationId === conversationId && (botpress.deliverAt.get(e.id) ?? 0) <= Date.now()
        )
        .map((e) => ({ type: e.type, agent: botpress.users.get(e.payload.userId)?.name, at: delivered(e) }))
      return send(res, 200, { messages, events, violations: botpress.violations })
    }
    return send(res, 404, { error: `no route ${req.method} ${path}` })
  }

  /** A file the end user picked, hosted here, as the message of its kind (image, audio, video, or file). */
  function hosted(input: Record<string, any>): [string, Record<string, unknown>] {
    const id = randomBytes(8).toString('hex')
    const name = String(input.name || 'file').replace(/[^\w. -]/g, '_')
    const contentType = String(input.contentType || 'application/octet-stream')
    files.set(id, { name, contentType, bytes: Buffer.from(String(input.data ?? ''), 'base64') })
    const fileUrl = `${url}/files/${id}/${encodeURIComponent(name)}`
    const kind = contentType.split('/')[0]
    const { userId } = input
    if (kind === 'image') return ['image', { imageUrl: fileUrl, title: name, userId }]
    if (kind === 'audio') return ['audio', { audioUrl: fileUrl, title: name, userId }]
    if (kind === 'video') return ['video', { videoUrl: fileUrl, title: name, userId }]
    return ['file', { fileUrl, title: name, userId }]
  }

  /** The configuration page: every bundled provider's form, and what is configured now (secrets not shown). */
  function providersPage() {
    const chosen = bundled.find((p) => configurationName(p.manifest.id) === bp.configurationType)?.manifest
    const provider = bp.configurationType === null ? 'pasted' : (chosen?.id ?? bp.configurationType)
    const values = Object.fromEntries(
      Object.entries(bp.configuration).filter(([k]) => !chosen?.configuration?.[k]?.secret && k !== 'manifest')
    )
    return {
      current: { provider, values, manifest: bp.configuration.manifest, connectable },
      providers: bundled.map(({ manifest: m }) => ({
        id: m.id,
        title: m.title,
        description: m.description,
        fields: Object.entries(m.configuration ?? {}).map(([name, f]) => ({ name, ...f })),
      })),
      sandbox: sandbox && { url: sandbox.url, apiToken: sandbox.apiToken },
    }
  }

  /**
   * Saves a configuration as Botpress does: the integration registers with it (unregistering the previous one). A
   * configuration it refuses is said, placed, and the previous one stays.
   */
  async function configure(input: Record<string, any>): Promise<string[] | undefined> {
    let next: { configuration: Record<string, unknown>; configurationType: string | null }
    if (input.provider === 'pasted') {
      let settings: unknown
      try {
        settings = input.settings?.trim() ? parseYaml(String(input.settings)) : {}
      } catch (err) {
        return [`settings: not YAML or JSON: ${(err as Error).message}`]
      }
      if (!settings || typeof settings !== 'object' || Array.isArray(settings))
        return ['settings: a map of field names to values (apiToken: …)']
      const text = Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)]))
      next = { configuration: { manifest: String(input.manifest ?? ''), settings: text }, configurationType: null }
    } else {
      if (!bundled.some((p) => p.manifest.id === input.provider)) return [`no provider '${input.provider}'`]
      const values = Object.fromEntries(Object.entries(input.values ?? {}).filter(([, v]) => v !== '' && v !== null))
      next = { configuration: values, configurationType: configurationName(String(input.provider)) }
    }
    const previous = { configuration: bp.configuration, configurationType: bp.configurationType }
    await bp.unregister(webhookUrl).catch(() => undefined)
    Object.assign(bp, next)
    const registered = await bp.register(webhookUrl)
    if (registered.status === 200) {
      connectable = (await bp.webhook({ method: 'GET', path: '/oauth/start', headers: {}, body: '' })).status === 200
      return undefined
    }
    const said = String(registered.body?.message ?? JSON.stringify(registered.body))
    Object.assign(bp, previous)
    await bp.register(webhookUrl).catch(() => undefined)
    return said.split('\n').filter(Boolean)
  }

  // As a bot's recurring event calls pollHelpdesk (every minute on Botpress; more often here).
  const waking = options.poll
    ? setInterval(
        () =>
          void bp.call('action_triggered', { type: 'pollHelpdesk', input: {} }, 'pollHelpdesk').then(
            (r) => r.status !== 200 && log(`polling failed: ${JSON.stringify(r.body)}`),
            () => undefined
          ),
        options.pollEveryMs ?? 2000
      )
    : undefined
  const stop = async () => {
    clearInterval(waking)
    for (const s of [server, integrationServer]) {
      s.closeAllConnections?.()
      await new Promise<void>((r) => s.close(() => r()))
    }
    await sandbox?.stop()
    await botpress.stop()
  }
  // As Botpress does once an account is connected (configureIntegration): register again, now with the tokens.
  botpress.onConfigure = () =>
    void bp.register(webhookUrl).then((r) => r.status !== 200 && log(`registration failed: ${JSON.stringify(r.body)}`))
  const registered = await bp.register(webhookUrl).catch((err: Error) => ({ status: 0, body: err.message }))
  if (registered.status !== 200) {
    await stop()
    throw new Error(
      `registration with the helpdesk failed: ${typeof registered.body === 'string' ? registered.body : JSON.stringify(registered.body)}`
    )
  }

  // Whether this provider, so configured, connects with "Connect with …": the integration's own Connect page says.
  connectable = (await bp.webhook({ method: 'GET', path: '/oauth/start', headers: {}, body: '' })).status === 200

  return {
    url,
    connectUrl: connectable ? `${webhookUrl}/oauth/start` : undefined,
    agentUrl: sandbox?.url,
    webhookUrl,
    integrationUrl,
    botpress,
    sandbox,
    stop: async () => {
      await bp.unregister(webhookUrl).catch(() => undefined)
      await stop()
    },
  }
}
