/**
 * The one way out to a helpdesk: steps, token endpoints, downloads and key sets all leave through `transmit`.
 * - Where: the scheme is checked (../network.ts), and each connection resolves its host through the policy's own
 *   lookup, so the address checked is the address connected to (TLS and the Host header keep the name).
 * - What: a request carrying one of the deployment's secrets to a host the manifest does not allow for it is refused
 *   before it connects (../secret-guard.ts).
 * - How long: at most `timeoutMs`, answer included.
 * Node's own http and https clients (no fetch implementation bundled), keep-alive connections, compressed answers
 * decoded; the answer handed over as a fetch Response. One attempt, no redirects followed: retries, redirects and
 * their checks belong to the callers (./client.ts keeps the one retry loop), which see an Unreached failure when no
 * answer came.
 */
import { channel } from 'node:diagnostics_channel'
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { Readable, type Transform } from 'node:stream'
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

/** Statuses whose answer has no body, whatever the headers say (a Response refuses one). */
const NO_BODY = new Set([101, 103, 204, 205, 304])

/**
 * Each exchange with a helpdesk, published for whoever subscribes to it by name, from any copy of this module (npm
 * run record keeps them as a fixture): the URL, the request, and a copy of the answer. Nothing is made without one.
 */
export const TRANSMISSIONS = channel('hitl-manifest:transmission')
export type Transmitted = { url: URL; request: Transmission; response: Response }

export async function transmit(url: URL, request: Transmission, where: string, guard?: SecretGuard): Promise<Response> {
  checkScheme(url, where)
  guard?.check(url, { headers: Object.entries(request.headers), body: request.body }, where)
  const signal = AbortSignal.timeout(request.timeoutMs)
  try {
    const response = await exchange(url, request, signal)
    if (TRANSMISSIONS.hasSubscribers)
      TRANSMISSIONS.publish({ url, request, response: response.clone() } satisfies Transmitted)
    return response
  } catch (err) {
    if (err instanceof RefusedAddress)
      throw new ProviderError(`${where}: refused to connect to ${url.host}: ${err.message}`, {})
    if (signal.aborted) throw new Unreached(`timed out after ${request.timeoutMs} ms`, true)
    throw new Unreached(networkFailure(err, url), false)
  }
}

/** One request and its answer's head; the body streams on, under the same signal. */
function exchange(url: URL, request: Transmission, signal: AbortSignal): Promise<Response> {
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
      { method: request.method, headers, agent: agents[https ? 'https:' : 'http:'], signal },
      (res) => {
        try {
          resolve(asResponse(res, request.method))
        } catch (err) {
          // A status a Response cannot hold (below 200, above 599): no answer the runtime can read.
          res.destroy()
          reject(err)
        }
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Headers with their names lowercased, as HTTP reads them (and as the recorder keeps them). */
export function lowercased(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v
  return out
}

/** The answer as fetch would give it: its status and headers, its body decoded as its content-encoding says. */
function asResponse(res: IncomingMessage, method: string): Response {
  const headers = new Headers()
  const raw = res.rawHeaders
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!)
  const status = res.statusCode ?? 0
  if (NO_BODY.has(status) || method === 'HEAD') {
    res.resume()
    return new Response(null, { status, statusText: res.statusMessage, headers })
  }
  const stream = decoded(res, headers.get('content-encoding'))
  return new Response(Readable.toWeb(stream) as ReadableStream, { status, statusText: res.statusMessage, headers })
}

/** The decoders of the content codings the transport asks for (accept-encoding). */
const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
}

function decoded(res: IncomingMessage, encoding: string | null): Readable {
  const decoder = encoding && Object.hasOwn(DECODERS, encoding) ? DECODERS[encoding]!() : undefined
  if (!decoder) return res
  res.on('error', (err) => decoder.destroy(err))
  return res.pipe(decoder)
}

/** A failure while reading an answer, as transmit would have said it (the time bound covers the answer too). */
export function unreached(err: unknown): unknown {
  const name = (err as Error)?.name
  if (name === 'TimeoutError' || name === 'AbortError') return new Unreached('timed out while reading the answer', true)
  // The connection closed midway (a reset, a short body) or a compressed body that does not decode.
  if (err instanceof Error && !(err instanceof ProviderError))
    return new Unreached(`the answer broke off (${err.message})`, false)
  return err
}
