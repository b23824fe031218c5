/**
 * A bot and this integration running side by side through the Botpress API stand-in, dispatched as Botpress does:
 * the bot's callAction of `<alias>:<action>` → the integration's action_triggered; a bot message in a conversation
 * of the integration's channel → its message_created; a message or event the integration creates → the bot's
 * event_received (when its schedule says). Every action's input and output, event payload and message the two
 * exchange is held to the integration's definition (the schemas `bp read` prints are made from it).
 */
import type * as sdk from '@botpress/sdk'
import type { BotpressApiStandIn, Relay } from './botpress-api'
import { BotpressCaller, IDS, type IntegrationHandler } from './botpress-caller'

type Json = Record<string, any>
type BotHandler = (req: {
  method: string
  path: string
  query: string
  headers: Record<string, string>
  body?: string
}) => Promise<{ status?: number; body?: string } | void>

/**
 * The HITL plugin 1.4.0 writes its messages with their `type` inside the payload too (conv-manager.ts, respond), and
 * so sends them in startHitl's messageHistory and in the HITL conversation, where the interface's message schemas
 * have no `type`. The integration ignores the key; it is taken out here, and only that key, before the payload is
 * held to the schema.
 */
function withoutOwnType(payload: Json, type: string): Json {
  if (!payload || payload.type !== type) return payload
  const { type: _type, ...rest } = payload
  return rest
}

function withoutPluginQuirks(action: string, input: Json): Json {
  if (action !== 'startHitl' || !Array.isArray(input?.messageHistory)) return input
  return {
    ...input,
    messageHistory: input.messageHistory.map((m: Json) => ({ ...m, payload: withoutOwnType(m?.payload, m?.type) })),
  }
}

export type Installation = { alias: string; configurationType: string | null; configuration: Json }

export class BotRuntime implements Relay {
  /** What went wrong in a dispatch Botpress would have made (a handler's failure, a payload off its schema). */
  readonly failures: string[] = []
  readonly integration: BotpressCaller
  private readonly pending = new Set<Promise<unknown>>()

  constructor(
    readonly api: BotpressApiStandIn,
    private readonly bot: { handler: BotHandler },
    integration: { handler: IntegrationHandler },
    readonly install: Installation,
    /** The integration's definition (its zod schemas): what every exchange is held to. */
    private readonly definition: sdk.IntegrationDefinition
  ) {
    this.integration = new BotpressCaller(integration, api, install.configuration, install.configurationType, {
      integrationAlias: install.alias,
    })
    api.relay = this
  }

  /** Calls the bot as Botpress does (an action of the bot or of its plugins, or an event). */
  async toBot(operation: 'action_triggered' | 'event_received', type: string, body: Json) {
    const res =
      (await this.bot.handler({
        method: 'POST',
        path: '/',
        query: '',
        headers: {
          'x-bot-id': IDS.botId,
          'x-bp-operation': operation,
          'x-bp-type': type,
          'x-bp-configuration': Buffer.from('{}').toString('base64'),
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      })) ?? {}
    const parsed = res.body ? JSON.parse(res.body) : undefined
    if ((res.status ?? 200) !== 200) throw new Error(`bot ${operation} ${type} failed: ${res.body}`)
    return parsed
  }

  /** Runs an action of the bot (a plugin's is `<plugin alias>#<action>`), with what it dispatched settled. */
  async action(type: string, input: Json) {
    const out = await this.toBot('action_triggered', type, { type, input })
    await this.settled()
    return out?.output
  }

  /** An end user's text in a conversation of another channel, handed to the bot. */
  userSays(conversationId: string, userId: string, text: string) {
    return this.userSends(conversationId, userId, 'text', { text })
  }

  /** An end user's message of any type in a conversation of another channel, handed to the bot. */
  async userSends(conversationId: string, userId: string, type: string, payload: Json) {
    const message = {
      id: `msg_in_${this.api.messages.size + 1}`,
      conversationId,
      userId,
      type,
      payload,
      tags: {},
      direction: 'incoming',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    }
    this.api.messages.set(message.id, message)
    await this.messageToBot(message)
    await this.settled()
    return message
  }

  /** Until nothing dispatched is in flight (what is scheduled later is delivered when due, then waited for too). */
  async settled() {
    while (this.pending.size) await Promise.allSettled([...this.pending])
  }

  async callAction(body: Json): Promise<[number, Json]> {
    const [alias, name] = String(body.type).split(':')
    if (alias !== this.install.alias || !name) return [404, { message: `no integration ${alias}` }]
    const action = this.definition.actions?.[name]
    this.check(`${name} input`, action?.input.schema, withoutPluginQuirks(name, body.input))
    const res = await this.integration.call('action_triggered', { type: name, input: body.input }, name)
    if (res.status !== 200) return [res.status, res.body]
    this.check(`${name} output`, action?.output.schema, res.body.output)
    return [200, { output: res.body.output, meta: { cached: false } }]
  }

  created(kind: 'message' | 'event', item: Json, by: 'bot' | 'integration') {
    const conversation = item.conversationId ? this.api.conversations.get(item.conversationId) : undefined
    const ofIntegration = conversation?.integration === this.definition.name
    if (by === 'bot' && kind === 'message' && ofIntegration) {
      // The bot (the plugin) writes in the HITL conversation: Botpress hands it to the integration's channel.
      const channel = this.definition.channels?.[conversation!.channel]
      this.check(`${item.type} message`, channel?.messages[item.type]?.schema, withoutOwnType(item.payload, item.type))
      this.track(async () => {
        const res = await this.integration.deliver(item as Parameters<BotpressCaller['deliver']>[0])
        if (res.status !== 200) this.failures.push(`message_created ${item.id}: ${JSON.stringify(res.body)}`)
      })
    } else if (by === 'integration') {
      if (kind === 'event') this.check(`${item.type} event`, this.definition.events?.[item.type]?.schema, item.payload)
      if (kind === 'message') {
        const channel = this.definition.channels?.[conversation?.channel ?? '']
        this.check(`${item.type} message`, channel?.messages[item.type]?.schema, item.payload)
      }
      const wait = Math.max(0, (this.api.deliverAt.get(item.id) ?? Date.now()) - Date.now())
      this.track(async () => {
        await new Promise((r) => setTimeout(r, wait))
        if (kind === 'message') return this.messageToBot(item)
        const event = { ...item, type: `${this.install.alias}:${item.type}` }
        await this.toBot('event_received', event.type, { event })
      })
    }
    if (by === 'bot' && kind === 'event') {
      // The bot's own events (a plugin's timer) come back to it when due.
      const wait = Math.max(0, (this.api.deliverAt.get(item.id) ?? Date.now()) - Date.now())
      this.track(async () => {
        await new Promise((r) => setTimeout(r, wait))
        await this.toBot('event_received', item.type, { event: item })
      })
    }
    // The bot's messages elsewhere (to the end user's channel) stay in the stand-in, where the test reads them.
  }

  private async messageToBot(message: Json) {
    const conversation = this.api.conversations.get(message.conversationId)
    const user = this.api.users.get(message.userId)
    const event = {
      id: `evt_${message.id}`,
      type: 'message_created',
      payload: { message, user, conversation },
      conversationId: message.conversationId,
      userId: message.userId,
      messageId: message.id,
      createdAt: message.createdAt,
      status: 'pending',
      failureReason: null,
    }
    await this.toBot('event_received', 'message_created', { event })
  }

  private track(run: () => Promise<void>) {
    const p = run().catch((err: Error) => void this.failures.push(err.message))
    this.pending.add(p)
    void p.finally(() => this.pending.delete(p))
  }

  private check(what: string, schema: sdk.z.ZodTypeAny | undefined, value: unknown) {
    if (!schema) return void this.failures.push(`${what}: not in the integration's definition`)
    const result = schema.safeParse(value)
    if (!result.success) this.failures.push(`${what}: ${result.error.message}`)
  }
}
