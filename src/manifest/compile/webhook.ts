/** `webhook`: verification (./verify.ts), handshakes, body format, event splitting, matchers, settle time. */
import type { MatcherPlan, Plan } from '../plan'
import type { ManifestPath } from '../problems'
import { scopeOf, type Compiler } from './compiler'
import { compileVerify } from '../kinds'

export function compileWebhook(c: Compiler): Plan['webhook'] {
  const w = c.m.webhook
  const hs = scopeOf('handshake')
  const es = scopeOf('events')
  return {
    verify: compileVerify(w.verify, c),
    handshakes: (w.handshakes ?? []).map((h, i) => ({
      when: c.expression(h.when, ['webhook', 'handshakes', i, 'when'], hs),
      beforeVerify: h.beforeVerify ?? false,
      status: h.respond.status ?? 200,
      headers: c.pairs(h.respond.headers, ['webhook', 'handshakes', i, 'respond', 'headers'], hs),
      body:
        h.respond.body === undefined
          ? undefined
          : c.template(h.respond.body, ['webhook', 'handshakes', i, 'respond', 'body'], hs),
    })),
    format: w.format ?? 'auto',
    settleMs: (w.settleSeconds ?? 3) * 1000,
    events: w.events === undefined ? undefined : c.expression(w.events, ['webhook', 'events'], es),
    matchers: w.matchers.map((mt, i): MatcherPlan => {
      const base: ManifestPath = ['webhook', 'matchers', i]
      const ms = scopeOf('matcher')
      const when = c.expression(mt.when, [...base, 'when'], ms)
      const fetch = mt.fetch ? c.steps(mt.fetch, [...base, 'fetch'], ms) : []
      const x = (src: string | undefined, ...p: ManifestPath) =>
        src === undefined ? undefined : c.expression(src, [...base, ...p], ms)
      const where = () => c.where(base)
      return {
        name: mt.name,
        get where() {
          return where()
        },
        when,
        fetch,
        emit: mt.emit,
        ticketId: x(mt.ticketId, 'ticketId'),
        agent: mt.agent && {
          id: x(mt.agent.id, 'agent', 'id')!,
          name: x(mt.agent.name, 'agent', 'name'),
          pictureUrl: x(mt.agent.pictureUrl, 'agent', 'pictureUrl'),
          email: x(mt.agent.email, 'agent', 'email'),
        },
        message: mt.message && {
          id: x(mt.message.id, 'message', 'id')!,
          text: x(mt.message.text, 'message', 'text'),
          html: mt.message.html ?? false,
          attachments: x(mt.message.attachments, 'message', 'attachments'),
          attachmentsNeedAuth: mt.message.attachmentsNeedAuth ?? false,
        },
      }
    }),
  }
}
