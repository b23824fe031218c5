/**
 * Calls the integration the way Botpress does: the real x-bp-* and x-bot-* headers, the configuration in base64,
 * and bodies shaped per operation. The integration's own @botpress/client talks to the Botpress API stand-in
 * through BP_API_URL. The tests hand it the bundle's handler; the playground, the integration's HTTP server.
 */
import type { BotpressApiStandIn } from './botpress-api'

export type IntegrationHandler = (req: {
  method: string
  path: string
  query: string
  headers: Record<string, string>
  body?: string
}) => Promise<{ status?: number; body?: string; headers?: Record<string, string> } | void>

export const IDS = {
  botId: 'bot_test',
  botUserId: 'user_BOT',
  integrationId: 'intver_test',
  integrationAlias: 'hitl',
  webhookId: 'wh_test',
}

/** The integration served over HTTP (integration.start(port)), seen as a handler. */
export function overHttp(url: string): { handler: IntegrationHandler } {
  return {
    handler: async (req) => {
      const res = await fetch(`${url}${req.path}${req.query ? `?${req.query}` : ''}`, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        // The integration's answer as it is: a redirect is for the browser (or the vendor) to follow, not Botpress.
        redirect: 'manual',
      })
      const headers: Record<string, string> = {}
      res.headers.forEach((v, k) => (headers[k] = v))
      return { status: res.status, body: await res.text(), headers }
    },
  }
}

export class BotpressCaller {
  constructor(
    readonly integration: { handler: IntegrationHandler },
    readonly api: BotpressApiStandIn,
    public configuration: Record<string, unknown>,
    public configurationType: string | null,
    /** Another bot (its id), or another installation (its integration id), than the default ones. */
    readonly ids: Partial<typeof IDS> = {}
  ) {}

  async call(operation: string, body: unknown, type?: string, extraHeaders: Record<string, string> = {}) {
    const headers: Record<string, string> = {
      'x-bot-id': this.ids.botId ?? IDS.botId,
      'x-bot-user-id': this.ids.botUserId ?? IDS.botUserId,
      'x-integration-id': this.ids.integrationId ?? IDS.integrationId,
      'x-integration-alias': this.ids.integrationAlias ?? IDS.integrationAlias,
      'x-webhook-id': this.ids.webhookId ?? IDS.webhookId,
      'x-bp-operation': operation,
      'x-bp-configuration': Buffer.from(JSON.stringify(this.configuration)).toString('base64'),
      'content-type': 'application/json',
      ...extraHeaders,
    }
    if (type) headers['x-bp-type'] = type
    if (this.configurationType) headers['x-bp-configuration-type'] = this.configurationType
    const res =
      (await this.integration.handler({ method: 'POST', path: '/', query: '', headers, body: JSON.stringify(body) })) ??
      {}
    const status = res.status ?? 200
    let parsed: any
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined
    } catch {
      parsed = res.body
    }
    return { status, body: parsed, headers: res.headers ?? {} }
  }

  register(webhookUrl = `https://webhook.botpress.cloud/${IDS.webhookId}`) {
    return this.call('register', { webhookUrl })
  }

  unregister(webhookUrl = `https://webhook.botpress.cloud/${IDS.webhookId}`) {
    return this.call('unregister', { webhookUrl })
  }

  /** Runs an action; returns its output or throws with the RuntimeError's message. */
  async action(name: string, input: unknown) {
    const res = await this.call('action_triggered', { type: name, input }, name)
    if (res.status !== 200)
      throw new Error(`action ${name} failed (${res.status}): ${res.body?.message ?? JSON.stringify(res.body)}`)
    return res.body.output
  }

  /** A message written in the hitl conversation, as the bot or the HITL plugin would: created in Botpress, then handed to the integration. */
  async send(conversationId: string, type: string, payload: Record<string, unknown>, authorId = IDS.botUserId) {
    const message = this.create(conversationId, type, payload, authorId)
    const res = await this.deliver(message)
    return { ...res, message }
  }

  /** The bot's message created in Botpress (not yet handed to the integration: see deliver). */
  create(conversationId: string, type: string, payload: Record<string, unknown>, authorId = IDS.botUserId) {
    const message = {
      id: `msg_out_${this.api.messages.size + 1}`,
      conversationId,
      userId: authorId,
      type,
      payload,
      tags: {},
      direction: 'outgoing',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    }
    this.api.messages.set(message.id, message)
    return message
  }

  /** Botpress hands the bot's message to the integration (message_created). */
  deliver(message: { conversationId: string; userId: string; type: string; payload: Record<string, unknown> }) {
    const conversation = this.api.conversations.get(message.conversationId)
    const user = this.api.users.get(message.userId) ?? {
      id: message.userId,
      name: 'Bot',
      tags: {},
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    }
    const { type, payload } = message
    return this.call('message_created', { conversation, user, type, payload, message }, type)
  }

  /**
   * Opens a link the end user got for an agent's attachment, as their client would: a link to the installation's
   * webhook URL is answered by the integration (re-hosting the file the first time) with a redirect, followed here.
   */
  async open(url: string): Promise<Response> {
    const at = url.indexOf(`/${this.ids.webhookId ?? IDS.webhookId}/`)
    if (at < 0) return fetch(url)
    const path = url.slice(at + `/${this.ids.webhookId ?? IDS.webhookId}`.length)
    const answer = await this.webhook({ method: 'GET', path, headers: {}, body: '' })
    if (answer.status !== 302) return new Response(String(answer.body ?? ''), { status: answer.status })
    return fetch(answer.headers.location!)
  }

  /** A webhook from the vendor, wrapped as Botpress delivers it to the integration. */
  webhook(req: { method?: string; path?: string; query?: string; headers: Record<string, string>; body: string }) {
    return this.call('webhook_received', {
      req: {
        method: req.method ?? 'POST',
        path: req.path ?? '/',
        query: req.query ?? '',
        headers: req.headers,
        body: req.body,
      },
    })
  }
}
