/** `events`: how a request's body is split into events, and the matchers that map each to an outcome. */
import type { MatcherPlan, Plan } from '../plan'
import type { ManifestPath } from '../problems'
import type { Matcher } from '../types'
import { placedAt, scopeOf, type Compiler } from './compiler'
import { noneLeft } from './reads'

export function compileEvents(c: Compiler): Plan['events'] {
  const { split, matchers, settleSeconds, echoes, ...rest } = c.m.events
  noneLeft(rest)
  // Nothing recorded means nothing dropped by text: a matcher must ignore our posts, or agents would see them twice.
  if (echoes === 'matchers' && !matchers.some((m) => m.emit === 'ignore'))
    c.problems.push(
      c.src.problem(
        ['events', 'echoes'],
        'echoes: matchers needs a matcher that ignores our own posts (emit: ignore); without one, write echoes: text'
      )
    )
  return {
    split: split === undefined ? undefined : c.expression(split, ['events', 'split'], scopeOf('events')),
    matchers: matchers.map((m, i) => compileMatcher(m, ['events', 'matchers', i], c)),
    settleMs: (settleSeconds ?? 3) * 1000,
    echoes: echoes ?? 'text',
  }
}

function compileMatcher(matcher: Matcher, base: ManifestPath, c: Compiler): MatcherPlan {
  const { name, when, fetch, emit, ticketId, agent, message, ...rest } = matcher
  noneLeft(rest)
  const ms = scopeOf('matcher')
  const compiledWhen = c.expression(when, [...base, 'when'], ms)
  // Fetch steps first: their captures are in scope for the extractors.
  const steps = fetch ? c.steps(fetch, [...base, 'fetch'], ms) : []
  const x = (src: string | undefined, ...p: ManifestPath) =>
    src === undefined ? undefined : c.expression(src, [...base, ...p], ms)
  return placedAt(c.placer(base), {
    name,
    when: compiledWhen,
    fetch: steps,
    emit,
    ticketId: x(ticketId, 'ticketId'),
    agent: agent && compileAgent(agent, x),
    message:
      message &&
      compileMessage(message, x, (src) =>
        src === undefined
          ? undefined
          : c.expression(src, [...base, 'message', 'attachmentContent'], scopeOf('attachment'))
      ),
  })
}

type Extractor = (src: string | undefined, ...p: ManifestPath) => ReturnType<Compiler['expression']> | undefined

function compileAgent(agent: NonNullable<Matcher['agent']>, x: Extractor): NonNullable<MatcherPlan['agent']> {
  const { id, name, pictureUrl, email, ...rest } = agent
  noneLeft(rest)
  return {
    id: x(id, 'agent', 'id')!,
    name: x(name, 'agent', 'name'),
    pictureUrl: x(pictureUrl, 'agent', 'pictureUrl'),
    email: x(email, 'agent', 'email'),
  }
}

function compileMessage(
  message: NonNullable<Matcher['message']>,
  x: Extractor,
  content: (src: string | undefined) => ReturnType<Compiler['expression']> | undefined
): NonNullable<MatcherPlan['message']> {
  const {
    id,
    text,
    html,
    attachments,
    attachmentsNeedAuth,
    attachmentsExpire,
    attachmentsUnavailable,
    attachmentContent,
    ...rest
  } = message
  noneLeft(rest)
  return {
    id: x(id, 'message', 'id')!,
    text: x(text, 'message', 'text'),
    html: html ?? false,
    attachments: x(attachments, 'message', 'attachments'),
    attachmentsNeedAuth: attachmentsNeedAuth ?? false,
    attachmentsExpire: attachmentsExpire ?? false,
    attachmentsUnavailable,
    attachmentContent: content(attachmentContent),
  }
}
