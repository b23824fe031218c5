/** The executable form of a manifest: every expression and template compiled, with the place it came from. */
import type { Expression, Template } from './expressions'
import type { Problem } from './problems'
import type { AUTH_KINDS, VERIFY_KINDS } from './generated/kinds'
import type { SCOPES, ScopeId } from './generated/scopes'
import type { Auth, HistoryStrategy, Manifest, Matcher, MessageType, Retry, Verify } from './types'

/** The outcomes a matcher may emit: the language's event vocabulary (the schema's matcher.emit enum). */
export type Emit = Matcher['emit']

/**
 * The scope of one place in a manifest, with exactly the names the language gives it there (generated/scopes.ts: the
 * global names and the place's own). A scope the runtime writes out as a literal of this type names each of them, and
 * no other: a name added to the schema's scope does not compile until the runtime gives it.
 */
export type Scoped<S extends ScopeId> = {
  [K in (typeof SCOPES)['global'][number] | (typeof SCOPES)[S][number]]: unknown
}

/** A JSON value whose strings are templates, compiled (./compile/tree.ts). */
export type Tree = { evaluate(scope: Record<string, unknown>): Promise<unknown> }
export type Pairs = [string, Template][]

export type RequestPlan = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** One of http.hosts by name: the base of the path, instead of http.baseUrl. */
  host?: string
  path: Template
  query: Pairs
  headers: Pairs
  body?:
    | { kind: 'json'; json: Tree }
    | { kind: 'form'; form: Pairs }
    | {
        kind: 'multipart'
        fields: Pairs
        files: { field: string; url: Template; fileName?: Template; contentType?: Template }[]
      }
    | { kind: 'raw'; url?: Template; text?: Template; contentType?: Template }
}

export type StepPlan = {
  name: string
  /** Where the step stands: "providers/x.yaml:12:7 actions.startHitl.steps[0]". */
  where: string
  when?: Expression
  forEach?: Expression
  request: RequestPlan
  accept: number[]
  /** Statuses taken as success only when their condition over the response holds. */
  acceptWhen: { status: number; when: Expression }[]
  /** Turns a 2xx (or accepted) answer into a failure of the step. */
  failWhen?: Expression
  retryOn: number[]
  /** Sending it twice does no harm (an idempotency key): a POST or PATCH is then retried on 5xx too. */
  idempotent: boolean
  /** This step's time bound (else http.timeoutMs). */
  timeoutMs?: number
  capture: [string, Expression][]
}

/**
 * Auth and verification plans, derived from the schema's kind blocks (generated/kinds.ts: each field a template, an
 * expression, a map of templates, a nested auth, steps, an object of such fields, or a value with its default), so a
 * kind added to the schema needs no plan type; ./kinds.ts compiles them from the same descriptors.
 */
/** What one field of a manifest becomes in the plan. */
type Compiled<D, V> = D extends { as: 'template' }
  ? Template
  : D extends { as: 'expression' }
    ? Expression
    : D extends { as: 'templateMap' }
      ? Pairs
      : D extends { as: 'auth' }
        ? AuthPlan
        : D extends { as: 'steps' }
          ? StepPlan[]
          : D extends { as: 'object'; fields: infer F }
            ? Planned<F, NonNullable<V>>
            : V

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T]
type Defaulted<F> = { [K in keyof F]: F[K] extends { default: unknown } ? K : never }[keyof F]
/** A block's plan: required where the manifest requires the field or the schema gives a default. */
type Planned<F, M> = {
  -readonly [K in keyof F & keyof M & (RequiredKeys<M> | Defaulted<F>)]-?: Compiled<F[K], NonNullable<M[K]>>
} & {
  -readonly [K in Exclude<keyof F & keyof M, RequiredKeys<M> | Defaulted<F>>]?: Compiled<F[K], NonNullable<M[K]>>
}

type PlanOf<Kinds, Union extends { type: string }> = {
  [K in keyof Kinds & Union['type']]: { type: K } & Planned<Kinds[K], Extract<Union, { type: K }>>
}[keyof Kinds & Union['type']]

export type AuthPlan = PlanOf<typeof AUTH_KINDS, Auth>
export type VerifyPlan = PlanOf<typeof VERIFY_KINDS, Verify>

export type MatcherPlan = {
  name: string
  where: string
  when: Expression
  fetch: StepPlan[]
  emit: Emit
  ticketId?: Expression
  agent?: { id: Expression; name?: Expression; pictureUrl?: Expression; email?: Expression }
  message?: {
    id: Expression
    text?: Expression
    html: boolean
    attachments?: Expression
    attachmentsNeedAuth: boolean
    attachmentsExpire: boolean
    /** Why this event gives no agent files (documented by the manifest), if it says so. */
    attachmentsUnavailable?: string
    /** Where the base64 of a file is, in the JSON answer to its URL (an API that gives files that way). */
    attachmentContent?: Expression
  }
}

export type MessagePlan = { steps: StepPlan[]; messageId?: Template }

export type HandshakePlan = { when: Expression; beforeVerify: boolean; status: number; headers: Pairs; body?: Template }

/** The kinds of inbound: one runtime strategy each (src/runtime/inbound). */
export type InboundPlan =
  | {
      type: 'webhook'
      verify: VerifyPlan
      handshakes: HandshakePlan[]
      format: 'auto' | 'json' | 'form'
      /** Steps to follow in the vendor's admin UI (a vendor without a webhook API), shown in hub.md. */
      manualSetup?: string
    }
  | {
      type: 'poll'
      intervalMs: number
      initialCursor: Template
      steps: StepPlan[]
      events: Expression
      cursor: Expression
    }
  | { type: 'either'; when: Expression; use: InboundPlan; otherwise: InboundPlan }

/** Every way events may arrive under an inbound plan, whatever the configuration chooses. */
export function inboundWays(inbound: InboundPlan): Exclude<InboundPlan, { type: 'either' }>[] {
  return inbound.type === 'either' ? [...inboundWays(inbound.use), ...inboundWays(inbound.otherwise)] : [inbound]
}

export type Plan = {
  manifest: Manifest
  file: string
  /** Length of the text it was compiled from: its weight in the plan cache. */
  size: number
  /** The manifests it is written over (`extends`), nearest first, as files and texts: empty for most. */
  bases: { file: string; text: string }[]
  /** What is not wrong but should change (a deprecated shape), placed like problems. */
  notes: Problem[]
  /** Names of configuration fields whose values are secrets (redacted everywhere). */
  secretFields: string[]
  http: {
    baseUrl: Template
    headers: Pairs
    timeoutMs: number
    auth: AuthPlan
    /** More bases of the helpdesk's own API, on hosts of their own, by name (a step's request.host). */
    hosts: Map<string, Template>
    /** Hosts besides the API's that serve its files behind the same credentials (agents' attachments only). */
    fileHosts: Template[]
    retry: Required<Retry>
    errorMessage?: Expression
    /** A failed response that says the ticket is closed (see the schema's http.closedWhen). */
    closedWhen?: Expression
  }
  createUser: { steps: StepPlan[]; externalId: Template; data?: Tree }
  startHitl: {
    history: Required<HistoryStrategy>
    steps: StepPlan[]
    ticketId: Template
    data?: Tree
    /** Run once the session's Botpress conversation exists (linking the ticket back to it). */
    linked?: { steps: StepPlan[] }
  }
  stopHitl: { steps: StepPlan[] }
  messages: Partial<Record<MessageType, MessagePlan>>
  /** How events arrive (a kind: webhook). */
  inbound: InboundPlan
  /** What they mean: split into events, each mapped by the first matcher whose condition holds. */
  events: {
    split?: Expression
    matchers: MatcherPlan[]
    /** How long after a session starts its outcomes are held back, in milliseconds. */
    settleMs: number
    /** How our own posts' announcements are told from agents' messages: a record of posted texts, or the matchers. */
    echoes: 'text' | 'matchers'
  }
  lifecycle: {
    register?: {
      /** Random values made at registration, kept with the stored ones. */
      generate: { name: string; bytes: number; encoding: 'hex' | 'base64' | 'base64url' }[]
      steps: StepPlan[]
      store?: Tree
    }
    unregister?: { steps: StepPlan[] }
  }
  /** What `npm run doctor` asks the helpdesk (scripts/doctor.ts). */
  doctor: { credentials?: StepPlan; webhooks?: { steps: StepPlan[]; urls: Expression } }
}

export type { Auth }
