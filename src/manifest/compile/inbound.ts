/** `inbound`: how the helpdesk's events arrive. One compiler per kind, in a table the type checker holds to the kinds. */
import { compileVerify } from '../kinds'
import type { HandshakePlan, InboundPlan } from '../plan'
import type { Inbound } from '../types'
import type { ManifestPath } from '../problems'
import { scopeOf, type Compiler } from './compiler'
import { noneLeft } from './reads'

type Kinds = {
  [K in Inbound['type']]: (inbound: Extract<Inbound, { type: K }>, c: Compiler, at: ManifestPath) => InboundPlan
}

const KINDS: Kinds = {
  webhook: (inbound, c, at) => {
    const { type, verify, handshakes, format, manualSetup, ...rest } = inbound
    noneLeft(rest)
    const hs = scopeOf('handshake')
    return {
      type,
      verify: compileVerify(verify, c, [...at, 'verify']),
      handshakes: (handshakes ?? []).map((handshake, i): HandshakePlan => {
        const { when, beforeVerify, respond, ...unread } = handshake
        noneLeft(unread)
        const h = [...at, 'handshakes', i]
        return {
          when: c.expression(when, [...h, 'when'], hs),
          beforeVerify: beforeVerify ?? false,
          status: respond.status ?? 200,
          headers: c.pairs(respond.headers, [...h, 'respond', 'headers'], hs),
          body: respond.body === undefined ? undefined : c.template(respond.body, [...h, 'respond', 'body'], hs),
        }
      }),
      format: format ?? 'auto',
      manualSetup,
    }
  },
  poll: (inbound, c, at) => {
    const { type, intervalSeconds, initialCursor, steps, events, cursor, ...rest } = inbound
    noneLeft(rest)
    const s = scopeOf('poll')
    const first = c.template(initialCursor ?? '{{ session.startedAt }}', [...at, 'initialCursor'], s)
    // The steps' captures come into scope for events and cursor.
    const compiled = c.steps(steps, [...at, 'steps'], s)
    return {
      type,
      intervalMs: (intervalSeconds ?? 30) * 1000,
      initialCursor: first,
      steps: compiled,
      events: c.expression(events, [...at, 'events'], s),
      cursor: c.expression(cursor, [...at, 'cursor'], s),
    }
  },
  either: (inbound, c, at) => {
    const { type, when, use, otherwise, ...rest } = inbound
    noneLeft(rest)
    return {
      type,
      when: c.expression(when, [...at, 'when'], scopeOf()),
      use: compileAt(use, c, [...at, 'use']),
      otherwise: compileAt(otherwise, c, [...at, 'otherwise']),
    }
  },
}

function compileAt(inbound: Inbound, c: Compiler, at: ManifestPath): InboundPlan {
  return (KINDS[inbound.type] as (i: Inbound, c: Compiler, at: ManifestPath) => InboundPlan)(inbound, c, at)
}

export function compileInbound(c: Compiler): InboundPlan {
  return compileAt(c.m.inbound, c, ['inbound'])
}
