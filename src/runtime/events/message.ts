/** emit: message: an agent's message in the session, its text (HTML reduced to text) and its attachments. */
import type { Scope } from '../../manifest/expressions'
import type { MatcherPlan } from '../../manifest/plan'
import { htmlToText } from '../../manifest/html'
import {
  agentOf,
  ignored,
  text,
  ticketOf,
  type Agent,
  type Attachment,
  type Extractor,
  type MissingAttachment,
} from './outcome'

export type MessageOutcome = {
  kind: 'message'
  matcher: string
  ticketId: string
  agent: Agent
  message: { id: string; text?: string; attachments: (Attachment | MissingAttachment)[] }
}

export const message: Extractor<MessageOutcome> = function* (m, _event, fetched) {
  // Each value yielded only when it comes later (../../manifest/expressions/soon.ts, after).
  let s = fetched()
  if (s instanceof Promise) s = (yield s) as Scope
  let ticketId = ticketOf(m, s)
  if (ticketId instanceof Promise) ticketId = (yield ticketId) as Awaited<typeof ticketId>
  if (typeof ticketId !== 'string') return ticketId
  let agent = agentOf(m, s)
  if (agent instanceof Promise) agent = (yield agent) as Awaited<typeof agent>
  if ('kind' in agent) return agent
  const plan = m.message!
  let id = text(plan.id, s)
  if (id instanceof Promise) id = (yield id) as string | undefined
  if (!id) return ignored(m, 'found no message id')
  let body = text(plan.text, s)
  if (body instanceof Promise) body = (yield body) as string | undefined
  if (body && plan.html) body = htmlToText(body)
  let raw = plan.attachments?.evaluateSoon(s)
  if (raw instanceof Promise) raw = yield raw
  const message = {
    id,
    text: body || undefined,
    attachments: raw === undefined || raw === null ? [] : attachments(plan, raw),
  }
  return { kind: 'message', matcher: m.name, ticketId, agent, message }
}

/** The attachments a matcher's expression found (one, or a list), each re-hosted as the matcher says. */
function attachments(plan: NonNullable<MatcherPlan['message']>, raw: unknown): (Attachment | MissingAttachment)[] {
  const rehost = plan.attachmentsNeedAuth ? 'auth' : plan.attachmentsExpire ? 'public' : undefined
  return (Array.isArray(raw) ? raw : [raw])
    .filter((a): a is Record<string, unknown> => !!a && typeof a === 'object')
    .flatMap((a): (Attachment | MissingAttachment)[] => {
      const name = a.name === undefined || a.name === null ? undefined : String(a.name)
      // Named without a URL (the helpdesk keeps it): said to the end user, never dropped in silence.
      if (typeof a.url !== 'string' || !a.url) return name ? [{ name, missing: true }] : []
      return [
        {
          url: a.url,
          name,
          contentType: a.contentType === undefined ? undefined : String(a.contentType),
          ...(rehost && { rehost }),
        },
      ]
    })
}
