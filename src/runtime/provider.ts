/**
 * One helpdesk, driven by its manifest: the hitl operations in helpdesk terms, with no Botpress calls.
 * The Botpress binding (src/botpress) supplies users, sessions and state, and turns results into Botpress calls.
 */
import { randomBytes } from 'node:crypto'
import { soon, widened, type Expression, type Scope, type Soon, type Steps } from '../manifest/expressions'
import type { AuthPlan, Plan, Scoped, StepPlan } from '../manifest/plan'
import type { MessageType } from '../manifest/types'
import { connect, type Grant, type GrantStore, type TokenAnswer } from './auth/authorization-code'
import { ProviderError } from './errors'
import { HttpClient } from './http'
import { renderMessage, type Payload } from './messages'
import { Configured, type Env } from './configured'
import { Redactor } from './redact'
import { runSteps } from './steps'
import { matchEvent, splitEvents, type Outcome } from './events'
import { chosenInbound, receive, type Chosen, type InboundRequest, type Reply } from './inbound'
import { firstCursor, pollSession, type PolledSession } from './inbound/poll'

type ConnectPlan = Extract<AuthPlan, { type: 'oauth2AuthorizationCode' }>

export type ExternalUser = {
  id: string
  externalId?: string
  name?: string
  email?: string
  pictureUrl?: string
  data?: unknown
}
export type Session = { ticketId: string; data?: unknown; conversationId?: string }
export type Author = {
  kind: 'user' | 'bot'
  id: string
  externalId?: string
  name?: string
  email?: string
  data?: unknown
}
export type HistoryMessage = {
  source: { type: 'user'; userId: string } | { type: 'bot' }
  type: string
  payload: Payload
}

/** What a call's runtime is given besides its configuration. */
type CallContext = {
  /** Values stored by lifecycle.register (webhook ids, signing secrets). */
  state: Record<string, unknown>
  sleep?: (ms: number) => Promise<void>
  /** A connected account's grant (authorization code), kept by the binding in Botpress. */
  grants?: GrantStore
  /** The call's redactor, when several runtimes serve one call; else the runtime makes its own. */
  redactor?: Redactor
  /** The way of authenticating chosen for this call (`either` resolved: chosenAuth); else the manifest's. */
  auth?: AuthPlan
}

/**
 * A runtime's context: its configuration as the binding keeps it for every call of that configuration (Configured),
 * or the values alone (a runtime of its own: tools, tests).
 */
export type RuntimeContext = CallContext &
  (
    | { configured: Configured }
    | {
        config: Record<string, unknown>
        /** The deployment's secrets the manifest declares (a bundled manifest's only). */
        secrets?: Record<string, string | undefined>
        env: Env
      }
  )

const SECRET_STATE = /secret|token|key|password/i

/**
 * Whether a kept value (registration's, or a session's) is a secret, redacted from every log line and error of a
 * call: one named as a secret, or one registration generated.
 */
export function isSecretState(plan: Plan, name: string): boolean {
  return SECRET_STATE.test(name) || !!plan.lifecycle.register?.generate.some((g) => g.name === name)
}

export class ProviderRuntime {
  readonly redactor: Redactor
  readonly http: HttpClient
  /** What its configuration alone decides, shared with the other calls of that configuration. */
  readonly configured: Configured
  /** What every scope of the call starts from, made once: scopes are widened copies of it, never written to. */
  private readonly base: Scoped<'global'>

  constructor(
    readonly plan: Plan,
    private readonly ctx: RuntimeContext
  ) {
    const configured = (this.configured =
      'configured' in ctx ? ctx.configured : new Configured(plan, ctx.config, ctx.secrets ?? {}, ctx.env))
    this.redactor = ctx.redactor ?? new Redactor()
    for (const value of configured.secretValues) this.redactor.add(value)
    this.keepSecretsOf(ctx.state)
    const { config, secrets, env } = configured
    this.base = { config, secrets, state: ctx.state, env }
    this.http = new HttpClient(plan, this.base, this.redactor, {
      sleep: ctx.sleep,
      grants: ctx.grants,
      auth: ctx.auth,
      configured,
    })
  }

  /**
   * Kept values that are secrets (what registration kept, or a session, as a per-session access token) join the
   * call's redacted values: no log line or error of the call shows them.
   */
  keepSecretsOf(values: unknown) {
    if (!values || typeof values !== 'object') return
    for (const [k, v] of Object.entries(values)) if (isSecretState(this.plan, k)) this.redactor.add(v)
  }

  /** The manifest's `linked` steps: the ticket linked back to the session's Botpress conversation, now it exists. */
  async linkSession(session: Session & { conversationId: string }, input: Record<string, unknown>, user: ExternalUser) {
    const linked = this.plan.startHitl.linked
    if (linked) await runSteps(linked.steps, widened(this.base, { session, input, user }), this.http)
  }

  /** The Connect flow of an authorization-code manifest (undefined for other auth kinds). */
  get connect() {
    const auth = this.ctx.auth ?? this.plan.http.auth
    if (auth.type !== 'oauth2AuthorizationCode') return undefined
    const ctx = this.http.authContext
    return {
      askFor: auth.askFor,
      secrets: connect.secrets,
      authorizeUrl: (request: { redirectUri: string; state: string; verifier: string }) =>
        connect.authorizeUrl(auth, ctx, request),
      exchange: async (request: { code: string; redirectUri: string; verifier: string }) => {
        const { grant, answer, tokenHost } = await connect.exchange(auth, ctx, request)
        return { grant, identifier: (await this.identify(auth, grant, answer)) || tokenHost }
      },
      revoke: (grant: Grant) => connect.revoke(auth, ctx, grant),
    }
  }

  /**
   * Who the new grant belongs to: the manifest's identify steps (with the new access token) and identifier, over the
   * token answer. What the takeover guard compares, so it names the account, not a host the configuration chose.
   */
  private async identify(auth: ConnectPlan, grant: Grant, token: TokenAnswer): Promise<string | undefined> {
    let scope: Scope = widened(this.base, { token })
    if (auth.identify) {
      const fresh: GrantStore = { read: async () => grant, reload: async () => grant, write: async () => {} }
      const http = new HttpClient(this.plan, this.base, this.redactor, {
        sleep: this.ctx.sleep,
        grants: fresh,
        auth,
        configured: this.configured,
      })
      scope = await runSteps(auth.identify, scope, http)
    }
    return auth.identifier?.text(scope)
  }

  /**
   * An agent's attachment re-hosted: with the provider's credentials (a matcher's attachmentsNeedAuth), or without,
   * from wherever its temporary URL points (attachmentsExpire).
   */
  fetchAttachment(url: string, how: 'auth' | 'public', content?: Expression) {
    if (how === 'public') return this.http.publicFile(url)
    return this.http.fetchFile(url, content && (async (response) => content.evaluate(widened(this.base, { response }))))
  }

  /** Why an agent's attachment that needs auth could never be fetched (not on the API host), if it could not. */
  attachmentRefusal(url: string): Promise<string | undefined> {
    return this.http.offApiHost(url)
  }

  /**
   * npm run doctor: the manifest's credentials read (doctor.credentials), its answer's status and Date header; its
   * failure is thrown (a ProviderError with the status). Undefined when the manifest names none.
   */
  async credentialsCheck(): Promise<{ status: number; date?: string } | undefined> {
    const step = this.plan.doctor.credentials
    if (!step) return undefined
    const seen: { status: number; headers: Record<string, string> }[] = []
    const recording = Object.create(this.http) as HttpClient
    recording.send = async (req) => {
      const res = await this.http.send(req)
      seen.push(res)
      return res
    }
    await runSteps([step], this.base, recording)
    const last = seen.at(-1)!
    return { status: last.status, date: last.headers.date }
  }

  /** npm run doctor: the URLs the helpdesk's webhook subscriptions call (doctor.webhooks), or undefined. */
  async webhookUrls(): Promise<string[] | undefined> {
    const webhooks = this.plan.doctor.webhooks
    if (!webhooks) return undefined
    const s = await runSteps(webhooks.steps, this.base, this.http)
    const urls = await webhooks.urls.evaluate(s)
    return (urls === undefined || urls === null ? [] : Array.isArray(urls) ? urls : [urls]).map(String)
  }

  /** The configuration this runtime works with. */
  get config(): Readonly<Record<string, unknown>> {
    return this.configured.config
  }

  async createUser(input: { name?: string; email?: string; pictureUrl?: string }, user: { id: string }) {
    const { createUser } = this.plan
    const s = await runSteps(createUser.steps, widened(this.base, { input, user }), this.http)
    const externalId = await createUser.externalId.text(s)
    if (!externalId) throw new Error(`${createUser.externalId.where}: the external user id is empty`)
    return { externalId, data: await createUser.data?.evaluate(s) }
  }

  /** Creates the ticket, then relays the history the manifest's strategy asks for. */
  async startHitl(
    input: Record<string, unknown>,
    user: ExternalUser,
    history: HistoryMessage[],
    authorOf: (m: HistoryMessage) => Author
  ) {
    const { startHitl } = this.plan
    const { strategy, count, botName } = startHitl.history
    const kept = strategy === 'none' ? [] : strategy === 'each' ? history : history.slice(-count)
    const transcript =
      strategy === 'concatenate'
        ? kept
            .map(
              (m) =>
                `${m.source.type === 'bot' ? botName : (user.name ?? 'User')}: ${renderMessage(m.type, m.payload).text}`
            )
            .join('\n')
        : undefined
    const scope = widened(this.base, {
      input,
      user,
      transcript,
      history: kept.map((m) => Object.assign({ source: m.source.type }, renderMessage(m.type, m.payload))),
    })
    const s = await runSteps(startHitl.steps, scope, this.http)
    const ticketId = await startHitl.ticketId.text(s)
    if (!ticketId) throw new Error(`${startHitl.ticketId.where}: the ticket id is empty`)
    const session: Session = { ticketId, data: await startHitl.data?.evaluate(s) }
    this.keepSecretsOf(session.data)
    if (strategy === 'each' || strategy === 'last') {
      for (const m of kept) {
        try {
          await this.sendMessage(m.type, m.payload, authorOf(m), user, session)
        } catch (err) {
          // Said, not hidden: the ticket exists (no half-created ticket left unmentioned).
          const details = err instanceof ProviderError ? err.details : {}
          throw new ProviderError(
            `ticket ${ticketId} was created, but relaying the history failed: ${(err as Error).message}`,
            details,
            { cause: err }
          )
        }
      }
    }
    return session
  }

  async stopHitl(session: Session) {
    await runSteps(this.plan.stopHitl.steps, widened(this.base, { session }), this.http)
  }

  /**
   * Posts one message; types without steps fall back (bloc to its items, audio and video to file,
   * anything else to a text with a link). Returns the external ids of what was posted.
   */
  async sendMessage(
    type: string,
    payload: Payload,
    author: Author,
    user: ExternalUser | undefined,
    session: Session
  ): Promise<string[]> {
    const op = this.plan.messages[type as MessageType]
    if (op) {
      const s = await runSteps(
        op.steps,
        widened(this.base, { message: renderMessage(type, payload), author, user, session }),
        this.http
      )
      const id = await op.messageId?.text(s)
      return id ? [id] : []
    }
    if (type === 'bloc') {
      const ids: string[] = []
      for (const item of payload.items ?? [])
        ids.push(...(await this.sendMessage(item.type, item.payload ?? {}, author, user, session)))
      return ids
    }
    const rendered = renderMessage(type, payload)
    if ((type === 'audio' || type === 'video') && this.plan.messages.file) {
      return this.sendMessage('file', { fileUrl: rendered.url, title: rendered.title }, author, user, session)
    }
    return this.sendMessage('text', { text: rendered.text }, author, user, session)
  }

  /** Runs the register steps (after removing what an earlier registration left) and returns the values to store. */
  async register(): Promise<Record<string, unknown>> {
    const reg = this.plan.lifecycle.register
    if (!reg) return {}
    if (Object.keys(this.ctx.state).length) await this.unregister()
    // Made here, once per registration, from a cryptographic random source; in scope as state.<name>, and kept.
    const generated = Object.fromEntries(reg.generate.map((g) => [g.name, randomBytes(g.bytes).toString(g.encoding)]))
    for (const v of Object.values(generated)) this.redactor.add(v)
    const s = await runSteps(reg.steps, widened(this.base, { state: generated }), this.http)
    const stored = { ...generated, ...((await reg.store?.evaluate(s)) ?? {}) } as Record<string, unknown>
    this.keepSecretsOf(stored)
    return stored
  }

  /** Removes what register created; a 404 means it is already gone. */
  async unregister() {
    const unreg = this.plan.lifecycle.unregister
    if (!unreg || !Object.keys(this.ctx.state).length) return
    // Each step as it is (its place still worked out only if asked), a 404 accepted too.
    const tolerant: StepPlan[] = unreg.steps.map((s) => Object.create(s, { accept: { value: [...s.accept, 404] } }))
    await runSteps(tolerant, this.base, this.http)
  }

  /**
   * A request from the helpdesk, received as the manifest's inbound kind says (a webhook: verified, parsed): the
   * reply to send as is (a handshake), or its events, each to map with matchEvent over `scope`. The answer itself
   * when every value it reads is on the fast path (no promise made, no turn of the event loop), a promise otherwise;
   * a refusal is thrown as the steps throw it (`soon`): at once, or as that promise's rejection. Awaited, alike.
   */
  receive(req: InboundRequest, now?: number): Soon<ReceivedRequest> {
    return soon(this.receiving(req, now))
  }

  private *receiving(req: InboundRequest, now?: number): Steps<ReceivedRequest> {
    let inbound = this.inbound()
    if (inbound instanceof Promise) inbound = (yield inbound) as Chosen
    const received = yield* receive(inbound, req, this.base, this.http, now)
    if ('reply' in received) return { scope: received.scope, reply: received.reply, events: [] }
    // Yielded only when it comes later (../manifest/expressions/soon.ts, after).
    let events = splitEvents(this.plan, received.scope)
    if (events instanceof Promise) events = (yield events) as unknown[]
    return { scope: received.scope, events }
  }

  /** The way events arrive for this call's configuration (an `either` resolved, once). */
  inbound(): Soon<Chosen> {
    return (this.chosen ??= chosenInbound(this.plan.inbound, this.base))
  }
  private chosen?: Soon<Chosen>

  /** When this configuration polls: the cursor of a session's first poll, and one poll of a session. */
  async polling() {
    const inbound = await this.inbound()
    if (inbound.type !== 'poll') return undefined
    return {
      intervalMs: inbound.intervalMs,
      firstCursor: (session: PolledSession) => firstCursor(inbound, session, this.base),
      poll: (session: PolledSession, cursor: unknown) => pollSession(inbound, session, cursor, this.base, this.http),
    }
  }

  /** The event's outcome, in the scope its request came with: at once or as a promise, as `receive` answers. */
  matchEvent(event: unknown, scope: Scoped<'events'>): Soon<Outcome> {
    return matchEvent(this.plan, event, scope, this.http)
  }
}

/** What a request came to: a reply to send as is (a handshake), or its events, to match in `scope`. */
export type ReceivedRequest = { scope: Scoped<'events'>; reply?: Reply; events: unknown[] }

export type { Outcome, Reply, InboundRequest }
