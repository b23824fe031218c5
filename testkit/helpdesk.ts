/**
 * A local helpdesk stand-in: a real HTTP server on 127.0.0.1 that records every request (JSON, form, multipart or
 * raw bytes) and answers with the handler a test gives per route, as the vendor would. It also serves files
 * (attachment URLs the integration downloads) under /_downloads/ (no vendor path looks like it).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

export type Recorded = {
  method: string
  path: string
  /** The request target as sent: path and query string. */
  target: string
  query: Record<string, string>
  headers: Record<string, string>
  raw: Buffer
  json?: any
  form?: Record<string, string>
  multipart?: {
    fields: Record<string, string>
    files: { field: string; fileName: string; contentType: string; size: number }[]
  }
}
export type Answer = {
  status?: number
  headers?: Record<string, string>
  body?: unknown
  delayMs?: number
  /** Never answer: the client's own time bound ends the request, however fast or slow the machine is. */
  hang?: true
}
type Route = {
  method: string
  pattern: RegExp
  keys: string[]
  /** Only requests that hold this (a route without it answers any request to its path). */
  when?: (req: Recorded) => boolean
  handler: (req: Recorded, params: Record<string, string>) => Answer | Promise<Answer>
}

/** A route's path (`/tickets/:id`) as the pattern a request's path is matched with, and its parameters' names. */
export function routePattern(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = []
  const source = path.replace(/:(\w+)/g, (_, k: string) => (keys.push(k), '([^/]+)')).replace(/\*/g, '.*')
  const pattern = new RegExp('^' + source + '$')
  return { pattern, keys }
}

/** A request as the stand-in (and npm run record) keeps it: its body read as JSON, a form or a multipart form. */
export async function parseRequest(
  method: string,
  target: string,
  headers: Record<string, string>,
  raw: Buffer
): Promise<Recorded> {
  const url = new URL(target, 'http://x')
  const recorded: Recorded = {
    method,
    path: url.pathname,
    target,
    query: Object.fromEntries(url.searchParams),
    headers,
    raw,
  }
  const type = headers['content-type'] ?? ''
  if (type.includes('json') && raw.length) recorded.json = JSON.parse(raw.toString('utf8'))
  if (type.includes('x-www-form-urlencoded'))
    recorded.form = Object.fromEntries(new URLSearchParams(raw.toString('utf8')))
  if (type.includes('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData()
    const mp: NonNullable<Recorded['multipart']> = { fields: {}, files: [] }
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') mp.fields[field] = value
      else mp.files.push({ field, fileName: (value as File).name, contentType: value.type, size: value.size })
    }
    recorded.multipart = mp
  }
  return recorded
}

/** Bytes served at /_downloads/<name>: a tiny PNG header, enough to check uploads byte for byte. */
export const FILE_BYTES = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

const DOWNLOADS = '/_downloads/'

/** What a request must hold for a canned route: subsets of its query, headers, JSON body or form. */
type Condition = {
  query?: Record<string, string>
  headers?: Record<string, string>
  json?: unknown
  form?: Record<string, string>
}
type Canned = Answer & { method: string; path: string; answers?: Answer[]; when?: Condition }

/** Whether `value` holds `subset`: every key of an object with a value holding the subset's, arrays item by item. */
export function holds(value: unknown, subset: unknown): boolean {
  if (subset === null || typeof subset !== 'object') return value === subset
  if (Array.isArray(subset))
    return Array.isArray(value) && subset.length === value.length && subset.every((s, i) => holds(value[i], s))
  if (!value || typeof value !== 'object') return false
  return Object.entries(subset).every(([k, s]) => holds((value as Record<string, unknown>)[k], s))
}

const matches = (req: Recorded, when: Condition) =>
  (!when.query || holds(req.query, when.query)) &&
  (!when.headers ||
    holds(req.headers, Object.fromEntries(Object.entries(when.headers).map(([k, v]) => [k.toLowerCase(), v])))) &&
  (when.json === undefined || holds(req.json, when.json)) &&
  (!when.form || holds(req.form, when.form))

export class HelpdeskStandIn {
  readonly requests: Recorded[] = []
  private routes: Route[] = []
  private server?: Server
  private storage?: Server
  url = ''
  /** Another origin serving the same files: a helpdesk's storage host, where its temporary links point. */
  storageUrl = ''
  /** Base URL of the attachment files it serves. */
  get filesUrl() {
    return `${this.url}/_downloads`
  }

  /**
   * Canned answers, as a fixture's routes give them: `{ method, path, status, headers, body }`, or `answers` in
   * sequence (the first call gets the first; the last one repeats); with `when`, for the requests that hold it.
   */
  answer(routes: Canned[]) {
    for (const r of routes) {
      let calls = 0
      const when = r.when
      this.on(
        r.method,
        r.path,
        () => {
          const a = r.answers ? r.answers[Math.min(calls++, r.answers.length - 1)]! : r
          return { status: a.status ?? 200, headers: a.headers, body: a.body }
        },
        when && ((req) => matches(req, when))
      )
    }
    return this
  }

  on(method: string, path: string, handler: Route['handler'], when?: Route['when']): this {
    const { pattern, keys } = routePattern(path)
    this.routes.unshift({ method, pattern, keys, handler, when })
    return this
  }

  /** Requests other than file downloads, optionally of one method and path pattern. */
  calls(method?: string, path?: RegExp): Recorded[] {
    return this.requests.filter(
      (r) => !r.path.startsWith(DOWNLOADS) && (!method || r.method === method) && (!path || path.test(r.path))
    )
  }

  async start(): Promise<string> {
    const listen = async () => {
      const server = createServer((req, res) => void this.serve(req, res))
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
      return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }
    }
    ;({ server: this.server, url: this.url } = await listen())
    ;({ server: this.storage, url: this.storageUrl } = await listen())
    return this.url
  }

  async stop() {
    for (const server of [this.server, this.storage]) {
      server?.closeAllConnections?.()
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
    }
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', 'http://x')
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
    const recorded = await parseRequest(req.method ?? 'GET', req.url ?? '/', headers, raw)
    this.requests.push(recorded)
    if (recorded.method === 'GET' && url.pathname.startsWith(DOWNLOADS)) {
      res.writeHead(200, {
        'content-type': url.pathname.endsWith('.png') ? 'image/png' : 'application/pdf',
        'content-length': String(FILE_BYTES.length),
      })
      return res.end(FILE_BYTES)
    }
    const route = this.routes.find(
      (r) => r.method === recorded.method && r.pattern.test(url.pathname) && (!r.when || r.when(recorded))
    )
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' })
      return res.end(JSON.stringify({ error: 'NotFound', description: `no route ${recorded.method} ${url.pathname}` }))
    }
    const values = url.pathname.match(route.pattern)!.slice(1)
    const answer = await route.handler(
      recorded,
      Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(values[i]!)]))
    )
    if (answer.hang) return void (await new Promise((r) => res.on('close', r)))
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs))
    if (res.destroyed) return
    // A Buffer is sent as it is (a compressed answer, say).
    const body =
      answer.body === undefined
        ? ''
        : typeof answer.body === 'string' || Buffer.isBuffer(answer.body)
          ? answer.body
          : JSON.stringify(answer.body)
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers })
    res.end(body)
  }
}
