/**
 * Incoming webhooks: verified on the raw body before anything else (./verify: HMAC, RSA, shared token, JWT;
 * constant-time, replay window), handshakes answered, bodies parsed (JSON or form) and split into events, and each event
 * mapped by the first matching matcher to an outcome: agent message, assignment, stop, or ignore.
 */
import type { Scope } from '../manifest/expressions'
import { htmlToText } from '../manifest/html'
import type { MatcherPlan, Plan } from '../manifest/plan'
import { WebhookRejection } from './errors'
import type { HttpClient } from './http'
import { runSteps } from './steps'
import { truthy } from './truth'
import { verifyWebhook } from './verify'

export type InboundRequest = {
  method: string
  path: string
  query: string
  headers: Record<string, string | undefined>
  body?: string
}
export type Reply = { status: number; headers?: Record<string, string>; body?: string }

export type Agent = { id: string; name?: string; pictureUrl?: string; email?: string }
/** An agent's attachment; `needsAuth`: its URL opens only with the provider's credentials (re-hosted, see outcomes). */
export type Attachment = { url: string; name?: string; contentType?: string; needsAuth?: boolean }
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
/** An outcome that does something in Botpress. */
export type Applicable = Exclude<Outcome, { kind: 'ignored' }>

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
  await verifyWebhook(plan.webhook.verify, scope, http, now)
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
      ...(m.message!.attachmentsNeedAuth && { needsAuth: true }),
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
