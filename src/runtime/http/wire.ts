/** What goes over the wire: a request as the steps build it, a response as the steps read it. */
import type { Answer } from './transport'

export type HttpResponse = { status: number; headers: Record<string, string>; body: unknown }

export type OutgoingRequest = {
  step: string
  method: string
  /** One of the manifest's http.hosts by name: the base of the path instead of the base URL. */
  host?: string
  /** Path below the base URL (or the host's), or an absolute URL on one of the API's hosts. */
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
  /** A non-2xx answer taken as success when this holds (a step's `accept` entries with a condition). */
  acceptWhen?: (response: HttpResponse) => Promise<boolean>
  /** A 2xx (or accepted) answer that is a failure after all (a step's `failWhen`). */
  failWhen?: (response: HttpResponse) => Promise<boolean>
  /** Statuses retried besides the manifest's retry statuses. */
  retryOn?: number[]
  /** The step says this request may be sent twice (a POST with an idempotency key): retried on 5xx like a GET. */
  idempotent?: boolean
  /** Read the answer as bytes (a file), refusing more than this many. */
  maxBytes?: number
  /** An agent's file: it may also be on one of the manifest's http.fileHosts. */
  file?: boolean
  /** This request's time bound (a step's timeoutMs), else the manifest's. */
  timeoutMs?: number
  /**
   * A redirect off the API host is answered as it is (its `location` header) instead of refused: a file download
   * follows it without the credentials (a helpdesk's temporary link on its storage host).
   */
  offHostRedirects?: 'answer'
}

/** A body as it goes over the wire: its bytes, and the type that says how to read them. */
export type EncodedBody = { bytes: Uint8Array; contentType?: string }

/** Encodes a body once, to the very bytes sent (a multipart form too, with its boundary). */
export async function encodeBody(body: OutgoingRequest['body']): Promise<EncodedBody | undefined> {
  if (!body) return undefined
  const text = (value: string, contentType: string) => ({ bytes: new TextEncoder().encode(value), contentType })
  switch (body.kind) {
    case 'json':
      return text(JSON.stringify(body.value), 'application/json')
    case 'form':
      return text(new URLSearchParams(body.value).toString(), 'application/x-www-form-urlencoded')
    case 'bytes':
      return { bytes: body.value, contentType: body.contentType }
    case 'multipart': {
      const encoded = new Response(body.value)
      return { bytes: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! }
    }
  }
}

/** Status, lowercase headers, and the body parsed when it says it is JSON (bytes when `maxBytes` is given). */
export async function readResponse(answer: Answer, maxBytes?: number): Promise<HttpResponse> {
  const headers = { ...answer.headers }
  if (maxBytes !== undefined && answer.ok)
    return { status: answer.status, headers, body: await answer.bytes(maxBytes, 'the file') }
  const text = await answer.text()
  let body: unknown = text === '' ? undefined : text
  if (text && /json/i.test(headers['content-type'] ?? '')) {
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  }
  return { status: answer.status, headers, body }
}
