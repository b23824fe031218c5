/**
 * The one way out to a helpdesk: steps, token endpoints, downloads and key sets all leave through `transmit`.
 * - Where: the scheme is checked (../network.ts), and each connection resolves its host through the policy's own
 *   lookup, so the address checked is the address connected to (TLS and the Host header keep the name).
 * - What: a request carrying one of the deployment's secrets to a host the manifest does not allow for it is refused
 *   before it connects (../secret-guard.ts).
 * - How long: at most `timeoutMs`, answer included.
 * Plain fetch, one attempt: retries, redirects and their checks belong to the callers (./client.ts keeps the one
 * retry loop), which see an Unreached failure when no answer came.
 */
import { Agent } from 'undici'
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

/** Keep-alive connections, each to an address the policy checked when it was made. */
const dispatcher = new Agent({ connect: { lookup: checkedLookup }, keepAliveTimeout: 10_000 })

export async function transmit(url: URL, request: Transmission, where: string, guard?: SecretGuard): Promise<Response> {
  checkScheme(url, where)
  guard?.check(url, { headers: Object.entries(request.headers), body: request.body }, where)
  try {
    return await fetch(url, {
      method: request.method,
      headers: request.headers,
      body: request.body as RequestInit['body'],
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
      dispatcher,
    } as RequestInit)
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause
    if (cause instanceof RefusedAddress)
      throw new ProviderError(`${where}: refused to connect to ${url.host}: ${cause.message}`, {})
    if ((err as Error).name === 'TimeoutError') throw new Unreached(`timed out after ${request.timeoutMs} ms`, true)
    throw new Unreached(networkFailure(err, url), false)
  }
}

/** A failure while reading an answer, as transmit would have said it (the time bound covers the answer too). */
export function unreached(err: unknown): unknown {
  const name = (err as Error)?.name
  if (name === 'TimeoutError' || name === 'AbortError') return new Unreached('timed out while reading the answer', true)
  if (err instanceof TypeError) return new Unreached(`the answer broke off (${err.message})`, false)
  return err
}
