/**
 * A local stand-in of the Botpress runtime API, held to Botpress' own description (@botpress/api):
 * every request the integration makes is matched to an operation of the OpenAPI document and its body
 * validated against the operation's schema; every answer is validated too. Anything off is a violation,
 * and tests fail on violations. Users, conversations, messages, events, states and files live in memory.
 */
import { filesApi, runtimeApi } from '@botpress/api'
import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

type Json = Record<string, any>
type Operation = {
  id: string
  method: string
  pattern: RegExp
  params: string[]
  request?: ValidateFunction
  response?: ValidateFunction
}
export type ApiCall = {
  operation: string
  method: string
  path: string
  query: Json
  body: Json
  params: Record<string, string>
}

let operationsCache: Promise<Operation[]> | undefined

/** The runtime API (users, conversations, messages, events, states) and the files API (attachments re-hosted). */
async function loadOperations(): Promise<Operation[]> {
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  const ops: Operation[] = []
  for (const [name, api] of [
    ['runtime', runtimeApi],
    ['files', filesApi],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'bp-openapi-'))
    // The exporter narrates its steps through a winston console logger: keep them off the terminal.
    const write = process.stdout.write
    process.stdout.write = (() => true) as typeof process.stdout.write
    try {
      await api.exportOpenapi(dir)
    } finally {
      process.stdout.write = write
    }
    const doc = JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8'))
    ajv.addSchema({ ...doc, $id: `${name}.json` }, `${name}.json`)
    ops.push(...operationsOf(ajv, doc, `${name}.json`))
  }
  return ops
}

function operationsOf(ajv: Ajv, doc: Json, id: string): Operation[] {
  const pointer = (...parts: string[]) =>
    `${id}#/` + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
  const ops: Operation[] = []
  for (const [path, methods] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const params: string[] = []
      const pattern = new RegExp('^' + path.replace(/\{(\w+)\}/g, (_, name) => (params.push(name), '([^/]+)')) + '$')
      const hasBody = op.requestBody?.content?.['application/json']?.schema
      const ok = Object.keys(op.responses ?? {}).find((s) => s.startsWith('2'))
      const hasResponse = ok && op.responses[ok]?.content?.['application/json']?.schema
      ops.push({
        id: op.operationId,
        method: method.toUpperCase(),
        pattern,
        params,
        request: hasBody
          ? ajv.compile({
              $ref: pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema'),
            })
          : undefined,
        response: hasResponse
          ? ajv.compile({
              $ref: pointer('paths', path, method, 'responses', ok!, 'content', 'application/json', 'schema'),
            })
          : undefined,
      })
    }
  }
  return ops
}

const now = () => new Date().toISOString()
/**
 * `meta.cached` of a read of an existing state: Botpress' description puts it on getState as well as getOrSetState,
 * where it can only mean "served from a cache"; here it is true on some reads and false on others, so no test can
 * lean on it meaning anything more.
 */
const cacheHit = () => Math.random() < 0.5
/** When Botpress hands a scheduled message or event to the bot (epoch ms): at once, or after its delay. */
const deliverAt = (schedule?: { delay?: number; dateTime?: string }) =>
  schedule?.dateTime ? Date.parse(schedule.dateTime) : Date.now() + (schedule?.delay ?? 0)
const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 26).toUpperCase()}`
const matches = (tags: Json, wanted: Json, keys?: string[]) =>
  (keys ?? Object.keys(wanted)).every((k) => tags[k] === wanted[k])

/**
 * Botpress' own dispatching, when a test runs a bot beside the integration (testkit/bot-runtime.ts): a bot's
 * callAction reaches the integration, and what either side creates reaches the other.
 */
export type Relay = {
  callAction(body: Json): Promise<[number, Json]>
  created(kind: 'message' | 'event', item: Json, by: 'bot' | 'integration'): void
}

export class BotpressApiStandIn {
  readonly users = new Map<string, Json>()
  readonly conversations = new Map<string, Json>()
  readonly messages = new Map<string, Json>()
  readonly events: Json[] = []
  readonly states = new Map<string, Json>()
  /** Files by key (upsertFile), their content once uploaded to the file's uploadUrl. */
  readonly files = new Map<string, Json>()
  readonly fileContent = new Map<string, Buffer>()
  readonly calls: ApiCall[] = []
  readonly violations: string[] = []
  /** The identifier the integration gave with configureIntegration (its connected account). */
  identifier?: string
  /** What Botpress does after configureIntegration: registers the integration again (set by the playground). */
  onConfigure?: () => void
  /** When each message and event the integration created is handed to the bot (epoch ms; later when scheduled). */
  readonly deliverAt = new Map<string, number>()
  /** Set while a bot runs beside the integration. */
  relay?: Relay
  /** Who makes the call being handled: the integration (x-integration-id) or the bot. */
  private caller: 'bot' | 'integration' = 'integration'
  private server?: Server
  private ops: Operation[] = []
  url = ''

  async start(port = 0): Promise<string> {
    operationsCache ??= loadOperations()
    this.ops = await operationsCache
    this.server = createServer((req, res) => void this.serve(req, res))
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r))
    const address = this.server.address() as { port: number }
    this.url = `http://127.0.0.1:${address.port}`
    return this.url
  }

  async stop() {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()))
  }

  reset() {
    for (const m of [this.users, this.conversations, this.messages, this.states, this.files]) m.clear()
    this.fileContent.clear()
    this.events.length = 0
    this.deliverAt.clear()
    this.calls.length = 0
    this.violations.length = 0
    this.identifier = undefined
  }

  callsTo(operation: string): ApiCall[] {
    return this.calls.filter((c) => c.operation === operation)
  }

  messagesIn(conversationId: string): Json[] {
    return [...this.messages.values()].filter((m) => m.conversationId === conversationId)
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const bytes = Buffer.concat(chunks)
    const raw = bytes.toString('utf8')
    const url = new URL(req.url ?? '/', 'http://x')
    const method = req.method ?? 'GET'
    const send = (status: number, body: Json) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    // A file's content: uploaded to its uploadUrl (as to S3), read from its url.
    const content = url.pathname.match(/^\/_files\/(upload|content)\/([\w-]+)$/)
    if (content) return this.serveContent(content[1] as 'upload' | 'content', content[2]!, method, bytes, req, res)
    const op = this.ops.find((o) => o.method === method && o.pattern.test(url.pathname))
    if (!op) {
      this.violations.push(`${method} ${url.pathname}: no such operation in the Botpress runtime API`)
      return send(404, { id: newId('err'), code: 404, type: 'ResourceNotFound', message: 'no such operation' })
    }
    const values = url.pathname.match(op.pattern)!.slice(1).map(decodeURIComponent)
    const params = Object.fromEntries(op.params.map((p, i) => [p, values[i]!]))
    let body: Json = {}
    if (raw) {
      try {
        body = JSON.parse(raw)
      } catch {
        this.violations.push(`${op.id}: body is not JSON`)
      }
    }
    if (op.request && !op.request(body)) {
      this.violations.push(
        `${op.id}: request body violates the API description: ${JSON.stringify(op.request.errors)} in ${raw}`
      )
      return send(400, { id: newId('err'), code: 400, type: 'InvalidPayload', message: 'invalid body' })
    }
    if (!req.headers['x-bot-id']) this.violations.push(`${op.id}: missing x-bot-id header`)
    const query = parseQuery(url.searchParams)
    this.calls.push({ operation: op.id, method, path: url.pathname, query, body, params })
    try {
      this.caller = req.headers['x-integration-id'] ? 'integration' : 'bot'
      const [status, answer] =
        op.id === 'callAction' && this.relay
          ? await this.relay.callAction(body)
          : this.handle(op.id, params, query, body)
      if (status < 300 && op.response && !op.response(answer)) {
        this.violations.push(
          `${op.id}: the stand-in's answer violates the API description: ${JSON.stringify(op.response.errors)}`
        )
      }
      send(status, answer)
    } catch (err) {
      this.violations.push(`${op.id}: the stand-in does not implement it (${(err as Error).message})`)
      send(500, { id: newId('err'), code: 500, type: 'Internal', message: String(err) })
    }
  }

  private serveContent(
    kind: 'upload' | 'content',
    id: string,
    method: string,
    bytes: Buffer,
    req: IncomingMessage,
    res: ServerResponse
  ) {
    const file = [...this.files.values()].find((f) => f.id === id)
    if (!file) return void res.writeHead(404).end()
    if (kind === 'upload' && method === 'PUT') {
      if (req.headers['content-type'] !== file.contentType)
        this.violations.push(
          `upload of ${file.key}: content-type ${req.headers['content-type']} is not the file's ${file.contentType}`
        )
      if (file.size !== bytes.byteLength)
        this.violations.push(`upload of ${file.key}: ${bytes.byteLength} bytes, declared ${file.size}`)
      this.fileContent.set(id, bytes)
      file.status = 'upload_completed'
      return void res.writeHead(200).end()
    }
    const stored = this.fileContent.get(id)
    if (kind !== 'content' || method !== 'GET' || !stored) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': stored.byteLength })
    res.end(stored)
  }

  private notFound(what: string): [number, Json] {
    return [404, { id: newId('err'), code: 404, type: 'ResourceNotFound', message: `${what} not found` }]
  }

  private handle(op: string, p: Record<string, string>, q: Json, b: Json): [number, Json] {
    switch (op) {
      case 'createUser': {
        const user = {
          id: newId('user'),
          name: b.name,
          pictureUrl: b.pictureUrl,
          tags: b.tags ?? {},
          attributes: b.attributes ?? {},
          createdAt: now(),
          updatedAt: now(),
        }
        this.users.set(user.id, user)
        return [200, { user }]
      }
      case 'getUser': {
        const user = this.users.get(p.id!)
        return user ? [200, { user }] : this.notFound(`user ${p.id}`)
      }
      case 'updateUser': {
        const user = this.users.get(p.id!)
        if (!user) return this.notFound(`user ${p.id}`)
        if (b.tags) user.tags = { ...user.tags, ...b.tags }
        if (b.name !== undefined) user.name = b.name
        if (b.pictureUrl !== undefined) user.pictureUrl = b.pictureUrl
        user.updatedAt = now()
        return [200, { user }]
      }
      case 'getOrCreateUser': {
        const found = [...this.users.values()].find((u) => matches(u.tags, b.tags, b.discriminateByTags))
        if (found) return [200, { user: found }]
        return this.handle('createUser', p, q, b)
      }
      case 'getOrCreateConversation': {
        const found = [...this.conversations.values()].find(
          (c) => c.channel === b.channel && matches(c.tags, b.tags, b.discriminateByTags)
        )
        if (found) return [200, { conversation: found }]
        const conversation = {
          id: newId('conv'),
          channel: b.channel,
          integration: 'manifest-hitl',
          tags: b.tags ?? {},
          createdAt: now(),
          updatedAt: now(),
        }
        this.conversations.set(conversation.id, conversation)
        return [200, { conversation }]
      }
      case 'getConversation': {
        const conversation = this.conversations.get(p.id!)
        return conversation ? [200, { conversation }] : this.notFound(`conversation ${p.id}`)
      }
      case 'updateConversation': {
        const conversation = this.conversations.get(p.id!)
        if (!conversation) return this.notFound(`conversation ${p.id}`)
        if (b.tags) conversation.tags = { ...conversation.tags, ...b.tags }
        conversation.updatedAt = now()
        return [200, { conversation }]
      }
      case 'listConversations': {
        const conversations = [...this.conversations.values()].filter(
          (c) => (!q.channel || c.channel === q.channel) && matches(c.tags, q.tags ?? {})
        )
        return [200, { conversations, meta: {} }]
      }
      case 'createMessage': {
        if (!this.conversations.has(b.conversationId)) return this.notFound(`conversation ${b.conversationId}`)
        const message = {
          id: newId('msg'),
          conversationId: b.conversationId,
          userId: b.userId,
          type: b.type,
          payload: b.payload,
          tags: b.tags ?? {},
          // The integration's messages come in to the bot; the bot's go out to the channel's integration.
          direction: this.caller === 'integration' ? 'incoming' : 'outgoing',
          createdAt: now(),
          updatedAt: now(),
        }
        this.messages.set(message.id, message)
        this.deliverAt.set(message.id, deliverAt(b.schedule))
        this.relay?.created('message', message, this.caller)
        return [200, { message }]
      }
      case 'listMessages': {
        // Most recent first, as Botpress lists them; filtered by conversation, tags and creation date.
        const messages = [...this.messages.values()]
          .filter(
            (m) =>
              (!q.conversationId || m.conversationId === q.conversationId) &&
              matches(m.tags, q.tags ?? {}) &&
              (!q.afterDate || m.createdAt > q.afterDate) &&
              (!q.beforeDate || m.createdAt < q.beforeDate)
          )
          .reverse()
        return [200, { messages, meta: {} }]
      }
      case 'getOrCreateMessage': {
        const found = this.messagesIn(b.conversationId).find((m) => matches(m.tags, b.tags, b.discriminateByTags))
        if (found) return [200, { message: found }]
        return this.handle('createMessage', p, q, b)
      }
      case 'updateMessage': {
        const message = this.messages.get(p.id!)
        if (!message) return this.notFound(`message ${p.id}`)
        message.tags = { ...message.tags, ...b.tags }
        return [200, { message }]
      }
      case 'createEvent': {
        const event = {
          id: newId('evt'),
          type: b.type,
          payload: b.payload,
          conversationId: b.conversationId,
          userId: b.userId,
          messageId: b.messageId,
          status: 'pending',
          failureReason: null,
          createdAt: now(),
        }
        this.events.push(event)
        this.deliverAt.set(event.id, deliverAt(b.schedule))
        this.relay?.created('event', event, this.caller)
        return [200, { event }]
      }
      case 'getState': {
        const state = this.states.get(`${p.type}/${p.id}/${p.name}`)
        return state
          ? [200, { state, meta: { cached: cacheHit() } }]
          : this.notFound(`state ${p.type}/${p.id}/${p.name}`)
      }
      case 'getOrSetState': {
        const found = this.states.get(`${p.type}/${p.id}/${p.name}`)
        // As a cache would say: whether this read was served from one, not who set the state.
        if (found) return [200, { state: found, meta: { cached: cacheHit() } }]
        const [, { state }] = this.handle('setState', p, q, b)
        return [200, { state, meta: { cached: false } }]
      }
      case 'setState': {
        const state = {
          id: newId('state'),
          type: p.type,
          name: p.name,
          payload: b.payload,
          botId: 'bot',
          createdAt: now(),
          updatedAt: now(),
        }
        this.states.set(`${p.type}/${p.id}/${p.name}`, state)
        return [200, { state }]
      }
      case 'configureIntegration': {
        this.identifier = b.identifier ?? undefined
        if (this.onConfigure) setImmediate(this.onConfigure)
        return [200, {}]
      }
      case 'getFile': {
        const file = [...this.files.values()].find((f) => f.id === p.id || f.key === p.id)
        if (!file) return this.notFound(`file ${p.id}`)
        return [200, { file: { ...file, status: this.fileContent.has(file.id) ? 'upload_completed' : file.status } }]
      }
      case 'upsertFile': {
        const id = this.files.get(b.key)?.id ?? newId('file')
        const file = {
          id,
          botId: 'bot',
          key: b.key,
          url: `${this.url}/_files/content/${id}`,
          size: b.size ?? null,
          contentType: b.contentType ?? 'application/octet-stream',
          tags: b.tags ?? {},
          metadata: b.metadata ?? {},
          createdAt: now(),
          updatedAt: now(),
          accessPolicies: b.accessPolicies ?? [],
          index: b.index ?? false,
          status: 'upload_pending',
        }
        this.files.set(b.key, file)
        return [200, { file: { ...file, uploadUrl: `${this.url}/_files/upload/${id}` } }]
      }
      default:
        throw new Error(`operation ${op}`)
    }
  }
}

/** qs-style query (allowDots, repeated arrays): tags.id=1 → { tags: { id: '1' } }. */
function parseQuery(params: URLSearchParams): Json {
  const out: Json = {}
  for (const [key, value] of params) {
    const parts = key.split('.')
    let at = out
    for (const part of parts.slice(0, -1)) at = at[part] ??= {}
    const last = parts[parts.length - 1]!
    at[last] = at[last] === undefined ? value : [].concat(at[last], value as any)
  }
  return out
}
