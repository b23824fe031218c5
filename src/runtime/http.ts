/**
 * The HTTP client a manifest describes: base URL (guarded: no other host, no plain http but to localhost),
 * auth (basic, bearer, API key, header sets, OAuth2 client credentials with a shared token cache),
 * timeouts, and retries on 429/5xx that honour Retry-After and vendor reset headers within a bounded budget.
 */
import ky, { TimeoutError } from 'ky'
import { createHash } from 'node:crypto'
import type { Scope } from '../manifest/expressions'
import type { Plan } from '../manifest/plan'
import { ProviderError } from './errors'
import { checkTarget, networkFailure } from './network'
import { truthy } from './truth'
import type { Redactor } from './redact'

export type HttpResponse = { status: number; headers: Record<string, string>; body: unknown }

export type OutgoingRequest = {
  step: string
  method: string
  /** Path below the base URL, or an absolute URL on the same host. */
  path: string
  query: [string, string][]
  headers: [string, string][]
  body?:
    | { kind: 'json'; value: unknown }
    | { kind: 'form'; value: [string, string][] }
    | { kind: 'bytes'; value: Uint8Array; contentType: string }
    | { kind: 'multipart'; value: FormData }
  /** Statuses taken as success besides 2xx. */
  accept: number[]
  /** Statuses retried besides the manifest's retry statuses. */
  retryOn?: number[]
  /** The step says this request may be sent twice (a POST with an idempotency key): retried on 5xx like a GET. */
  idempotent?: boolean
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE'])
const MAX_BODY_LOG = 300
/** Redirects followed for one request or download, each hop checked again. */
const MAX_REDIRECTS = 5
/** Statuses that say a request was not applied, so even a POST may be sent again. */
const NOT_APPLIED = new Set([429])

type Token = { value: string; expiresAt: number }
/** OAuth2 tokens shared by every client with the same credentials (one fetch at a time per key). */
const tokens = new Map<string, Promise<Token>>()

export class HttpClient {
  private baseUrl?: URL
  private authHeaders: [string, string][] = []
  private authQuery: [string, string][] = []
  private defaultHeaders: [string, string][] = []

  constructor(
    private readonly plan: Plan,
    private readonly scope: Scope,
    private readonly redactor: Redactor,
    /** Waits between retries; replaced in tests and benchmarks. */
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))
  ) {}

  /** Evaluates base URL, default headers and static auth once per client. */
  private async prepare(): Promise<URL> {
    if (this.baseUrl) return this.baseUrl
    const config = this.scope.config as Record<string, unknown>
    const base =
      (typeof config.apiBaseUrl === 'string' && config.apiBaseUrl) || (await this.plan.http.baseUrl.text(this.scope))
    this.baseUrl = await checkTarget(base ?? '', 'http.baseUrl')
    for (const [k, t] of this.plan.http.headers) {
      const v = await t.text(this.scope)
      if (v !== undefined) this.defaultHeaders.push([k, v])
    }
    const auth = this.plan.http.auth
    if (auth.type === 'basic') {
      const user = (await auth.username.text(this.scope)) ?? ''
      const pass = (await auth.password.text(this.scope)) ?? ''
      const encoded = Buffer.from(`${user}:${pass}`).toString('base64')
      this.redactor.add(pass)
      this.redactor.add(encoded)
      this.authHeaders.push(['authorization', `Basic ${encoded}`])
    } else if (auth.type === 'bearer') {
      const token = (await auth.token.text(this.scope)) ?? ''
      this.redactor.add(token)
      this.authHeaders.push(['authorization', `${auth.scheme} ${token}`])
    } else if (auth.type === 'apiKey') {
      const value = (await auth.value.text(this.scope)) ?? ''
      this.redactor.add(value)
      ;(auth.in === 'header' ? this.authHeaders : this.authQuery).push([auth.name, value])
    } else if (auth.type === 'headers') {
      for (const [k, t] of auth.headers) {
        const v = await t.text(this.scope)
        if (v === undefined) continue
        this.redactor.add(v)
        this.authHeaders.push([k, v])
      }
    }
    return this.baseUrl
  }

  /** An absolute URL as given, or a path ("/.well-known/jwks.json") taken from the root of the API host. */
  async absoluteUrl(urlOrPath: string): Promise<string> {
    if (/^https?:\/\//i.test(urlOrPath)) return urlOrPath
    const base = await this.prepare()
    return base.origin + (urlOrPath.startsWith('/') ? '' : '/') + urlOrPath
  }

  async send(req: OutgoingRequest): Promise<HttpResponse> {
    const base = await this.prepare()
    let url = this.resolve(base, req)
    const { retry } = this.plan.http
    const repeatable = IDEMPOTENT.has(req.method) || !!req.idempotent
    let refreshed = false
    let redirects = 0
    for (let attempt = 0; ; attempt++) {
      let response: Response
      try {
        response = await ky(url, {
          method: req.method,
          headers: await this.headers(req),
          body: encodeBody(req.body),
          timeout: this.plan.http.timeoutMs,
          retry: 0,
          throwHttpErrors: false,
          redirect: 'manual',
        })
      } catch (err) {
        const timedOut = err instanceof TimeoutError
        const what = timedOut
          ? `timed out after ${this.plan.http.timeoutMs} ms`
          : `could not be sent: ${networkFailure(err, url)}`
        if (repeatable && attempt < retry.maxRetries) {
          await this.sleep(backoff(retry.baseDelayMs, attempt))
          continue
        }
        const unsure = repeatable ? '' : '; the helpdesk may have applied it, so it was not retried (no duplicate)'
        throw this.failure(req, `${what}${unsure}`, { transient: true })
      }
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        // Followed on the API host only: the request carries the helpdesk's credentials.
        const next = new URL(location, url)
        if (next.origin !== base.origin)
          throw this.failure(
            req,
            `redirected to ${next.host}, outside the manifest's API host ${base.host}: not followed`,
            { status: response.status }
          )
        if (++redirects > MAX_REDIRECTS)
          throw this.failure(req, `more than ${MAX_REDIRECTS} redirects`, { status: response.status })
        url = await checkTarget(next, `step '${req.step}'`)
        attempt--
        continue
      }
      const result = await readResponse(response)
      const auth = this.plan.http.auth
      if (auth.type === 'oauth2' && auth.refreshOn.includes(result.status) && !refreshed) {
        refreshed = true
        tokens.delete(await this.tokenKey())
        continue
      }
      if ((result.status >= 200 && result.status < 300) || req.accept.includes(result.status)) return result
      const listed = retry.statuses.includes(result.status) || !!req.retryOn?.includes(result.status)
      // A POST or PATCH answered 5xx may have been applied: sent again only if the step says it is idempotent.
      const retried = listed && (repeatable || NOT_APPLIED.has(result.status) || !!req.retryOn?.includes(result.status))
      if (retried && attempt < retry.maxRetries) {
        const wait = retryDelay(result.headers, retry, attempt)
        if (wait > retry.maxDelayMs) {
          throw this.failure(
            req,
            `rate limited: the helpdesk asks to wait ${Math.ceil(wait / 1000)} s, more than the ${retry.maxDelayMs / 1000} s budget`,
            { status: result.status, transient: true }
          )
        }
        await this.sleep(wait)
        continue
      }
      const vendorMessage = await this.vendorMessage(result)
      const unsure = listed && !retried ? ' (not retried: the helpdesk may have applied it)' : ''
      const closedWhen = this.plan.http.closedWhen
      const closed = closedWhen
        ? truthy(await closedWhen.evaluate({ ...this.scope, response: result }).catch(() => false))
        : false
      throw this.failure(req, `HTTP ${result.status}${vendorMessage ? ` — ${vendorMessage}` : ''}${unsure}`, {
        status: result.status,
        vendorMessage,
        transient: retry.statuses.includes(result.status),
        closed,
      })
    }
  }

  /**
   * Fetches a file (attachment) to upload; bounded in size and time. Only a URL the message itself carries, or one
   * on the API host, may be fetched: a manifest cannot make the integration read any other address.
   */
  async download(
    url: string,
    messageUrls: string[],
    maxBytes = 25 * 1024 * 1024
  ): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
    let target: URL
    try {
      target = new URL(url)
    } catch {
      throw new ProviderError(`cannot download '${url}': not a URL`, {})
    }
    const base = await this.prepare()
    if (target.host !== base.host && !messageUrls.includes(url)) {
      throw new ProviderError(
        `refused to download from ${target.host}: neither the API host nor a URL of the message being sent`,
        {}
      )
    }
    // Every hop is checked again: a URL that answers 302 to an internal address is not followed there.
    for (let hop = 0; ; hop++) {
      target = await checkTarget(target, 'download')
      let response: Response
      try {
        response = await ky(target, {
          timeout: this.plan.http.timeoutMs,
          retry: 0,
          throwHttpErrors: false,
          redirect: 'manual',
        })
      } catch (err) {
        const what =
          err instanceof TimeoutError ? `timed out after ${this.plan.http.timeoutMs} ms` : networkFailure(err, target)
        throw new ProviderError(`downloading the attachment failed: ${what}`, { transient: true })
      }
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        if (hop >= MAX_REDIRECTS)
          throw new ProviderError(`downloading the attachment failed: more than ${MAX_REDIRECTS} redirects`, {})
        target = new URL(location, target)
        continue
      }
      if (!response.ok)
        throw new ProviderError(`downloading the attachment failed: HTTP ${response.status}`, {
          status: response.status,
        })
      const length = Number(response.headers.get('content-length') ?? 0)
      if (length > maxBytes) throw new ProviderError(`attachment is larger than ${maxBytes} bytes`, {})
      const bytes = new Uint8Array(await response.arrayBuffer())
      if (bytes.byteLength > maxBytes) throw new ProviderError(`attachment is larger than ${maxBytes} bytes`, {})
      const contentType = response.headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream'
      const fileName = decodeURIComponent(target.pathname.split('/').pop() || 'file')
      return { bytes, contentType, fileName }
    }
  }

  private resolve(base: URL, req: OutgoingRequest): URL {
    let url: URL
    if (/^https?:\/\//i.test(req.path)) {
      try {
        url = new URL(req.path)
      } catch {
        throw this.failure(req, `'${req.path}' is not a URL`, {})
      }
      if (url.host !== base.host || url.protocol !== base.protocol)
        throw this.failure(req, `refused: ${url.host} is not the manifest's API host ${base.host}`, {})
    } else {
      const basePath = base.pathname.replace(/\/$/, '')
      url = new URL(base.origin + basePath + (req.path.startsWith('/') ? '' : '/') + req.path)
      if (url.host !== base.host) throw this.failure(req, `refused: the path leaves the API host ${base.host}`, {})
    }
    for (const [k, v] of [...this.authQuery, ...req.query]) url.searchParams.append(k, v)
    return url
  }

  private async headers(req: OutgoingRequest): Promise<Record<string, string>> {
    const out: Record<string, string> = { accept: 'application/json' }
    // The body's own type first: a manifest's headers may still say otherwise.
    if (req.body?.kind === 'json') out['content-type'] = 'application/json'
    else if (req.body?.kind === 'bytes') out['content-type'] = req.body.contentType
    for (const [k, v] of [...this.defaultHeaders, ...this.authHeaders]) out[k.toLowerCase()] = v
    const auth = this.plan.http.auth
    if (auth.type === 'oauth2') out.authorization = `${auth.scheme} ${await this.oauthToken()}`
    for (const [k, v] of req.headers) out[k.toLowerCase()] = v
    return out
  }

  private async tokenKey(): Promise<string> {
    const auth = this.plan.http.auth
    if (auth.type !== 'oauth2') return ''
    const parts = [
      auth.grant,
      await auth.tokenUrl.text(this.scope),
      await auth.clientId.text(this.scope),
      await auth.clientSecret.text(this.scope),
      await auth.scope?.text(this.scope),
      await auth.refreshToken?.text(this.scope),
    ]
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
  }

  private async oauthToken(): Promise<string> {
    const key = await this.tokenKey()
    let pending = tokens.get(key)
    if (pending) {
      const token = await pending.catch(() => undefined)
      if (token && token.expiresAt > Date.now()) {
        // Fetched by another invocation: this one's redactor must learn it too.
        this.redactor.add(token.value)
        return token.value
      }
      if (tokens.get(key) === pending) tokens.delete(key)
      pending = undefined
    }
    pending = this.fetchToken()
    tokens.set(key, pending)
    pending.catch(() => tokens.get(key) === pending && tokens.delete(key))
    const token = await pending
    this.redactor.add(token.value)
    return token.value
  }

  private async fetchToken(): Promise<Token> {
    const auth = this.plan.http.auth
    if (auth.type !== 'oauth2') throw new Error('not an OAuth2 manifest')
    const base = await this.prepare()
    const rawUrl = (await auth.tokenUrl.text(this.scope)) ?? ''
    const url = /^https?:\/\//i.test(rawUrl)
      ? await checkTarget(rawUrl, 'http.auth.tokenUrl')
      : new URL(base.origin + base.pathname.replace(/\/$/, '') + rawUrl)
    const clientId = (await auth.clientId.text(this.scope)) ?? ''
    const clientSecret = (await auth.clientSecret.text(this.scope)) ?? ''
    this.redactor.add(clientSecret)
    const form = new URLSearchParams({ grant_type: auth.grant })
    const scope = await auth.scope?.text(this.scope)
    if (scope) form.set('scope', scope)
    if (auth.refreshToken) {
      const refreshToken = (await auth.refreshToken.text(this.scope)) ?? ''
      this.redactor.add(refreshToken)
      form.set('refresh_token', refreshToken)
    }
    const headers: Record<string, string> = { accept: 'application/json' }
    if (auth.clientAuth === 'basic') {
      const encoded = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString(
        'base64'
      )
      this.redactor.add(encoded)
      headers.authorization = `Basic ${encoded}`
    } else {
      form.set('client_id', clientId)
      form.set('client_secret', clientSecret)
    }
    const response = await ky(url, {
      method: 'POST',
      body: form,
      headers,
      timeout: this.plan.http.timeoutMs,
      retry: 2,
      throwHttpErrors: false,
      redirect: 'manual',
    })
    const result = await readResponse(response)
    const body = result.body as { access_token?: string; expires_in?: number } | undefined
    if (result.status !== 200 || !body?.access_token) {
      throw new ProviderError(
        this.redactor.redact(`OAuth2 token request to ${url.host}${url.pathname} failed: HTTP ${result.status}`),
        { status: result.status, step: 'oauth2Token' }
      )
    }
    this.redactor.add(body.access_token)
    const lifetime = Number(body.expires_in ?? 3600)
    return { value: body.access_token, expiresAt: Date.now() + Math.max(0, lifetime - auth.expiryMarginSeconds) * 1000 }
  }

  private async vendorMessage(response: HttpResponse): Promise<string | undefined> {
    let message: unknown
    if (this.plan.http.errorMessage) {
      message = await this.plan.http.errorMessage.evaluate({ ...this.scope, response }).catch(() => undefined)
    }
    if (message === undefined) message = guessMessage(response.body)
    if (message === undefined || message === null || message === '') return undefined
    const text = typeof message === 'string' ? message : JSON.stringify(message)
    return this.redactor.redact(text.length > MAX_BODY_LOG ? `${text.slice(0, MAX_BODY_LOG)}…` : text)
  }

  private failure(
    req: OutgoingRequest,
    what: string,
    details: { status?: number; vendorMessage?: string; transient?: boolean; closed?: boolean }
  ) {
    const path = req.path.split('?')[0]
    return new ProviderError(this.redactor.redact(`step '${req.step}' (${req.method} ${path}) ${what}`), {
      step: req.step,
      method: req.method,
      path: this.redactor.redact(path ?? ''),
      ...details,
    })
  }
}

function encodeBody(body: OutgoingRequest['body']): RequestInit['body'] {
  if (!body) return undefined
  switch (body.kind) {
    case 'json':
      return JSON.stringify(body.value)
    case 'form':
      return new URLSearchParams(body.value)
    case 'bytes':
      return body.value as Uint8Array<ArrayBuffer>
    case 'multipart':
      return body.value
  }
}

async function readResponse(response: Response): Promise<HttpResponse> {
  const headers: Record<string, string> = {}
  response.headers.forEach((v, k) => (headers[k.toLowerCase()] = v))
  const text = await response.text()
  let body: unknown = text === '' ? undefined : text
  if (text && /json/i.test(headers['content-type'] ?? '')) {
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  }
  return { status: response.status, headers, body }
}

/** Milliseconds to wait before the next attempt: the vendor's word first, else exponential backoff with jitter. */
export function retryDelay(
  headers: Record<string, string>,
  retry: Plan['http']['retry'],
  attempt: number,
  now = Date.now()
): number {
  for (const name of retry.retryAfterHeaders) {
    const v = headers[name]
    if (v === undefined) continue
    if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.ceil(Number(v) * 1000)
    const date = Date.parse(v)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  for (const name of retry.resetHeaders) {
    const v = Number(headers[name])
    if (!headers[name] || Number.isNaN(v)) continue
    if (v > 1e12) return Math.max(0, v - now) // epoch milliseconds
    if (v > 1e9) return Math.max(0, v * 1000 - now) // epoch seconds
    return Math.ceil(v * 1000) // seconds from now
  }
  return backoff(retry.baseDelayMs, attempt)
}

function backoff(base: number, attempt: number): number {
  const d = base * 2 ** attempt
  return Math.round(d / 2 + Math.random() * (d / 2))
}

function guessMessage(body: unknown): unknown {
  if (typeof body === 'string') return body.trim().startsWith('<') ? undefined : body
  if (!body || typeof body !== 'object') return undefined
  type Said = { message?: unknown; detail?: unknown }
  const b = body as Record<string, unknown> & { error?: Said | string; validation?: Said[]; errors?: (Said | string)[] }
  if (Array.isArray(b.validation) && b.validation.length)
    return b.validation.map((v) => v.message ?? JSON.stringify(v)).join('; ')
  return (
    (typeof b.error === 'object' ? b.error?.message : undefined) ??
    b.message ??
    b.error_description ??
    b.description ??
    b.detail ??
    b.details ??
    (Array.isArray(b.errors)
      ? b.errors.map((e) => (typeof e === 'string' ? e : (e.message ?? e.detail ?? JSON.stringify(e)))).join('; ')
      : undefined) ??
    (typeof b.error === 'string' ? b.error : undefined)
  )
}
