/**
 * The sandbox helpdesk: a small ticket service for the playground, described by providers/sandbox.yaml like any
 * other helpdesk. Its REST API (bearer token: the API token, or an access token of its OAuth server,
 * sandbox-oauth.ts) is what the integration calls; its agent page (ticket list, thread, reply, assign, close) is
 * what a person uses; every change is sent to the registered webhooks, signed
 * X-Sandbox-Signature = "sha256=" + hex HMAC-SHA256(secret, timestamp + "." + body), as a real vendor would. Files an
 * agent attaches are kept here and served behind the API's auth (/api/files/<id>/<name>), as many helpdesks do.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { page, readBody, send } from './http'
import { SandboxAuthorizationServer } from './sandbox-oauth'

export type Agent = { id: string; name: string; avatarUrl?: string }
type Attachment = { url: string; name?: string; contentType?: string }
type Message = {
  id: string
  author: { type: 'customer' | 'bot' | 'agent'; id?: string; name: string }
  text: string
  attachments: Attachment[]
  at: string
}
type Ticket = {
  id: string
  subject: string
  requesterId: string
  priority: string
  status: 'open' | 'closed'
  /** Who closed it: an agent here, or the API (the conversation's side: the end user or the bot ended it). */
  closedBy?: { type: 'agent'; name: string } | { type: 'api' }
  assignee?: Agent
  messages: Message[]
  /** Every change announced, numbered: what a poll of the ticket reads (GET /api/tickets/:id/events?after=n). */
  events: Json[]
  createdAt: string
}
type Json = Record<string, any>

export const AGENTS: Agent[] = [
  { id: 'agent-kim', name: 'Kim Agent' },
  { id: 'agent-sam', name: 'Sam Support' },
]

export class SandboxHelpdesk {
  readonly users = new Map<string, { id: string; name: string; email?: string; externalId?: string }>()
  readonly tickets = new Map<string, Ticket>()
  readonly webhooks = new Map<string, { id: string; url: string; secret: string }>()
  /** Files agents attached, by id: served only with the API's bearer token. */
  readonly files = new Map<string, { name: string; contentType: string; bytes: Buffer }>()
  /** Webhook deliveries in flight (lockDuringDelivery refuses API calls meanwhile). */
  private delivering = 0
  /** Polls of a ticket's events, by ticket id, for the tests to see; `pollGate` holds each answer until it settles. */
  readonly polls: string[] = []
  pollGate?: Promise<void>
  /** API calls refused because a delivery was in flight, for the tests to see. */
  readonly refusedWhileDelivering: string[] = []
  /** Webhook deliveries that failed (status or network), for the page and the tests to see. */
  readonly failedDeliveries: string[] = []
  /** Its OAuth2 authorization server: the API takes its access tokens as well as the API token. */
  readonly oauth = new SandboxAuthorizationServer()
  private server?: Server
  private next = 1
  url = ''

  /**
   * `onCreate` plays a helpdesk's rules that fire on a new ticket (an assignment rule, an auto-reply): their webhooks
   * are sent, and delivered, before the ticket's creation is answered, as a fast helpdesk does.
   */
  constructor(
    readonly apiToken: string,
    public options: {
      onCreate?: { assignTo?: string; reply?: string }
      /** Announce a posted message (send its webhook, delivered) before answering the post, as a fast helpdesk may. */
      announceFirst?: boolean
      /**
       * Refuse API calls (423) while a webhook delivery is in flight, as a helpdesk that locks while it delivers
       * synchronously: whatever the integration asks of it while handling a webhook fails.
       */
      lockDuringDelivery?: boolean
      /** Its clock this far off (ms): the Date header of its answers says so (what npm run doctor compares). */
      clockSkewMs?: number
    } = {}
  ) {}

  async start(port = 0): Promise<string> {
    this.server = createServer(
      (req, res) => void this.serve(req, res).catch((err) => send(res, 500, { error: String(err) }))
    )
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r))
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`
    return this.url
  }

  async stop() {
    this.server?.closeAllConnections?.()
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()))
  }

  private id(prefix: string) {
    return `${prefix}-${this.next++}`
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x')
    const method = req.method ?? 'GET'
    const path = url.pathname
    if (method === 'GET' && (path === '/' || path === '/agent')) return page(res, 'agent.html')
    if (method === 'GET' && path === '/favicon.ico') return send(res, 204)
    if (path.startsWith('/oauth/')) return this.oauth.serve(method, url, req, res)
    const body = await readJson(req)
    if (body === undefined) return send(res, 400, { error: 'the body is not JSON' })

    if (path.startsWith('/api/')) {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
      if (!bearer || (bearer !== this.apiToken && !this.oauth.honours(bearer)))
        return send(res, 401, { error: 'missing, wrong or expired token' })
      if (this.options.lockDuringDelivery && this.delivering) {
        this.refusedWhileDelivering.push(`${method} ${path}`)
        return send(res, 423, { error: 'busy delivering a webhook' })
      }
      const file = /^\/api\/files\/([^/]+)\/[^/]+$/.exec(path)
      if (file && method === 'GET') return this.serveFile(file[1]!, res)
      return this.api(method, path.slice(4), body, res, url.searchParams)
    }
    if (path.startsWith('/agent/api/')) return this.agentApi(method, path.slice(10), body, res)
    // The agent page shows the files of a thread without the API's token (this machine only, like its API).
    const agentFile = /^\/agent\/files\/([^/]+)\/[^/]+$/.exec(path)
    if (agentFile && method === 'GET') return this.serveFile(agentFile[1]!, res)
    return send(res, 404, { error: `no route ${method} ${path}` })
  }

  /** The API the integration calls. */
  private async api(method: string, path: string, body: Json, res: ServerResponse, query = new URLSearchParams()) {
    let m: RegExpMatchArray | null
    if (this.options.clockSkewMs) res.setHeader('date', new Date(Date.now() + this.options.clockSkewMs).toUTCString())
    // Who the credentials are, and the webhooks subscribed: what npm run doctor asks.
    if (method === 'GET' && path === '/me') return send(res, 200, { name: 'Sandbox API', agents: AGENTS.length })
    if (method === 'GET' && path === '/webhooks')
      return send(res, 200, { webhooks: [...this.webhooks.values()].map(({ id, url }) => ({ id, url })) })
    if ((m = path.match(/^\/tickets\/([^/]+)\/events$/)) && method === 'GET') {
      const ticket = this.tickets.get(m[1]!)
      if (!ticket) return send(res, 404, { error: `no ticket ${m[1]}` })
      this.polls.push(ticket.id)
      await this.pollGate
      const after = Number(query.get('after') ?? 0)
      const events = ticket.events.filter((e) => e.seq > after)
      return send(res, 200, { events, last: ticket.events.at(-1)?.seq ?? 0 })
    }
    if (method === 'POST' && path === '/users') {
      if (typeof body.name !== 'string' && typeof body.email !== 'string')
        return send(res, 422, { error: 'a user needs a name or an email' })
      const existing = [...this.users.values()].find((u) => body.externalId && u.externalId === body.externalId)
      if (existing) return send(res, 200, existing)
      const user = { id: this.id('usr'), name: body.name ?? body.email, email: body.email, externalId: body.externalId }
      this.users.set(user.id, user)
      return send(res, 201, user)
    }
    if (method === 'POST' && path === '/tickets') {
      if (!this.users.has(body.requesterId)) return send(res, 422, { error: `no user ${body.requesterId}` })
      const ticket: Ticket = {
        id: this.id('tkt'),
        subject: String(body.subject ?? 'Conversation'),
        requesterId: body.requesterId,
        priority: body.priority ?? 'normal',
        status: 'open',
        messages: [],
        events: [],
        createdAt: new Date().toISOString(),
      }
      this.tickets.set(ticket.id, ticket)
      if (body.text)
        this.addMessage(
          ticket,
          { type: 'customer', id: ticket.requesterId, name: this.users.get(ticket.requesterId)!.name },
          String(body.text),
          []
        )
      const rules = this.options.onCreate
      const agent = AGENTS.find((a) => a.id === rules?.assignTo)
      if (agent) {
        ticket.assignee = agent
        await this.emit({ type: 'ticket.assigned', ticketId: ticket.id, agent })
      }
      if (rules?.reply)
        await this.addMessage(
          ticket,
          { type: 'agent', id: (agent ?? AGENTS[0]!).id, name: (agent ?? AGENTS[0]!).name },
          rules.reply,
          [],
          true
        )
      return send(res, 201, { id: ticket.id, status: ticket.status })
    }
    if ((m = path.match(/^\/tickets\/([^/]+)\/messages$/)) && method === 'POST') {
      const ticket = this.tickets.get(m[1]!)
      if (!ticket) return send(res, 404, { error: `no ticket ${m[1]}` })
      if (ticket.status === 'closed') return send(res, 409, { error: 'the ticket is closed' })
      const author =
        body.author === 'customer'
          ? {
              type: 'customer' as const,
              id: ticket.requesterId,
              name: String(body.authorName ?? this.users.get(ticket.requesterId)?.name ?? 'Customer'),
            }
          : { type: 'bot' as const, name: String(body.authorName ?? 'Bot') }
      const attachments = Array.isArray(body.attachments)
        ? body.attachments.filter((a: Json) => typeof a?.url === 'string')
        : []
      const text = String(body.text ?? '')
      const message = this.options.announceFirst
        ? await this.addMessage(ticket, author, text, attachments, true)
        : this.addMessage(ticket, author, text, attachments)
      return send(res, 201, { id: message.id })
    }
    if ((m = path.match(/^\/tickets\/([^/]+)\/close$/)) && method === 'POST') {
      const ticket = this.tickets.get(m[1]!)
      if (!ticket) return send(res, 404, { error: `no ticket ${m[1]}` })
      ticket.status = 'closed'
      ticket.closedBy = { type: 'api' }
      // Announced like every change; a fast helpdesk delivers it before it answers the close.
      const announced = this.emit({ type: 'ticket.closed', ticketId: ticket.id, by: 'api' })
      if (this.options.announceFirst) await announced
      return send(res, 200, { id: ticket.id, status: ticket.status })
    }
    if (method === 'POST' && path === '/webhooks') {
      if (typeof body.url !== 'string') return send(res, 422, { error: 'url is required' })
      const hook = { id: this.id('whk'), url: body.url, secret: randomBytes(24).toString('hex') }
      this.webhooks.set(hook.id, hook)
      return send(res, 201, hook)
    }
    if ((m = path.match(/^\/webhooks\/([^/]+)$/)) && method === 'DELETE') {
      return this.webhooks.delete(m[1]!) ? send(res, 204) : send(res, 404, { error: `no webhook ${m[1]}` })
    }
    return send(res, 404, { error: `no route ${method} /api${path}` })
  }

  /** What the agent page calls: no token, this machine only. */
  private async agentApi(method: string, path: string, body: Json, res: ServerResponse) {
    let m: RegExpMatchArray | null
    if (method === 'GET' && path === '/state') {
      const tickets = [...this.tickets.values()]
        .reverse()
        .map((t) => ({ ...t, requester: this.users.get(t.requesterId) }))
      return send(res, 200, { agents: AGENTS, tickets, failedDeliveries: this.failedDeliveries })
    }
    if ((m = path.match(/^\/tickets\/([^/]+)\/(reply|assign|close)$/)) && method === 'POST') {
      const ticket = this.tickets.get(m[1]!)
      const agent = AGENTS.find((a) => a.id === body.agentId)
      if (!ticket) return send(res, 404, { error: `no ticket ${m[1]}` })
      if (!agent) return send(res, 422, { error: 'choose an agent' })
      if (m[2] === 'reply') {
        const files: Json[] = Array.isArray(body.attachments) ? body.attachments : []
        if (!String(body.text ?? '').trim() && !files.length) return send(res, 422, { error: 'write something' })
        const attachments = files
          .filter((f) => typeof f?.name === 'string' && typeof f?.data === 'string')
          .map((f) =>
            this.attach(f.name, String(f.contentType || 'application/octet-stream'), Buffer.from(f.data, 'base64'))
          )
        this.addMessage(ticket, { type: 'agent', id: agent.id, name: agent.name }, String(body.text ?? ''), attachments)
      } else if (m[2] === 'assign') {
        ticket.assignee = agent
        await this.emit({ type: 'ticket.assigned', ticketId: ticket.id, agent })
      } else {
        ticket.status = 'closed'
        ticket.closedBy = { type: 'agent', name: agent.name }
        await this.emit({ type: 'ticket.closed', ticketId: ticket.id, agent })
      }
      return send(res, 200, { ok: true })
    }
    return send(res, 404, { error: `no route ${method} /agent/api${path}` })
  }

  /** Adds a message and announces it; `delivered` waits for the webhook to be delivered before answering. */
  private addMessage(ticket: Ticket, author: Message['author'], text: string, attachments: Attachment[]): Message
  private addMessage(
    ticket: Ticket,
    author: Message['author'],
    text: string,
    attachments: Attachment[],
    delivered: true
  ): Promise<Message>
  private addMessage(
    ticket: Ticket,
    author: Message['author'],
    text: string,
    attachments: Attachment[],
    delivered = false
  ): Message | Promise<Message> {
    const message: Message = { id: this.id('msg'), author, text, attachments, at: new Date().toISOString() }
    ticket.messages.push(message)
    // Every message is announced, the integration's own included: the manifest tells echoes apart.
    const announced = this.emit({ type: 'message.created', ticketId: ticket.id, message })
    return delivered ? announced.then(() => message) : message
  }

  private serveFile(id: string, res: ServerResponse) {
    const file = this.files.get(id)
    if (!file) return send(res, 404, { error: `no file ${id}` })
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.byteLength) })
    res.end(file.bytes)
  }

  /** Keeps a file an agent attached; its URL opens only with the API's bearer token. */
  attach(name: string, contentType: string, bytes: Buffer): Attachment {
    const id = this.id('fil')
    this.files.set(id, { name, contentType, bytes })
    return { url: `${this.url}/api/files/${id}/${encodeURIComponent(name)}`, name, contentType }
  }

  /** Sends one event to every webhook, signed. */
  async emit(event: Json) {
    const announced = { ...event, id: this.id('evt'), at: new Date().toISOString() }
    const ticket = this.tickets.get(String(event.ticketId))
    if (ticket) ticket.events.push({ seq: ticket.events.length + 1, ...announced })
    const body = JSON.stringify(announced)
    this.delivering++
    try {
      await this.deliver(event, body)
    } finally {
      this.delivering--
    }
  }

  private async deliver(event: Json, body: string) {
    await Promise.all(
      [...this.webhooks.values()].map(async (hook) => {
        const timestamp = String(Math.floor(Date.now() / 1000))
        const signature = `sha256=${createHmac('sha256', hook.secret).update(`${timestamp}.${body}`).digest('hex')}`
        try {
          const res = await fetch(hook.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-sandbox-timestamp': timestamp,
              'x-sandbox-signature': signature,
            },
            body,
          })
          if (!res.ok) this.failedDeliveries.push(`${event.type} → ${hook.url}: HTTP ${res.status} ${await res.text()}`)
        } catch (err) {
          this.failedDeliveries.push(`${event.type} → ${hook.url}: ${(err as Error).message}`)
        }
      })
    )
  }
}

/** Answers with a JSON body (or none). */
async function readJson(req: IncomingMessage): Promise<Json | undefined> {
  const raw = await readBody(req)
  if (!raw) return {}
  try {
    const v = JSON.parse(raw)
    return v && typeof v === 'object' ? v : undefined
  } catch {
    return undefined
  }
}
