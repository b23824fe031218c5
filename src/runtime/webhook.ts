/**
 * Incoming webhooks: verified on the raw body before anything else (HMAC, RSA, shared token, JWT; constant-time,
 * replay window), handshakes answered, bodies parsed (JSON or form) and split into events, and each event
 * mapped by the first matching matcher to an outcome: agent message, assignment, stop, or ignore.
 */
import { createHash, createHmac, createPublicKey, timingSafeEqual, verify as rsaVerify } from 'node:crypto'
import type { Scope } from '../manifest/expressions'
import { htmlToText } from '../manifest/html'
import type { MatcherPlan, Plan, SignaturePlan } from '../manifest/plan'
import { WebhookRejection } from './errors'
import type { HttpClient } from './http'
import { verifyJwt } from './jwt'
import { runSteps } from './steps'
import { truthy } from './truth'

export type InboundRequest = {
  method: string
  path: string
  query: string
  headers: Record<string, string | undefined>
  body?: string
}
export type Reply = { status: number; headers?: Record<string, string>; body?: string }

export type Agent = { id: string; name?: string; pictureUrl?: string; email?: string }
export type Attachment = { url: string; name?: string; contentType?: string }
export type Outcome =
  | {
      kind: 'message'
      matcher: string
      ticketId: string
      agent: Agent
      message: { id: string; text?: string; attachments: Attachment[] }
    }
  | { kind: 'assigned'; matcher: string; ticketId: string; agent: Agent }
  | { kind: 'stopped'; matcher: string; ticketId: string }
  | { kind: 'ignored'; matcher?: string; reason: string }

export type ParsedWebhook = { scope: Scope; reply?: Reply; events: unknown[] }

/** Verifies and parses a webhook. Throws WebhookRejection (4xx) for anything not from the vendor or not readable. */
export async function parseWebhook(
  plan: Plan,
  req: InboundRequest,
  base: Scope,
  http: HttpClient,
  now = Date.now()
): Promise<ParsedWebhook> {
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = v
  const rawBody = req.body ?? ''
  const query = Object.fromEntries(new URLSearchParams(req.query ?? ''))
  const env = (base.env ?? {}) as { webhookUrl?: string }
  const url = `${env.webhookUrl ?? ''}${req.path && req.path !== '/' ? req.path : ''}${req.query ? `?${req.query}` : ''}`
  const scope: Scope = { ...base, rawBody, headers, query, method: req.method.toUpperCase(), url, path: req.path }

  // A body that cannot be read is refused only after verification: unsigned requests learn nothing but 401.
  let body: unknown
  let unreadable: WebhookRejection | undefined
  try {
    body = parseBody(plan.webhook.format, headers['content-type'], rawBody)
  } catch (err) {
    if (!(err instanceof WebhookRejection)) throw err
    unreadable = err
  }
  const withBody = { ...scope, body }
  for (const h of plan.webhook.handshakes) {
    if (!unreadable && h.beforeVerify && truthy(await h.when.evaluate(withBody)))
      return { scope: withBody, reply: await handshakeReply(h, withBody), events: [] }
  }
  await verify(plan, scope, http, now)
  if (unreadable) throw unreadable
  for (const h of plan.webhook.handshakes) {
    if (!h.beforeVerify && truthy(await h.when.evaluate(withBody)))
      return { scope: withBody, reply: await handshakeReply(h, withBody), events: [] }
  }
  if (body === undefined) throw new WebhookRejection(400, 'empty webhook body')
  const split = plan.webhook.events ? await plan.webhook.events.evaluate(withBody) : body
  const events = split === undefined || split === null ? [] : Array.isArray(split) ? split : [split]
  return { scope: withBody, events }
}

/** Maps one event to its outcome with the first matcher whose condition holds. */
export async function matchEvent(plan: Plan, event: unknown, scope: Scope, http: HttpClient): Promise<Outcome> {
  const eventScope = { ...scope, event }
  for (const m of plan.webhook.matchers) {
    if (!truthy(await m.when.evaluate(eventScope))) continue
    if (m.emit === 'ignore') return { kind: 'ignored', matcher: m.name, reason: `matcher '${m.name}' ignores it` }
    const s = m.fetch.length ? await runSteps(m.fetch, eventScope, http) : eventScope
    return extract(m, s)
  }
  return { kind: 'ignored', reason: 'no matcher takes this event' }
}

async function extract(m: MatcherPlan, s: Scope): Promise<Outcome> {
  const ticketId = await text(m.ticketId, s)
  if (!ticketId) return { kind: 'ignored', matcher: m.name, reason: `matcher '${m.name}' found no ticket id` }
  if (m.emit === 'stopped') return { kind: 'stopped', matcher: m.name, ticketId }
  const agent: Agent | undefined = m.agent && {
    id: (await text(m.agent.id, s)) ?? '',
    name: await text(m.agent.name, s),
    pictureUrl: await text(m.agent.pictureUrl, s),
    email: await text(m.agent.email, s),
  }
  if (!agent?.id) return { kind: 'ignored', matcher: m.name, reason: `matcher '${m.name}' found no agent id` }
  if (m.emit === 'assigned') return { kind: 'assigned', matcher: m.name, ticketId, agent }
  const id = await text(m.message!.id, s)
  if (!id) return { kind: 'ignored', matcher: m.name, reason: `matcher '${m.name}' found no message id` }
  let body = await text(m.message!.text, s)
  if (body && m.message!.html) body = htmlToText(body)
  const raw = m.message!.attachments ? await m.message!.attachments.evaluate(s) : undefined
  const attachments = (raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw])
    .filter(
      (a): a is Record<string, unknown> =>
        !!a && typeof a === 'object' && typeof (a as { url?: unknown }).url === 'string'
    )
    .map((a) => ({
      url: String(a.url),
      name: a.name === undefined ? undefined : String(a.name),
      contentType: a.contentType === undefined ? undefined : String(a.contentType),
    }))
  return { kind: 'message', matcher: m.name, ticketId, agent, message: { id, text: body || undefined, attachments } }
}

async function text(e: { evaluate(s: Scope): Promise<unknown> } | undefined, s: Scope): Promise<string | undefined> {
  if (!e) return undefined
  const v = await e.evaluate(s)
  return v === undefined || v === null || v === '' ? undefined : String(v)
}

function parseBody(format: 'auto' | 'json' | 'form', contentType: string | undefined, raw: string): unknown {
  if (raw.trim() === '') return undefined
  const type = contentType?.toLowerCase() ?? ''
  const asForm = format === 'form' || (format === 'auto' && type.includes('application/x-www-form-urlencoded'))
  if (asForm) return Object.fromEntries(new URLSearchParams(raw))
  try {
    return JSON.parse(raw)
  } catch {
    if (format === 'json' || type.includes('json')) throw new WebhookRejection(400, 'malformed JSON body')
    return raw
  }
}

async function handshakeReply(h: Plan['webhook']['handshakes'][number], s: Scope): Promise<Reply> {
  const headers: Record<string, string> = {}
  for (const [k, t] of h.headers) {
    const v = await t.text(s)
    if (v !== undefined) headers[k] = v
  }
  return { status: h.status, headers, body: h.body ? await h.body.text(s) : undefined }
}

async function verify(plan: Plan, s: Scope, http: HttpClient, now: number): Promise<void> {
  const v = plan.webhook.verify
  const headers = s.headers as Record<string, string>
  if (v.type === 'none') return
  if (v.type === 'jwt') return verifyJwt(v, s, http, now)
  if (v.type === 'token') {
    const expected = await v.value.text(s)
    if (!expected) throw new WebhookRejection(401, 'webhook token is not configured')
    const got = v.in === 'header' ? headers[v.name] : (s.query as Record<string, string>)[v.name]
    if (got === undefined || !sameSecret(got, expected))
      throw new WebhookRejection(401, `invalid webhook token in ${v.in} ${v.name}`)
    return
  }
  if (v.timestamp) {
    const ts = headers[v.timestamp.header]
    if (!ts) throw new WebhookRejection(401, `missing timestamp header ${v.timestamp.header}`)
    const at =
      v.timestamp.format === 'iso8601' ? Date.parse(ts) : Number(ts) * (v.timestamp.format === 'unixSeconds' ? 1000 : 1)
    if (Number.isNaN(at)) throw new WebhookRejection(401, `unreadable timestamp in ${v.timestamp.header}`)
    if (Math.abs(now - at) > v.timestamp.toleranceSeconds * 1000)
      throw new WebhookRejection(401, `timestamp outside the ${v.timestamp.toleranceSeconds} s replay window`)
  }
  const header = headers[v.signature.header]
  if (!header) throw new WebhookRejection(401, `missing signature header ${v.signature.header}`)
  const candidates = signaturesIn(header, v.signature)
  const payload = Buffer.from((await v.signedPayload.text(s)) ?? '', 'utf8')
  if (v.type === 'hmac') {
    const secret = await v.secret.text(s)
    if (!secret) throw new WebhookRejection(401, 'webhook signing secret is not configured')
    const expected = createHmac(v.algorithm, secret).update(payload).digest()
    if (!candidates.some((c) => c.length === expected.length && timingSafeEqual(c, expected)))
      throw new WebhookRejection(401, 'invalid webhook signature')
    return
  }
  const pem = await v.publicKey.text(s)
  if (!pem) throw new WebhookRejection(401, 'webhook public key is not configured')
  let key
  try {
    key = createPublicKey(pem.includes('BEGIN') ? pem : `-----BEGIN PUBLIC KEY-----\n${pem}\n-----END PUBLIC KEY-----`)
  } catch {
    throw new WebhookRejection(401, 'webhook public key is not a valid PEM key')
  }
  if (!candidates.some((c) => rsaVerify(v.algorithm, payload, key, c)))
    throw new WebhookRejection(401, 'invalid webhook signature')
}

function signaturesIn(header: string, sig: SignaturePlan): Buffer[] {
  const raw: string[] = []
  if (sig.pattern) for (const m of header.matchAll(sig.pattern)) raw.push(m[1] ?? m[0])
  else raw.push(header)
  return raw
    .map((r) => r.trim())
    .map((r) => (sig.prefix && r.startsWith(sig.prefix) ? r.slice(sig.prefix.length) : sig.prefix ? '' : r))
    .filter(Boolean)
    .map((r) => Buffer.from(r, sig.encoding))
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest()
  const hb = createHash('sha256').update(b).digest()
  return timingSafeEqual(ha, hb)
}
