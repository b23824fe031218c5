/**
 * Which fields of each block of the language the compiler reads, stated once per block and held two ways:
 * - by the type checker: `reads<Step>()([...])` does not compile while a field of the generated type is missing from
 *   the list, so a property added to schemas/provider.schema.yaml (and `npm run gen`) names where it must be compiled;
 * - by a test (test/manifest/coverage.test.ts): every property the schema gives a block is in its list, so a schema
 *   edit not yet generated fails too, naming the property.
 * The compile code of a block destructures exactly these fields, and the runtime its plan, with `noneLeft`: a field
 * compiled but not run does not compile either.
 */
import type { Doctor, Events, Inbound, Lifecycle, Matcher, MessageOperation, Request, Step } from '../types'

type Missing<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>

/** The fields of T the compiler reads: all of them, or the type checker names the missing ones. */
export function reads<T>() {
  return <const K extends readonly (keyof T)[]>(
    keys: K & (Missing<T, K> extends never ? unknown : { missing: Missing<T, K> })
  ): K => keys
}

/** A destructuring's rest is empty: every field of what was destructured was taken. */
export function noneLeft(rest: { [k: string]: never }): void {
  void rest
}

type WebhookInbound = Extract<Inbound, { type: 'webhook' }>
type PollInbound = Extract<Inbound, { type: 'poll' }>
type EitherInbound = Extract<Inbound, { type: 'either' }>
type Handshake = NonNullable<WebhookInbound['handshakes']>[number]
type Register = NonNullable<Lifecycle['register']>

/** Each block's fields, by the schema definition (or path below one) that declares them: what the coverage test walks. */
export const READS = {
  step: reads<Step>()([
    'name',
    'when',
    'forEach',
    'request',
    'accept',
    'failWhen',
    'retryOn',
    'idempotent',
    'timeoutMs',
    'capture',
  ]),
  request: reads<Request>()(['method', 'host', 'path', 'query', 'headers', 'body']),
  matcher: reads<Matcher>()(['name', 'when', 'fetch', 'emit', 'ticketId', 'agent', 'message']),
  'matcher.agent': reads<NonNullable<Matcher['agent']>>()(['id', 'name', 'pictureUrl', 'email']),
  'matcher.message': reads<NonNullable<Matcher['message']>>()([
    'id',
    'text',
    'html',
    'attachments',
    'attachmentsNeedAuth',
    'attachmentsExpire',
    'attachmentsUnavailable',
    'attachmentContent',
  ]),
  'inbound.webhook': reads<WebhookInbound>()(['type', 'verify', 'handshakes', 'format', 'manualSetup']),
  'inbound.webhook.handshakes': reads<Handshake>()(['when', 'beforeVerify', 'respond']),
  'inbound.poll': reads<PollInbound>()(['type', 'intervalSeconds', 'initialCursor', 'steps', 'events', 'cursor']),
  'inbound.either': reads<EitherInbound>()(['type', 'when', 'use', 'otherwise']),
  events: reads<Events>()(['split', 'matchers', 'settleSeconds', 'echoes']),
  messageOperation: reads<MessageOperation>()(['steps', 'result']),
  lifecycle: reads<Lifecycle>()(['register', 'unregister']),
  'lifecycle.register': reads<Register>()(['generate', 'steps', 'store']),
  doctor: reads<Doctor>()(['credentials', 'webhooks']),
  'doctor.webhooks': reads<NonNullable<Doctor['webhooks']>>()(['steps', 'urls']),
} as const
