/** What an auth strategy is given and what it gives: the shapes every strategy of ./index.ts shares. */
import type { Scope } from '../../manifest/expressions'
import type { Redactor } from '../redact'
import type { SecretGuard } from '../secret-guard'

/** What a strategy may use: the call's scope (config, state), its redactor, the API's base URL, the time budget. */
export type AuthContext = {
  scope: Scope
  redactor: Redactor
  baseUrl: () => Promise<URL>
  timeoutMs: number
  /** Where a connected account's grant lives (authorization code): supplied by the Botpress binding. */
  grants?: GrantStore
  /** Where the deployment's secrets may go: token requests and authorize URLs are checked against it. */
  guard?: SecretGuard
}

/** A request about to be sent, whole: its body already encoded as the bytes that will go, so it can be signed. */
export type PreparedRequest = {
  method: string
  url: URL
  /** Lowercase names. */
  headers: Record<string, string>
  body?: Uint8Array
}

export interface Authenticator {
  /** Authenticates a request about to be sent: headers, query parameters, or a signature over all of it. */
  apply(request: PreparedRequest): Promise<void>
  /** After a response with this status, forget the credentials so the next attempt gets fresh ones (once). */
  renewOn?(status: number): Promise<boolean>
}

export type Credentials = { headers: [string, string][]; query: [string, string][] }

/** An authenticator adding credentials that do not depend on the request (headers, query parameters). */
export function withCredentials(
  credentials: () => Promise<Credentials>,
  renewOn?: Authenticator['renewOn']
): Authenticator {
  return {
    apply: async (request) => {
      const { headers, query } = await credentials()
      for (const [k, v] of headers) request.headers[k.toLowerCase()] = v
      for (const [k, v] of query) request.url.searchParams.append(k, v)
    },
    renewOn,
  }
}

/** What a connection holds: kept in Botpress, never in the process beyond a call. */
export type Grant = { accessToken: string; refreshToken?: string; expiresAt?: number }

export interface GrantStore {
  /** The grant as this call found it (read once). */
  read(): Promise<Grant | undefined>
  /** The grant as Botpress holds it now (another instance may have refreshed it). */
  reload(): Promise<Grant | undefined>
  write(grant: Grant): Promise<void>
}
