/**
 * The one way out to a helpdesk: steps, token endpoints, downloads and key sets all leave through `transmit`.
 * - Where: the scheme is checked (../network.ts), and each connection resolves its host through the policy's own
 *   lookup, so the address checked is the address connected to (TLS and the Host header keep the name).
 * - What: a request carrying one of the deployment's secrets to a host the manifest does not allow for it is refused
 *   before it connects (../secret-guard.ts).
 * - How long: at most `timeoutMs`, answer included.
 * Node's own http and https clients (no fetch implementation bundled), keep-alive connections, compressed answers
 * decoded; the answer handed over as an Answer. One attempt, no redirects followed: retries, redirects and their
 * checks belong to the callers (./client.ts keeps the one retry loop), which see an Unreached failure when no answer
 * came.
 */
import { channel } from 'node:diagnostics_channel'
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { Readable, Transform } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { checkedLookup, checkScheme, networkFailure, RefusedAddress } from '../network'
import { ProviderError } from '../errors'
import type { SecretGuard } from '../secret-guard'

export type Transmission = {
  method: string
  headers: Record<string, string>
  body?: string | URLSearchParams | Uint8Array
  timeoutMs: number
}

/** No answer came: timed out, or the network failed (refused, reset, DNS, TLS). Worth another attempt. */
export class Unreached extends Error {
  constructor(
    readonly why: string,
    readonly timedOut: boolean
  ) {
    super(why)
  }
}

/** Keep-alive connections, each to an address the policy checked when it was made (idle ones closed after 10 s). */
const pooled = { keepAlive: true, timeout: 10_000, lookup: checkedLookup as never }
const agents = { 'http:': new HttpAgent(pooled), 'https:': new HttpsAgent(pooled) }

/** Statuses whose answer has no body, whatever the headers say. */
const NO_BODY = new Set([101, 103, 204, 205, 304])

/**
 * An answer as the runtime reads it: its status, its headers (names lowercased, a repeated one's values joined with
 * ', ', as fetch's Headers gives them), and its body decoded as its content-encoding says, read once (every reader
 * gets the same bytes), under the request's time bound. (Handed over as a fetch Response, a web stream over the
 * socket's and a Headers object made for every answer cost about a tenth of an operation's CPU: bench/README.md.)
 */
export class Answer {
  private read?: Promise<Buffer>

  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
    private readonly body?: Readable,
    /** The request's time bound, which covers the body too. */
    private readonly deadline?: Deadline
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300
  }

  /**
   * The body's bytes, in memory of their own, refused past `maxBytes` (`what` says whose) whether the length is
   * announced or only found while reading (the first reader's bound stops the reading there).
   */
  async bytes(maxBytes = Infinity, what = 'the answer'): Promise<Uint8Array> {
    const body = await this.whole(maxBytes, what)
    // A view of its own buffer as it is; a slice of a buffer Node shares (its pool) copied out.
    return body.byteOffset === 0 && body.byteLength === body.buffer.byteLength
      ? new Uint8Array(body.buffer, 0, body.byteLength)
      : new Uint8Array(body)
  }

  /** The body as UTF-8 text. */
  async text(): Promise<string> {
    return (await this.whole(Infinity, 'the answer')).toString('utf8')
  }

  /** Left unread: drained, so that its connection goes back to the pool. */
  discard(): void {
    this.body?.resume()
  }

  private async whole(maxBytes: number, what: string): Promise<Buffer> {
    const tooLarge = () => new ProviderError(`${what} is larger than ${maxBytes} bytes`, {})
    let body: Buffer
    try {
      body = await (this.read ??= collect(this.body, maxBytes, this.headers['content-length']))
    } catch (err) {
      if (err instanceof TooLarge) throw tooLarge()
      // Node says "aborted" of a body the time bound cut short: the deadline says which it was.
      if (this.deadline?.passed) throw new Unreached('timed out while reading the answer', true)
      if (!(err instanceof Error)) throw err
      // The connection closed midway (a reset, a short body) or a compressed body that does not decode.
      throw new Unreached(`the answer broke off (${err.message})`, false)
    }
    if (body.length > maxBytes) throw tooLarge()
    return body
  }
}

/** A body past its bound (Answer.bytes says whose). */
class TooLarge extends Error {}

/** A stream's bytes; the reading stopped (and the stream destroyed) once past `maxBytes`, announced or read. */
async function collect(body: Readable | undefined, maxBytes: number, announced: string | undefined): Promise<Buffer> {
  if (!body) return Buffer.alloc(0)
  if (Number(announced ?? 0) > maxBytes) {
    body.destroy()
    throw new TooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if ((size += chunk.length) > maxBytes) {
      body.destroy()
      throw new TooLarge()
    }
    chunks.push(chunk)
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)
}

/**
 * Each exchange with a helpdesk, published for whoever subscribes to it by name, from any copy of this module (npm
 * run record keeps them as a fixture): the URL, the request, and a copy of the answer. Nothing is made without one.
 */
export const TRANSMISSIONS = channel('hitl-manifest:transmission')
export type Transmitted = { url: URL; request: Transmission; response: Answer }

export async function transmit(url: URL, request: Transmission, where: string, guard?: SecretGuard): Promise<Answer> {
  checkScheme(url, where)
  guard?.check(url, { headers: Object.entries(request.headers), body: request.body }, where)
  const deadline = new Deadline()
  try {
    const response = await exchange(url, request, deadline)
    if (TRANSMISSIONS.hasSubscribers) TRANSMISSIONS.publish({ url, request, response } satisfies Transmitted)
    return response
  } catch (err) {
    if (err instanceof RefusedAddress)
      throw new ProviderError(`${where}: refused to connect to ${url.host}: ${err.message}`, {})
    if (deadline.passed) throw new Unreached(`timed out after ${request.timeoutMs} ms`, true)
    throw new Unreached(networkFailure(err, url), false)
  }
}

/**
 * A request's time bound, its answer included: past it, the request is destroyed (and its answer with it). One
 * timer, cleared when the answer is done; AbortSignal.timeout made a signal and its listeners for every request, a
 * twentieth of a webhook's CPU (bench/README.md).
 */
class Deadline {
  passed = false
  private timer?: NodeJS.Timeout

  start(req: ClientRequest, ms: number) {
    this.timer = setTimeout(() => {
      this.passed = true
      req.destroy(new Error(`timed out after ${ms} ms`))
    }, ms).unref()
  }

  clear = () => clearTimeout(this.timer)
}

/** One request and its answer's head; the body streams on, under the same deadline. */
function exchange(url: URL, request: Transmission, deadline: Deadline): Promise<Answer> {
  const headers = lowercased(request.headers)
  let body = request.body
  if (body instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8'
    body = body.toString()
  }
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
  headers['accept-encoding'] ??= 'gzip, deflate, br'
  const https = url.protocol === 'https:'
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(
      url,
      { method: request.method, headers, agent: agents[https ? 'https:' : 'http:'] },
      (res) => {
        res.once('close', deadline.clear)
        const status = res.statusCode ?? 0
        if (status < 200 || status > 599) {
          // Not an answer the runtime can read (fetch's Response would not hold it either).
          res.destroy()
          return reject(new Error(`an answer with status ${status}`))
        }
        resolve(answerOf(res, status, request.method, deadline))
      }
    )
    deadline.start(req, request.timeoutMs)
    req.on('error', (err) => {
      deadline.clear()
      reject(err)
    })
    req.end(body)
  })
}

/** Headers with their names lowercased, as HTTP reads them (and as the recorder keeps them); none without a value. */
export function lowercased(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = v
  return out
}

/** The answer: its headers as fetch's Headers give them, its body decoded as its content-encoding says. */
function answerOf(res: IncomingMessage, status: number, method: string, deadline: Deadline): Answer {
  const headers: Record<string, string> = {}
  const raw = res.rawHeaders
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase()
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${raw[i + 1]}` : raw[i + 1]!
  }
  if (NO_BODY.has(status) || method === 'HEAD') {
    res.resume()
    return new Answer(status, headers)
  }
  return new Answer(status, headers, decoded(res, headers['content-encoding']), deadline)
}

/** The decoders of the content codings the transport asks for (accept-encoding). */
const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
}

function decoded(res: IncomingMessage, encoding: string | undefined): Readable {
  const decoder = encoding && Object.hasOwn(DECODERS, encoding) ? DECODERS[encoding]!() : undefined
  if (!decoder) return res
  res.on('error', (err) => decoder.destroy(err))
  return res.pipe(decoder)
}
