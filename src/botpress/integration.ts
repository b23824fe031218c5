/**
 * The Botpress side: register/unregister, the three hitl actions, the hitl channel and the webhook handler.
 * It reads and writes Botpress (users, conversations, messages, events, state) and asks the provider runtime
 * for everything the helpdesk does. No provider is named here.
 */
import * as sdk from '@botpress/sdk'
import { ManifestError, type Plan } from '../manifest/load'
import { formatProblem } from '../manifest/problems'
import { ProviderError, WebhookRejection } from '../runtime/errors'
import { attachmentType } from '../runtime/messages'
import { ProviderRuntime, type Author, type ExternalUser, type HistoryMessage, type Outcome, type Session } from '../runtime/provider'
import type { Redactor } from '../runtime/redact'
import { hitlNames, STATES, TAGS, type HitlNames } from './names'
import { ProviderCatalog, type Bundle } from './providers'

type Client = sdk.IntegrationSpecificClient<any>
type Logger = sdk.IntegrationLogger
type Ctx = sdk.IntegrationContext<any>
type Common = { ctx: Ctx; client: Client; logger: Logger }

const HITL_MESSAGE_TYPES = ['text', 'image', 'audio', 'video', 'file', 'bloc'] as const

export function createIntegration(bundle: Bundle, options: { sleep?: (ms: number) => Promise<void> } = {}) {
  const catalog = new ProviderCatalog(bundle)
  const names = hitlNames(catalog.single?.manifest)
  const binding = new Binding(catalog, names, options.sleep)
  const message = (props: any) => binding.guard(props, () => binding.message(props))
  return new sdk.Integration({
    register: (props: any) => binding.guard(props, () => binding.register(props)),
    unregister: (props: any) => binding.guard(props, () => binding.unregister(props)),
    handler: (props: any) => binding.webhook(props),
    actions: {
      [names.actions.createUser]: (props: any) => binding.guard(props, () => binding.createUser(props)),
      [names.actions.startHitl]: (props: any) => binding.guard(props, () => binding.startHitl(props)),
      [names.actions.stopHitl]: (props: any) => binding.guard(props, () => binding.stopHitl(props)),
    },
    channels: {
      [names.channel]: { messages: Object.fromEntries(HITL_MESSAGE_TYPES.map((t) => [t, message])) },
    },
  } as any)
}

class Binding {
  constructor(
    private readonly catalog: ProviderCatalog,
    private readonly names: HitlNames,
    private readonly sleep?: (ms: number) => Promise<void>
  ) {}

  private lastRedactor?: Redactor

  /** Runs a handler; any failure reaches Botpress as a RuntimeError with secrets removed. */
  async guard<T>(props: Common, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (err) {
      throw this.toRuntimeError(err, props.logger)
    }
  }

  private toRuntimeError(err: unknown, logger: Logger): sdk.RuntimeError {
    if (err instanceof sdk.RuntimeError) return err
    const redact = (s: string) => this.lastRedactor?.redact(s) ?? s
    let message: string
    if (err instanceof ManifestError) message = `The provider manifest is invalid:\n${err.problems.map(formatProblem).join('\n')}`
    else if (err instanceof ProviderError) message = err.message
    else message = (err as Error)?.message ?? String(err)
    message = redact(message)
    logger.forBot().error(message)
    return new sdk.RuntimeError(message)
  }

  private async runtime({ ctx, client }: Common): Promise<{ runtime: ProviderRuntime; plan: Plan }> {
    const { plan, config } = this.catalog.select(ctx.configurationType, ctx.configuration as Record<string, unknown>)
    const state = plan.lifecycle.register?.store ? await this.lifecycleState(client, ctx) : {}
    const webhookUrl = `${process.env.BP_WEBHOOK_URL ?? 'https://webhook.botpress.cloud'}/${ctx.webhookId}`
    const runtime = new ProviderRuntime(plan, { config, state, env: { webhookUrl, botId: ctx.botId, integrationId: ctx.integrationId }, sleep: this.sleep })
    this.lastRedactor = runtime.redactor
    return { runtime, plan }
  }

  private async lifecycleState(client: Client, ctx: Ctx): Promise<Record<string, unknown>> {
    try {
      const { state } = await client.getState({ type: 'integration', name: STATES.lifecycle, id: ctx.integrationId })
      return ((state.payload as { values?: Record<string, unknown> }).values ?? {}) as Record<string, unknown>
    } catch (err) {
      if (isNotFound(err)) return {}
      throw err
    }
  }

  async register(props: Common & { webhookUrl: string }) {
    const { runtime, plan } = await this.runtime(props)
    const values = await runtime.register()
    if (plan.lifecycle.register) {
      await props.client.setState({ type: 'integration', name: STATES.lifecycle, id: props.ctx.integrationId, payload: { values } })
    }
    if (plan.manifest.webhook.manualSetup) {
      props.logger.forBot().info(`${plan.manifest.title} needs a manual webhook setup: point it at ${props.webhookUrl}. See the integration's readme.`)
    }
  }

  async unregister(props: Common) {
    const { runtime, plan } = await this.runtime(props)
    await runtime.unregister()
    if (plan.lifecycle.register) {
      await props.client.setState({ type: 'integration', name: STATES.lifecycle, id: props.ctx.integrationId, payload: { values: {} } })
    }
  }

  async createUser(props: Common & { input: { name?: string; email?: string; pictureUrl?: string } }) {
    const { runtime, plan } = await this.runtime(props)
    const { input, client } = props
    const { user } = await client.createUser({ name: input.name, pictureUrl: input.pictureUrl, tags: {} })
    const { externalId, data } = await runtime.createUser(input, { id: user.id })
    await client.updateUser({ id: user.id, tags: { [TAGS.user.id]: externalId } })
    if (plan.createUser.data) await client.setState({ type: 'user', name: STATES.user, id: user.id, payload: { data } })
    return { userId: user.id }
  }

  async startHitl(props: Common & { input: { userId: string; title?: string; description?: string; hitlSession?: Record<string, unknown>; messageHistory?: HistoryMessage[] } }) {
    const { runtime, plan } = await this.runtime(props)
    const { input, client, ctx } = props
    const user = await this.endUser(client, plan, input.userId)
    const hitlSession: Record<string, unknown> = { ...(input.hitlSession ?? {}) }
    for (const [name, field] of Object.entries(plan.manifest.hitlSession ?? {})) {
      if (hitlSession[name] === undefined && field.default !== undefined) hitlSession[name] = field.default
    }
    const botName = plan.startHitl.history.botName
    const authorOf = (m: HistoryMessage): Author =>
      m.source.type === 'user' ? { kind: 'user', id: user.id, externalId: user.externalId, name: user.name, email: user.email, data: user.data } : { kind: 'bot', id: ctx.botUserId, name: botName }
    const session = await runtime.startHitl(
      { userId: input.userId, title: input.title, description: input.description, hitlSession },
      user,
      input.messageHistory ?? [],
      authorOf
    )
    const { conversation } = await client.getOrCreateConversation({
      channel: this.names.channel,
      tags: { [TAGS.conversation.id]: session.ticketId },
      discriminateByTags: [TAGS.conversation.id],
    })
    if (plan.startHitl.data) await client.setState({ type: 'conversation', name: STATES.session, id: conversation.id, payload: { data: session.data } })
    return { conversationId: conversation.id }
  }

  async stopHitl(props: Common & { input: { conversationId: string } }) {
    const { runtime, plan } = await this.runtime(props)
    const session = await this.session(props.client, plan, props.input.conversationId)
    await runtime.stopHitl(session, undefined)
    return {}
  }

  async message(props: Common & { type: string; payload: Record<string, any>; conversation: { id: string; tags: Record<string, string> }; user: { id: string; name?: string }; ack: (a: { tags: Record<string, string> }) => Promise<void> }) {
    const { runtime, plan } = await this.runtime(props)
    const { payload, type, client } = props
    const session = await this.session(client, plan, props.conversation.id, props.conversation.tags)
    let author: Author
    let user: ExternalUser | undefined
    if (payload.userId) {
      user = await this.endUser(client, plan, payload.userId)
      author = { kind: 'user', id: user.id, externalId: user.externalId, name: user.name, email: user.email, data: user.data }
    } else {
      author = { kind: 'bot', id: props.user.id, name: props.user.name || plan.startHitl.history.botName }
    }
    const { userId: _u, additionalData: _a, ...content } = payload
    const ids = await runtime.sendMessage(type, content, author, user, session)
    if (ids[0]) await props.ack({ tags: { [TAGS.message.id]: ids[0] } })
  }

  async webhook(props: Common & { req: sdk.Request }): Promise<sdk.Response> {
    const { logger } = props
    let parsed: Awaited<ReturnType<ProviderRuntime['parseWebhook']>>
    let runtime: ProviderRuntime
    try {
      runtime = (await this.runtime(props)).runtime
      parsed = await runtime.parseWebhook(props.req)
    } catch (err) {
      if (err instanceof WebhookRejection) {
        logger.forBot().warn(`Webhook refused (${err.status}): ${err.message}`)
        return json(err.status, { error: err.message })
      }
      const e = this.toRuntimeError(err, logger)
      return json(500, { error: e.message })
    }
    if (parsed.reply) return parsed.reply
    const failures: string[] = []
    for (const event of parsed.events) {
      try {
        const outcome = await runtime.matchEvent(event, parsed.scope)
        await this.apply(props, outcome)
      } catch (err) {
        failures.push(this.toRuntimeError(err, logger).message)
      }
    }
    // A failure answers 500 so the vendor delivers again; what was already applied is recognised and not repeated.
    if (failures.length) return json(500, { error: failures.join('; ') })
    return json(200, { ok: true })
  }

  private async apply({ client, logger }: Common, outcome: Outcome) {
    if (outcome.kind === 'ignored') {
      logger.forBot().debug(`Webhook event ignored: ${outcome.reason}`)
      return
    }
    const { conversations } = await client.listConversations({ channel: this.names.channel, tags: { [TAGS.conversation.id]: outcome.ticketId } })
    const conversation = conversations[0]
    if (!conversation) {
      logger.forBot().info(`Webhook event for unknown ticket ${outcome.ticketId} (matcher '${outcome.matcher}'): ignored`)
      return
    }
    if (outcome.kind === 'stopped') {
      await client.createEvent({ type: this.names.events.hitlStopped, payload: { conversationId: conversation.id }, conversationId: conversation.id })
      return
    }
    const { agent } = outcome
    const { user } = await client.getOrCreateUser({
      tags: { [TAGS.user.agentId]: agent.id },
      name: agent.name,
      pictureUrl: agent.pictureUrl,
      discriminateByTags: [TAGS.user.agentId],
    })
    if ((agent.name && user.name !== agent.name) || (agent.pictureUrl && user.pictureUrl !== agent.pictureUrl)) {
      await client.updateUser({ id: user.id, name: agent.name, pictureUrl: agent.pictureUrl })
    }
    if (outcome.kind === 'assigned') {
      await client.createEvent({ type: this.names.events.hitlAssigned, payload: { conversationId: conversation.id, userId: user.id }, conversationId: conversation.id })
      return
    }
    const { message } = outcome
    const parts: { type: string; payload: Record<string, unknown>; id: string }[] = []
    if (message.text) parts.push({ type: 'text', payload: { text: message.text }, id: message.id })
    message.attachments.forEach((a, i) => {
      const type = attachmentType(a.contentType, a.name ?? a.url)
      const urlField = { image: 'imageUrl', audio: 'audioUrl', video: 'videoUrl', file: 'fileUrl' }[type]
      const id = message.text || i > 0 ? `${message.id}#${i + 1}` : message.id
      parts.push({ type, payload: { [urlField]: a.url, ...(a.name ? { title: a.name } : {}) }, id })
    })
    for (const part of parts) {
      // Keyed by the external message id: a redelivery or the echo of our own post finds the existing message.
      await client.getOrCreateMessage({
        conversationId: conversation.id,
        userId: user.id,
        type: part.type,
        payload: part.payload,
        tags: { [TAGS.message.id]: part.id },
        discriminateByTags: [TAGS.message.id],
      })
    }
  }

  private async endUser(client: Client, plan: Plan, userId: string): Promise<ExternalUser> {
    const { user } = await client.getUser({ id: userId })
    const externalId = user.tags[TAGS.user.id]
    if (!externalId) throw new sdk.RuntimeError(`User ${userId} has no external id: create it with the ${this.names.actions.createUser} action first`)
    let data: unknown
    if (plan.createUser.data) data = await readState(client, 'user', STATES.user, userId)
    return { id: user.id, externalId, name: user.name, pictureUrl: user.pictureUrl, email: (user.attributes as any)?.email, data }
  }

  private async session(client: Client, plan: Plan, conversationId: string, tags?: Record<string, string>): Promise<Session> {
    const conversationTags = tags ?? (await client.getConversation({ id: conversationId })).conversation.tags
    const ticketId = conversationTags[TAGS.conversation.id]
    if (!ticketId) throw new sdk.RuntimeError(`Conversation ${conversationId} is not a HITL session (no ticket id tag)`)
    const data = plan.startHitl.data ? await readState(client, 'conversation', STATES.session, conversationId) : undefined
    return { ticketId, data, conversationId }
  }
}

async function readState(client: Client, type: 'user' | 'conversation', name: string, id: string): Promise<unknown> {
  try {
    const { state } = await client.getState({ type, name, id } as any)
    return (state.payload as { data?: unknown }).data
  } catch (err) {
    if (isNotFound(err)) return undefined
    throw err
  }
}

function isNotFound(err: unknown): boolean {
  return (err as { code?: number; type?: string })?.code === 404 || (err as { type?: string })?.type === 'ResourceNotFound'
}

function json(status: number, body: unknown): sdk.Response {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}
