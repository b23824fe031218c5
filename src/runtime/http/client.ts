/**
 * The HTTP client a manifest describes: the base URL (checked by the network policy, every other URL must stay on
 * its host), default headers, the auth strategy (../auth), timeouts, redirects followed by hand on the API host, and
 * retries (./retry.ts). Failures are ProviderErrors naming the step, the call and the vendor's words, redacted.
 */
import { widened, type Scope } from '../../manifest/expressions'
import type { AuthPlan, Plan } from '../../manifest/plan'
import { authenticator, type AuthContext, type Authenticator } from '../auth'
import type { GrantStore } from '../auth/authorization-code'
import { ProviderError } from '../errors'
import { checkTarget } from '../network'
import type { Redactor } from '../redact'
import type { Configured, HttpBase } from '../configured'
import type { SecretGuard } from '../secret-guard'
import { truthy } from '../truth'
import { download, fileOf, MAX_DOWNLOAD_BYTES, MAX_REDIRECTS, type Downloaded } from './download'
import { backoff, repeatable, retriable, retryDelay } from './retry'
import { vendorMessage } from './vendor-message'
import { transmit, Unreached } from './transport'
import { encodeBody, readResponse, type EncodedBody, type HttpResponse, type OutgoingRequest } from './wire'

type FailureDetails = { status?: number; vendorMessage?: string; transient?: boolean; closed?: boolean }

export class HttpClient {
  private base?: Promise<HttpBase>
  /** What the configuration alone decides (the base shared by its calls where it can be). */
  private readonly configured: Configured
  private readonly auth: Authenticator
  private readonly sleep: (ms: number) => Promise<void>
  /** Where the deployment's secrets may go (none declared or set: no guard). */
  readonly guard?: SecretGuard
  /** What the auth strategy works with; the Connect flow (authorization code) uses it too. */
  readonly authContext: AuthContext

  constructor(
    private readonly plan: Plan,
    private readonly scope: Scope,
    private readonly redactor: Redactor,
    options: {
      /** Waits between retries; replaced in tests and benchmarks. */
      sleep?: (ms: number) => Promise<void>
      /** A connected account's grant (authorization code). */
      grants?: GrantStore
      /** The way of authenticating chosen for this call (an `either` resolved); else the manifest's. */
      auth?: AuthPlan
      /** What the configuration alone decides: where the deployment's secrets may go, the base it shares. */
      configured: Configured
    }
  ) {
    this.configured = options.configured
    this.guard = options.configured.guard
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)))
    this.authContext = {
      scope,
      redactor,
      baseUrl: async () => (await this.prepare()).url,
      timeoutMs: plan.http.timeoutMs,
      grants: options.grants,
      guard: this.guard,
    }
    this.auth = authenticator(options.auth ?? plan.http.auth, this.authContext)
  }

  /** Where requests go: the configuration's apiBaseUrl, else the manifest's base URL (npm run record reads it). */
  async baseUrl(): Promise<URL> {
    return (await this.prepare()).url
  }

  /**
   * The base URL (the configuration's apiBaseUrl, else the manifest's) and default headers, once per client, or once
   * per configuration where it reads nothing of a call (../configured.ts).
   */
  private prepare(): Promise<HttpBase> {
    return (this.base ??= this.configured.base(() => this.made()))
  }

  private made(): Promise<HttpBase> {
    return (async () => {
      const config = this.scope.config as Record<string, unknown>
      const raw =
        (typeof config.apiBaseUrl === 'string' && config.apiBaseUrl) || (await this.plan.http.baseUrl.text(this.scope))
      const url = await checkTarget(raw ?? '', 'http.baseUrl')
      const headers: [string, string][] = []
      for (const [k, t] of this.plan.http.headers) {
        const v = await t.text(this.scope)
        if (v !== undefined) headers.push([k, v])
      }
      // The API's other bases, checked as the base URL is (the network policy holds for them too).
      const hosts = new Map<string, URL>()
      for (const [name, t] of this.plan.http.hosts)
        hosts.set(name, await checkTarget((await t.text(this.scope)) ?? '', `http.hosts.${name}`))
      const fileHosts: string[] = []
      for (const t of this.plan.http.fileHosts) {
        const host = await t.text(this.scope)
        if (host) fileHosts.push(host.toLowerCase())
      }
      return { url, headers, hosts, fileHosts }
    })()
  }

  /** An absolute URL as given, or a path ("/.well-known/jwks.json") taken from the root of the API host. */
  async absoluteUrl(urlOrPath: string): Promise<string> {
    if (/^https?:\/\//i.test(urlOrPath)) return urlOrPath
    const { url } = await this.prepare()
    return url.origin + (urlOrPath.startsWith('/') ? '' : '/') + urlOrPath
  }

  /** An attachment to upload: only from a URL of the message being sent, or from the API host. */
  async download(url: string, messageUrls: string[]): Promise<Downloaded> {
    const { url: base } = await this.prepare()
    return download(url, { apiHost: base.host, messageUrls }, this.plan.http.timeoutMs, this.guard)
  }

  /**
   * A file that opens only with the provider's credentials (an agent's attachment): fetched like any request, so from
   * the API host only, with the manifest's auth, redirects and retries; at most MAX_DOWNLOAD_BYTES.
   */
  async fetchFile(url: string, content?: (response: HttpResponse) => Promise<unknown>): Promise<Downloaded> {
    const step = 'attachment download'
    const result = await this.send({
      step,
      method: 'GET',
      path: url,
      query: [],
      headers: [['accept', content ? 'application/json' : '*/*']],
      accept: [],
      // base64 takes 4 characters for 3 bytes: the same file, inside JSON.
      maxBytes: content ? Math.ceil((MAX_DOWNLOAD_BYTES * 4) / 3) + 64 * 1024 : MAX_DOWNLOAD_BYTES,
      offHostRedirects: 'answer',
      file: true,
    })
    // Sent on to a temporary link on another host (a helpdesk's storage or media host): followed there
    // without the credentials, every hop checked by the network policy. The file keeps the name the helpdesk gave.
    const location = result.headers.location
    if (result.status >= 300 && result.status < 400 && location) {
      const elsewhere = new URL(location, new URL(url, (await this.prepare()).url)).toString()
      const file = await this.publicFile(elsewhere)
      return { ...file, fileName: fileOf(file.bytes, undefined, url).fileName }
    }
    if (!(result.body instanceof Uint8Array))
      throw new ProviderError(`${step}: HTTP ${result.status} carried no file`, {})
    // The URL may be a path below the API's base: its name is read from the path either way.
    if (!content) return fileOf(result.body, result.headers['content-type'], url)
    // An API that gives the file as base64 inside JSON (the manifest's attachmentContent says where).
    let body: unknown
    try {
      body = JSON.parse(Buffer.from(result.body).toString('utf8'))
    } catch {
      throw new ProviderError(
        `${step}: the answer is not JSON, where the manifest's attachmentContent reads the file`,
        {}
      )
    }
    const encoded = await content({ ...result, body })
    if (typeof encoded !== 'string' || !encoded)
      throw new ProviderError(`${step}: attachmentContent found no base64 text in the answer`, {})
    const bytes = Buffer.from(encoded, 'base64')
    if (bytes.byteLength > MAX_DOWNLOAD_BYTES)
      throw new ProviderError(`${step}: the file is larger than ${MAX_DOWNLOAD_BYTES} bytes`, {})
    return fileOf(bytes, undefined, url)
  }

  /** A file anyone with its URL may fetch (a temporary signed link): no credentials, from wherever it points. */
  async publicFile(url: string): Promise<Downloaded> {
    return download(url, { apiHost: '', messageUrls: [url] }, this.plan.http.timeoutMs, this.guard)
  }

  /** Why a URL could never be fetched with the manifest's credentials (not on its API host), or undefined. */
  async offApiHost(url: string): Promise<string | undefined> {
    if (!/^https?:\/\//i.test(url)) return undefined
    const { url: base, hosts, fileHosts } = await this.prepare()
    let target: URL
    try {
      target = new URL(url)
    } catch {
      return `'${url}' is not a URL`
    }
    return credentialedHost(target, apiOrigins(base, hosts), fileHosts, true)
      ? undefined
      : `refused: ${target.host} is neither the manifest's API host ${base.host} nor one of its file hosts`
  }

  async send(req: OutgoingRequest): Promise<HttpResponse> {
    const { url: apiBase, headers: defaults, hosts, fileHosts } = await this.prepare()
    const { retry } = this.plan.http
    const timeoutMs = req.timeoutMs ?? this.plan.http.timeoutMs
    // The request's own base: one of http.hosts when it names one (the compiler checked the name).
    const base = (req.host && hosts.get(req.host)) || apiBase
    let url = this.resolve(base, apiOrigins(apiBase, hosts), req, fileHosts)
    // Encoded once: every attempt sends the same bytes, and auth (applied last) sees them as they go.
    const body = await encodeBody(req.body)
    const canRepeat = repeatable(req.method, req.idempotent)
    let renewed = false
    let redirects = 0
    for (let attempt = 0; ; attempt++) {
      let result: HttpResponse
      let location: string | undefined
      try {
        const prepared = {
          method: req.method,
          url: new URL(url),
          headers: this.headers(req, defaults, body),
          body: body?.bytes,
        }
        await this.auth.apply(prepared)
        const response = await transmit(
          prepared.url,
          { method: req.method, headers: prepared.headers, body: prepared.body, timeoutMs },
          `step '${req.step}'`,
          this.guard
        )
        location = response.headers.location
        result = await readResponse(response, req.maxBytes)
      } catch (err) {
        if (!(err instanceof Unreached)) throw this.redacted(err)
        if (canRepeat && attempt < retry.maxRetries) {
          await this.sleep(backoff(retry.baseDelayMs, attempt))
          continue
        }
        const unsure = canRepeat ? '' : '; the helpdesk may have applied it, so it was not retried (no duplicate)'
        throw this.failure(req, `${err.timedOut ? err.why : `could not be sent: ${err.why}`}${unsure}`, {
          transient: true,
        })
      }
      if (result.status >= 300 && result.status < 400 && location) {
        // Followed on the API host only: the request carries the helpdesk's credentials.
        const next = new URL(location, url)
        if (next.origin !== base.origin && req.offHostRedirects === 'answer') return result
        if (next.origin !== base.origin) {
          throw this.failure(
            req,
            `redirected to ${next.host}, outside the manifest's API host ${base.host}: not followed`,
            { status: result.status }
          )
        }
        if (++redirects > MAX_REDIRECTS)
          throw this.failure(req, `more than ${MAX_REDIRECTS} redirects`, { status: result.status })
        url = await checkTarget(next, `step '${req.step}'`)
        attempt--
        continue
      }
      if (!renewed && (await this.auth.renewOn?.(result.status))) {
        renewed = true
        continue
      }
      const success = result.status >= 200 && result.status < 300
      if (success || req.accept.includes(result.status) || (await req.acceptWhen?.(result))) {
        // An API that answers 200 with the error inside: the step's failWhen says so.
        if (await req.failWhen?.(result)) throw await this.refused(req, result, false)
        return result
      }
      const { listed, retried } = retriable(result.status, retry, req.retryOn, canRepeat)
      if (retried && attempt < retry.maxRetries) {
        const wait = retryDelay(result.headers, retry, attempt)
        if (wait > retry.maxDelayMs) {
          const asked = `the helpdesk asks to wait ${Math.ceil(wait / 1000)} s, more than the ${retry.maxDelayMs / 1000} s budget`
          throw this.failure(req, `rate limited: ${asked}`, { status: result.status, transient: true })
        }
        await this.sleep(wait)
        continue
      }
      throw await this.refused(req, result, listed && !retried)
    }
  }

  /** The failure for a final non-2xx answer: the vendor's words, and whether it says the ticket is closed. */
  private async refused(req: OutgoingRequest, result: HttpResponse, unsure: boolean) {
    const said = await vendorMessage(this.plan, this.scope, this.redactor, result)
    const closedWhen = this.plan.http.closedWhen
    const closed = closedWhen
      ? truthy(await closedWhen.evaluate(widened(this.scope, { response: result })).catch(() => false))
      : false
    const what = `HTTP ${result.status}${said ? ` — ${said}` : ''}${unsure ? ' (not retried: the helpdesk may have applied it)' : ''}`
    return this.failure(req, what, {
      status: result.status,
      vendorMessage: said,
      transient: this.plan.http.retry.statuses.includes(result.status),
      closed,
    })
  }

  private resolve(base: URL, api: URL[], req: OutgoingRequest, fileHosts: string[]): URL {
    let url: URL
    if (/^https?:\/\//i.test(req.path)) {
      try {
        url = new URL(req.path)
      } catch {
        throw this.failure(req, `'${req.path}' is not a URL`, {})
      }
      if (!credentialedHost(url, api, fileHosts, !!req.file)) {
        throw this.failure(req, `refused: ${url.host} is not the manifest's API host ${base.host}`, {})
      }
    } else {
      const basePath = base.pathname.replace(/\/$/, '')
      url = new URL(base.origin + basePath + (req.path.startsWith('/') ? '' : '/') + req.path)
      if (url.host !== base.host) throw this.failure(req, `refused: the path leaves the API host ${base.host}`, {})
    }
    for (const [k, v] of req.query) url.searchParams.append(k, v)
    return url
  }

  /** The request's headers before auth (applied last, it has the final word on its own headers). */
  private headers(req: OutgoingRequest, defaults: [string, string][], body?: EncodedBody): Record<string, string> {
    const out: Record<string, string> = { accept: 'application/json' }
    // The body's own type first: a manifest's headers may still say otherwise.
    if (body?.contentType) out['content-type'] = body.contentType
    for (const [k, v] of [...defaults, ...req.headers]) out[k.toLowerCase()] = v
    return out
  }

  /** A refusal of the transport (a policy, a secret off its hosts), redacted like every failure. */
  private redacted(err: unknown): unknown {
    if (err instanceof ProviderError) return new ProviderError(this.redactor.redact(err.message), err.details)
    return err
  }

  private failure(req: OutgoingRequest, what: string, details: FailureDetails) {
    const path = req.path.split('?')[0]
    return new ProviderError(this.redactor.redact(`step '${req.step}' (${req.method} ${path}) ${what}`), {
      step: req.step,
      method: req.method,
      path: this.redactor.redact(path ?? ''),
      ...details,
    })
  }
}

/** The API's bases: the base URL and the manifest's http.hosts. */
function apiOrigins(base: URL, hosts: Map<string, URL>): URL[] {
  return [base, ...hosts.values()]
}

/**
 * Whether a request may go to `url` with the manifest's credentials: on one of the API's hosts (the base URL's, or
 * one of http.hosts, same scheme), or, for an agent's file, on one of the manifest's file hosts (a files host beside
 * the API's).
 */
function credentialedHost(url: URL, api: URL[], fileHosts: string[], file: boolean): boolean {
  if (api.some((b) => url.protocol === b.protocol && url.host === b.host)) return true
  return url.protocol === api[0]!.protocol && file && fileHosts.includes(url.host.toLowerCase())
}
