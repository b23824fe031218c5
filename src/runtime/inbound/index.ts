/**
 * How a helpdesk's events reach the integration: per kind of the manifest's `inbound` (an `either` resolved by the
 * call's configuration), what a request to the webhook URL comes to (a webhook: ./webhook.ts), or how a session is
 * polled (./poll.ts). Either way the events go to events.matchers (src/runtime/events), the same way.
 */
import { soon, type Scope, type Soon, type Steps } from '../../manifest/expressions'
import type { InboundPlan, Scoped } from '../../manifest/plan'
import type { HttpClient } from '../http'
import type { InboundRequest, Received } from './types'
import { truthy } from '../truth'
import { refusePolled } from './poll'
import { receiveWebhook } from './webhook'

export type { InboundRequest, Received, Reply } from './types'

/** A way events arrive that a call can use: an `either` resolved. */
export type Chosen = Exclude<InboundPlan, { type: 'either' }>

/** The way of receiving a call uses: an `either` resolved over its scope (config, secrets); at once where it can. */
export function chosenInbound(inbound: InboundPlan, scope: Scope): Soon<Chosen> {
  return soon(choosing(inbound, scope))
}

function* choosing(inbound: InboundPlan, scope: Scope): Steps<Chosen> {
  let way = inbound
  while (way.type === 'either') way = truthy(yield way.when.evaluateSoon(scope)) ? way.use : way.otherwise
  return way
}

type Receivers = {
  [K in Chosen['type']]: (
    inbound: Extract<Chosen, { type: K }>,
    req: InboundRequest,
    base: Scoped<'global'>,
    http: HttpClient,
    now?: number
  ) => Steps<Received>
}

/** What a request to the webhook URL comes to, for each way (a polling installation expects none). */
const RECEIVERS: Receivers = { webhook: receiveWebhook, poll: refusePolled }

/** What a request comes to, as steps (`soon`). */
export function receive(inbound: Chosen, req: InboundRequest, base: Scoped<'global'>, http: HttpClient, now?: number) {
  return (
    RECEIVERS[inbound.type] as (
      i: Chosen,
      r: InboundRequest,
      b: Scoped<'global'>,
      h: HttpClient,
      n?: number
    ) => Steps<Received>
  )(inbound, req, base, http, now)
}
