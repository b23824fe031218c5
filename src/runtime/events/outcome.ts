/** What an event comes to once a matcher took it: the outcomes, one per kind of the language's `emit`. */
import type { Expression, Scope, Soon, Steps } from '../../manifest/expressions'
import type { Emit, MatcherPlan } from '../../manifest/plan'

export type Agent = { id: string; name?: string; pictureUrl?: string; email?: string }
/**
 * An agent's attachment; `rehost`: its file is re-hosted in Botpress, fetched with the provider's credentials
 * (`auth`: its URL opens only with them) or without (`public`: its URL works for a while only).
 */
export type Attachment = { url: string; name?: string; contentType?: string; rehost?: 'auth' | 'public' }
/** A file the helpdesk names without giving it (no URL): the end user is told it stays in the helpdesk. */
export type MissingAttachment = { name: string; missing: true }

/**
 * Turns one matched event into its outcome, as steps (`soon`: at once while its values are on the fast path);
 * `fetched` runs the matcher's fetch steps (once) and gives their scope.
 */
export type Extractor<O extends { kind: Emit }> = (
  m: MatcherPlan,
  event: Scope,
  fetched: () => Soon<Scope>
) => Steps<O | Ignored>

export type Ignored = { kind: 'ignore'; matcher?: string; reason: string }

/** An expression's value as text, or undefined when it is nothing or empty. */
export function text(e: Expression | undefined, s: Scope): Soon<string | undefined> {
  if (!e) return undefined
  const v = e.evaluateSoon(s)
  return v instanceof Promise ? v.then(asText) : asText(v)
}

const asText = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v))

/** A text's value, yielded by steps (`soon`). */
type Text = string | undefined

export const ignored = (m: MatcherPlan, why: string): Ignored => ({
  kind: 'ignore',
  matcher: m.name,
  reason: `matcher '${m.name}' ${why}`,
})

/** The ticket id, and the agent, every outcome about a session carries (undefined with the reason to ignore it). */
export function* ticketOf(m: MatcherPlan, s: Scope): Steps<string | Ignored> {
  let id = text(m.ticketId, s)
  if (id instanceof Promise) id = (yield id) as Text
  return id ?? ignored(m, 'found no ticket id')
}

export function* agentOf(m: MatcherPlan, s: Scope): Steps<Agent | Ignored> {
  if (!m.agent) return ignored(m, 'found no agent id')
  // Each value yielded only when it comes later: a yield costs a resumption even for a value there at once.
  let id = text(m.agent.id, s)
  if (id instanceof Promise) id = (yield id) as Text
  if (!id) return ignored(m, 'found no agent id')
  let name = text(m.agent.name, s)
  if (name instanceof Promise) name = (yield name) as Text
  let pictureUrl = text(m.agent.pictureUrl, s)
  if (pictureUrl instanceof Promise) pictureUrl = (yield pictureUrl) as Text
  let email = text(m.agent.email, s)
  if (email instanceof Promise) email = (yield email) as Text
  return { id, name, pictureUrl, email }
}
