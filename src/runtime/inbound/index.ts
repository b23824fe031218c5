/**
 * How a helpdesk's events reach the integration: one strategy per kind of the manifest's `inbound`, in a table the
 * type checker holds to the kinds. A strategy answers a request itself (a handshake), or gives the body whose events
 * events.matchers map (src/runtime/events), the same way whatever way they came.
 */
import type { Scope } from '../../manifest/expressions'
import type { InboundPlan } from '../../manifest/plan'
import type { HttpClient } from '../http'
import type { InboundRequest, Received } from './types'
import { receiveWebhook } from './webhook'

export type { InboundRequest, Received, Reply } from './types'

type Strategies = {
  [K in InboundPlan['type']]: (
    inbound: Extract<InboundPlan, { type: K }>,
    req: InboundRequest,
    base: Scope,
    http: HttpClient,
    now?: number
  ) => Promise<Received>
}

export const INBOUND: Strategies = { webhook: receiveWebhook }

export function receive(inbound: InboundPlan, req: InboundRequest, base: Scope, http: HttpClient, now?: number) {
  return INBOUND[inbound.type](inbound, req, base, http, now)
}
