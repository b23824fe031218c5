/**
 * inbound: webhook. The helpdesk calls the integration's webhook URL: the request is verified on its raw body before
 * anything else (../verify: HMAC, RSA, shared token, JWT; constant time, replay window), answered directly when it is
 * a handshake, and its body parsed (JSON or form) for events.matchers.
 */
import type { Steps } from '../../manifest/expressions'
import type { HandshakePlan, InboundPlan, Scoped } from '../../manifest/plan'
import { WebhookRejection } from '../errors'
import type { HttpClient } from '../http'
import { lowercased } from '../http/transport'
import { truthy } from '../truth'
import { verifyWebhook } from '../verify'
import type { InboundRequest, Received, Reply } from './types'

type WebhookPlan = Extract<InboundPlan, { type: 'webhook' }>

/**
 * Verifies and parses a webhook, as steps (at once while its values are on the fast path: `soon`). Throws
 * WebhookRejection (4xx) for anything not from the vendor or not readable.
 */
export function* receiveWebhook(
  inbound: WebhookPlan,
  req: InboundRequest,
  base: Scoped<'global'>,
  http: HttpClient,
  now = Date.now()
): Steps<Received> {
  const headers = byLowercaseName(req.headers)
  const rawBody = req.body ?? ''
  const query = req.query ? Object.fromEntries(new URLSearchParams(req.query)) : {}
  const env = (base.env ?? {}) as { webhookUrl?: string }
  const url = `${env.webhookUrl ?? ''}${req.path && req.path !== '/' ? req.path : ''}${req.query ? `?${req.query}` : ''}`

  // A body that cannot be read is refused only after verification: unsigned requests learn nothing but 401.
  let body: unknown
  let unreadable: WebhookRejection | undefined
  try {
    body = parseBody(inbound.format, headers['content-type'], rawBody)
  } catch (err) {
    if (!(err instanceof WebhookRejection)) throw err
    unreadable = err
  }
  // One scope for the whole request: verification's templates cannot name body (the compiler holds them to their
  // names), so it is there from the start. Written out (a literal is a tenth of a copy's cost); `timestamp` is
  // the signature's, given where a signed payload reads it (../verify/signed.ts).
  const scope: Scoped<'handshake'> = {
    config: base.config,
    secrets: base.secrets,
    state: base.state,
    env: base.env,
    timestamp: undefined,
    rawBody,
    headers,
    query,
    method: req.method.toUpperCase(),
    url,
    path: req.path,
    body,
  }
  // Counted loops: most manifests have no handshake, and a for-of makes an iterator even over none.
  const { handshakes } = inbound
  for (let i = 0; i < handshakes.length; i++) {
    const h = handshakes[i]!
    if (!unreadable && h.beforeVerify && truthy(yield h.when.evaluateSoon(scope)))
      return { scope, reply: (yield handshakeReply(h, scope)) as Reply }
  }
  // Yielded only when it comes later (a key set to fetch, a value only JSONata gives).
  const verified = verifyWebhook(inbound.verify, scope, http, now)
  if (verified instanceof Promise) yield verified
  if (unreadable) throw unreadable
  for (let i = 0; i < handshakes.length; i++) {
    const h = handshakes[i]!
    if (!h.beforeVerify && truthy(yield h.when.evaluateSoon(scope)))
      return { scope, reply: (yield handshakeReply(h, scope)) as Reply }
  }
  if (body === undefined) throw new WebhookRejection(400, 'empty webhook body')
  return { scope, body }
}

/**
 * The request's headers by lowercase name (HTTP's names are case-insensitive), none without a value: the request's
 * own object where it is so already (as Node's HTTP server hands them), else a copy that is. A scope is never written
 * to.
 */
function byLowercaseName(given: InboundRequest['headers']): Record<string, string> {
  for (const k in given) if (given[k] === undefined || k !== k.toLowerCase()) return lowercased(given)
  return given as Record<string, string>
}

function parseBody(format: WebhookPlan['format'], contentType: string | undefined, raw: string): unknown {
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

async function handshakeReply(h: HandshakePlan, s: Scoped<'handshake'>): Promise<Reply> {
  const headers: Record<string, string> = {}
  for (const [k, t] of h.headers) {
    const v = await t.text(s)
    if (v !== undefined) headers[k] = v
  }
  return { status: h.status, headers, body: h.body ? await h.body.text(s) : undefined }
}
