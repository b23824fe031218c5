/** `inbound`: how the helpdesk's events arrive. One compiler per kind, in a table the type checker holds to the kinds. */
import { compileVerify } from '../kinds'
import type { HandshakePlan, InboundPlan } from '../plan'
import type { Inbound } from '../types'
import { scopeOf, type Compiler } from './compiler'
import { noneLeft } from './reads'

type Kinds = { [K in Inbound['type']]: (inbound: Extract<Inbound, { type: K }>, c: Compiler) => InboundPlan }

const KINDS: Kinds = {
  webhook: (inbound, c) => {
    const { type, verify, handshakes, format, manualSetup, ...rest } = inbound
    noneLeft(rest)
    const hs = scopeOf('handshake')
    return {
      type,
      verify: compileVerify(verify, c),
      handshakes: (handshakes ?? []).map((h, i): HandshakePlan => {
        const { when, beforeVerify, respond, ...unread } = h
        noneLeft(unread)
        const at = ['inbound', 'handshakes', i]
        return {
          when: c.expression(when, [...at, 'when'], hs),
          beforeVerify: beforeVerify ?? false,
          status: respond.status ?? 200,
          headers: c.pairs(respond.headers, [...at, 'respond', 'headers'], hs),
          body: respond.body === undefined ? undefined : c.template(respond.body, [...at, 'respond', 'body'], hs),
        }
      }),
      format: format ?? 'auto',
      manualSetup,
    }
  },
}

export function compileInbound(c: Compiler): InboundPlan {
  const inbound = c.m.inbound
  return (KINDS[inbound.type] as (i: Inbound, c: Compiler) => InboundPlan)(inbound, c)
}
