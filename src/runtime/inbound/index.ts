/**
 * How a helpdesk's events reach the integration: one strategy per kind of the manifest's `inbound`, in a table the
 * type checker holds to the kinds. A strategy answers a request itself (a handshake), or gives the body whose events
 * events.matchers map (src/runtime/events), the same way whatever way they came.
 */
import type { Scope } from '../../manifest/expressions'
import type { InboundPlan } from '../../manifest/plan'
import type { HttpClient } from '../http'
import { receiveWebhook } from './webhook'

export type InboundRequest = {
  method: string
  path: string
  query: string
  headers: Record<string, string | undefined>
  body?: string
}
export type Reply = { status: number; headers?: Record<string, string>; body?: string }
/** What a request came to: a reply to send as is, or a body of events, with the scope the matchers read. */
export type Received = { scope: Scope; reply: Reply } | { scope: Scope; body: unknown }

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
