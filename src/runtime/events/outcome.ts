/** What an event comes to once a matcher took it: the outcomes, one per kind of the language's `emit`. */
import { after, type Expression, type Scope, type Soon, type Steps } from '../../manifest/expressions'
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
  return e ? after(e.evaluateSoon(s), asText) : undefined
}

const asText = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v))

export const ignored = (m: MatcherPlan, why: string): Ignored => ({
  kind: 'ignore',
  matcher: m.name,
  reason: `matcher '${m.name}' ${why}`,
})

/**
 * The ticket id, and the agent, every outcome about a session carries (undefined with the reason to ignore it): at
 * once while their values are on the fast path, each read in turn (`after`: no steps of their own, read on every
 * event).
 */
export function ticketOf(m: MatcherPlan, s: Scope): Soon<string | Ignored> {
  return after(text(m.ticketId, s), (id) => id ?? ignored(m, 'found no ticket id'))
}

export function agentOf(m: MatcherPlan, s: Scope): Soon<Agent | Ignored> {
  const agent = m.agent
  if (!agent) return ignored(m, 'found no agent id')
  return after(text(agent.id, s), (id) =>
    !id
      ? ignored(m, 'found no agent id')
      : after(text(agent.name, s), (name) =>
          after(text(agent.pictureUrl, s), (pictureUrl) =>
            after(text(agent.email, s), (email): Agent => ({ id, name, pictureUrl, email }))
          )
        )
  )
}
