/**
 * Provider fixtures (test/fixtures/providers/<id>.yaml): what a helpdesk answers, what the integration must send
 * it at each step of a session, and vendor-shaped webhooks signed the vendor's way with what Botpress must see.
 * The signing vocabulary here is the fixture author's own statement of the vendor's documented scheme,
 * independent of the runtime's verification code.
 */
import { createPublicKey, createSign } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { VerifyPlan } from '../src/manifest/plan'
import { formatTimestamp, hmac, keyBytes } from '../src/runtime/signing'

export type ExpectedRequest = {
  method: string
  path: string
  query?: Record<string, string>
  headers?: Record<string, string>
  json?: unknown
  form?: Record<string, string>
  multipart?: unknown
}
export type Route = { method: string; path: string; status?: number; headers?: Record<string, string>; body?: unknown }
export type Send = { type: string; payload: Record<string, unknown>; from: 'user' | 'bot' }
export type Sign =
  | { type: 'none' }
  | {
      type: 'hmac'
      algorithm: 'sha1' | 'sha256' | 'sha512'
      secret?: string
      secretFromState?: string
      encoding: 'hex' | 'base64'
      header: string
      /** How the vendor writes its signing key (the bytes it signs with): text, hex or base64. */
      keyEncoding?: 'text' | 'hex' | 'base64'
      value?: string
      payload?: string
      timestamp?: { header: string; format: 'unixSeconds' | 'unixMilliseconds' | 'iso8601' }
    }
  | { type: 'rsa'; privateKey: string; header: string; encoding: 'base64' }
  | { type: 'token'; headers?: Record<string, string>; query?: string }
  /** A JWT (RS256) in a header; the runner serves the matching key set at jwksPath. {state.x} reads lifecycle state. */
  | { type: 'jwt'; privateKey: string; kid: string; header: string; jwksPath: string; issuer: string; audience: string }
/**
 * An agent's attachment as the end user gets it: the helpdesk's own URL, or (`rehosted`) a file in Botpress holding
 * the bytes the helpdesk served at `path` to a request carrying `headers` (the provider's credentials); `holds` and
 * `contentType` say what the file holds where the answer is not the file itself (base64 inside JSON).
 */
export type ExpectedAttachment =
  | { type: string; url: string }
  | {
      type: string
      rehosted: { path: string; headers?: Record<string, string>; holds?: string; contentType?: string }
    }
export type WebhookCase = {
  name: string
  contentType?: string
  headers?: Record<string, string>
  body: unknown
  expect:
    | { message: { text?: string; attachments?: ExpectedAttachment[]; agentId: string; agentName?: string } }
    | { event: 'hitlAssigned'; agentId: string; agentName?: string }
    | { event: 'hitlStopped' }
    | { ignored: true }
    | { reply: { status: number; body?: string } }
}
/** What one poll must bring to Botpress, in order: an agent's message, hitlAssigned or hitlStopped. */
export type PollOutcome =
  | { message: { text?: string; attachments?: ExpectedAttachment[]; agentId: string; agentName?: string } }
  | { event: 'hitlAssigned'; agentId: string; agentName?: string }
  | { event: 'hitlStopped' }
/**
 * A helpdesk that is polled (inbound: poll, or either choosing it): a session of its own under `configuration`
 * (over the fixture's; a null removes a field), then rounds, each answering the poll's requests with `routes` (over
 * the fixture's), expecting those `requests` (when given) and what reached Botpress. Each round is polled twice:
 * the second poll brings nothing more.
 */
export type Polls = {
  configuration?: Record<string, unknown>
  rounds: { name: string; routes: Route[]; requests?: ExpectedRequest[]; expect: PollOutcome[] }[]
}
export type Fixture = {
  provider: string
  configuration: Record<string, unknown>
  apiPath?: string
  routes: Route[]
  register?: { requests: ExpectedRequest[]; state?: Record<string, unknown> }
  createUser: { input: Record<string, unknown>; requests: ExpectedRequest[]; externalId: string }
  startHitl: {
    input: Record<string, unknown>
    requests: ExpectedRequest[]
    ticketId: string
    /**
     * Webhooks the helpdesk sends while it is still answering `during` (the ticket's creation): rules firing on a new
     * ticket. They must reach Botpress once each, after startHitl has returned.
     */
    early?: { during: { method: string; path: string }; events: WebhookCase[] }
  }
  messages: { send: Send; requests: ExpectedRequest[]; messageId?: string }[]
  webhooks: { sign: Sign; events: WebhookCase[] }
  stopHitl: { requests: ExpectedRequest[] }
  unregister?: { requests: ExpectedRequest[] }
  polls?: Polls
}

export const FIXTURES_DIR = join(__dirname, '..', 'test', 'fixtures', 'providers')

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(join(FIXTURES_DIR, f), 'utf8')) as Fixture)
}

/**
 * Replaces {files} (the stand-in's file URL), {storage} (another origin serving the same files: the helpdesk's
 * storage host, where temporary links point), {webhookUrl}, {helpdesk}, {botpressUserId} (the Botpress user
 * createUser made), {botpressConversationId} (the session's conversation startHitl made) and {state.<name>} (a value
 * registration kept: one the integration generated, say) in every string of a value.
 */
export function fill<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === 'string')
    return value.replace(
      /\{(files|storage|webhookUrl|helpdesk|botpressUserId|botpressConversationId|state\.\w+)\}/g,
      (_, k: string) => vars[k] ?? `{${k}}`
    ) as T
  if (Array.isArray(value)) return value.map((v) => fill(v, vars)) as T
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)])) as T
  return value
}

/** The values registration kept, as {state.<name>} placeholders read them. */
export function stateVars(state: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(state ?? {}).map(([k, v]) => [`state.${k}`, String(v)]))
}

/** The public JSON Web Key Set for a jwt-signed fixture. */
export function jwksOf(sign: Extract<Sign, { type: 'jwt' }>) {
  const jwk = createPublicKey(sign.privateKey).export({ format: 'jwk' })
  return { keys: [{ ...jwk, kid: sign.kid, use: 'sig', alg: 'RS256' }] }
}

type SignOptions = { url: string; method?: string; now?: number; tamper?: boolean; state?: Record<string, unknown> }
type Signed = { headers: Record<string, string>; query: string }
/**
 * One signer per verification kind of the language (the type checker holds the table to them), each following the
 * fixture's own statement of the vendor's scheme, with the same mechanics as the runtime's verifiers
 * (src/runtime/signing.ts: keys read as written, HMACs, timestamps): a manifest that reads the key otherwise than
 * the vendor writes it fails its fixture.
 */
const SIGNERS: {
  [K in VerifyPlan['type']]: (sign: Extract<Sign, { type: K }>, raw: string, o: SignOptions) => Signed
} = {
  none: () => ({ headers: {}, query: '' }),
  token: (sign, _raw, o) => ({
    headers: Object.fromEntries(
      Object.entries(fill(sign.headers ?? {}, stateVars(o.state))).map(([k, v]) => [k, o.tamper ? v + 'x' : v])
    ),
    query: sign.query && !o.tamper ? sign.query : '',
  }),
  jwt: (sign, _raw, o) => {
    const now = o.now ?? Date.now()
    const claim = (t: string) => t.replace(/\{state\.(\w+)\}/g, (_, k: string) => String(o.state?.[k] ?? ''))
    const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')
    const signingInput = `${part({ alg: 'RS256', typ: 'JWT', kid: sign.kid })}.${part({ iss: claim(sign.issuer), aud: claim(sign.audience), iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 300 })}`
    const signature = createSign('sha256').update(signingInput).sign(sign.privateKey, 'base64url')
    const token = `${signingInput}.${o.tamper ? signature.slice(0, -4) + (signature.endsWith('AAAA') ? 'BBBB' : 'AAAA') : signature}`
    return { headers: { [sign.header]: token }, query: '' }
  },
  rsa: (sign, raw, o) => {
    const signer = createSign('sha256')
    signer.update(o.tamper ? raw + ' ' : raw)
    return { headers: { [sign.header]: signer.sign(sign.privateKey, 'base64') }, query: '' }
  },
  hmac: (sign, raw, o) => {
    const ts = sign.timestamp ? formatTimestamp(o.now ?? Date.now(), sign.timestamp.format) : ''
    const payload = (sign.payload ?? '{body}')
      .replace('{timestamp}', ts)
      .replace('{method}', o.method ?? 'POST')
      .replace('{url}', o.url)
      .replace('{body}', o.tamper ? raw + ' ' : raw)
    const secret = sign.secretFromState ? String(o.state?.[sign.secretFromState] ?? '') : (sign.secret ?? '')
    const signature = hmac(sign.algorithm, keyBytes(secret, sign.keyEncoding ?? 'text'), payload).toString(
      sign.encoding
    )
    const headers: Record<string, string> = {
      [sign.header]: (sign.value ?? '{signature}').replace('{signature}', signature).replace('{timestamp}', ts),
    }
    if (sign.timestamp && sign.timestamp.header !== sign.header) headers[sign.timestamp.header] = ts
    return { headers, query: '' }
  },
}

/** Headers (and query) for a webhook, signed as the vendor does. */
export function signWebhook(sign: Sign, raw: string, options: SignOptions): Signed {
  return (SIGNERS[sign.type] as (s: Sign, raw: string, o: SignOptions) => Signed)(sign, raw, options)
}
