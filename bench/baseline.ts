/**
 * The hand-written TypeScript a developer would write for the same Zendesk calls the manifest makes: ky, no
 * manifest, no JSONata. It is the yardstick of the declarative runtime's overhead, not a product.
 */
import ky, { type KyInstance } from 'ky'
import { createHmac, timingSafeEqual } from 'node:crypto'

export type BaselineConfig = {
  apiBaseUrl: string
  email: string
  apiToken: string
  signingSecret: string
  selfId: string
}
type History = { source: { type: 'user' | 'bot' }; type: string; payload: { text?: string } }

type Attachment = { content_url: string; file_name: string; content_type: string; inline?: boolean }

export class HandWrittenZendesk {
  private readonly api: KyInstance
  constructor(private readonly config: BaselineConfig) {
    this.api = ky.create({
      prefixUrl: config.apiBaseUrl,
      headers: { authorization: `Basic ${Buffer.from(`${config.email}/token:${config.apiToken}`).toString('base64')}` },
      retry: { limit: 3, statusCodes: [429, 500, 502, 503, 504] },
      timeout: 15000,
    })
  }

  async createUser(input: { name?: string; email?: string }, userId: string): Promise<string> {
    const res = await this.api
      .post('users/create_or_update.json', {
        json: {
          user: {
            name: input.name ?? 'Botpress user',
            email: input.email,
            external_id: userId,
            role: 'end-user',
            verified: true,
          },
        },
      })
      .json<{ user: { id: number } }>()
    return String(res.user.id)
  }

  async startHitl(
    input: { title?: string; description?: string },
    user: { name?: string; externalId: string },
    history: History[]
  ): Promise<string> {
    const transcript = history
      .slice(-50)
      .map((m) => `${m.source.type === 'bot' ? 'Bot' : (user.name ?? 'User')}: ${m.payload.text ?? ''}`)
      .join('\n')
    const body =
      [input.description, transcript ? `Conversation so far:\n${transcript}` : undefined]
        .filter(Boolean)
        .join('\n\n') || 'The user asked for a human agent.'
    const requester = Number(user.externalId)
    const res = await this.api
      .post('tickets.json', {
        json: {
          ticket: {
            subject: input.title ?? `Conversation with ${user.name ?? 'a bot user'}`,
            requester_id: requester,
            tags: ['botpress-hitl'],
            comment: { public: true, author_id: requester, body },
          },
        },
      })
      .json<{ ticket: { id: number } }>()
    return String(res.ticket.id)
  }

  async sendText(
    ticketId: string,
    text: string,
    author: { kind: 'user' | 'bot'; externalId?: string; name?: string }
  ): Promise<string> {
    const comment = {
      public: true,
      author_id: author.kind === 'user' ? Number(author.externalId) : undefined,
      body: author.kind === 'bot' ? `[${author.name}] ${text}` : text,
    }
    return this.commentId(await this.api.put(`tickets/${ticketId}.json`, { json: { ticket: { comment } } }).json())
  }

  async sendImage(
    ticketId: string,
    imageUrl: string,
    author: { kind: 'user' | 'bot'; externalId?: string }
  ): Promise<string> {
    const file = await ky.get(imageUrl, { timeout: 15000 })
    const bytes = new Uint8Array(await file.arrayBuffer())
    const fileName = decodeURIComponent(new URL(imageUrl).pathname.split('/').pop() || 'file')
    const upload = await this.api
      .post('uploads.json', {
        searchParams: { filename: fileName },
        body: bytes,
        headers: { 'content-type': file.headers.get('content-type') ?? 'application/octet-stream' },
      })
      .json<{ upload: { token: string } }>()
    const comment = {
      public: true,
      author_id: author.kind === 'user' ? Number(author.externalId) : undefined,
      body: fileName,
      uploads: [upload.upload.token],
    }
    return this.commentId(await this.api.put(`tickets/${ticketId}.json`, { json: { ticket: { comment } } }).json())
  }

  /** Verifies and maps one Zendesk webhook; returns the agent message it carries, if any. */
  /** Verifies, parses and maps an agent's reply, reading the comment back for its files (as the manifest does). */
  async webhook(headers: Record<string, string>, rawBody: string, now = Date.now()) {
    const parsed = this.verify(headers, rawBody, now)
    if (!parsed.message) return parsed
    const { comments } = await this.api
      .get(`tickets/${parsed.message.ticketId}/comments.json`, {
        searchParams: { sort: '-created_at', 'page[size]': '20' },
      })
      .json<{ comments: { id: number | string; attachments?: Attachment[] }[] }>()
    const comment = comments.find((c) => String(c.id) === parsed.message.id)
    const attachments = (comment?.attachments ?? [])
      .filter((a) => a.inline !== true)
      .map((a) => ({ url: a.content_url, name: a.file_name, contentType: a.content_type }))
    return { ...parsed, message: { ...parsed.message, attachments } }
  }

  /** The signature checked and the event mapped: what needs no HTTP (the throughput figure). */
  verify(headers: Record<string, string>, rawBody: string, now = Date.now()) {
    const ts = headers['x-zendesk-webhook-signature-timestamp']
    const signature = headers['x-zendesk-webhook-signature']
    if (!ts || !signature || Math.abs(now - Date.parse(ts)) > 300_000) return { status: 401 as const }
    const expected = createHmac('sha256', this.config.signingSecret)
      .update(ts + rawBody)
      .digest()
    const given = Buffer.from(signature, 'base64')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 401 as const }
    const event = JSON.parse(rawBody)
    if (event.type !== 'zen:event-type:ticket.comment_added') return { status: 200 as const }
    const comment = event.event?.comment
    if (
      !comment ||
      String(comment.author?.id) === this.config.selfId ||
      comment.author?.is_staff !== true ||
      comment.is_public !== true
    )
      return { status: 200 as const }
    return {
      status: 200 as const,
      message: {
        ticketId: String(event.detail.id),
        agentId: String(comment.author.id),
        agentName: comment.author.name,
        id: String(comment.id),
        text: comment.body,
      },
    }
  }

  private commentId(res: unknown): string {
    const events = (res as { audit: { events: { type: string; id: number }[] } }).audit.events
    return String(events.find((e) => e.type === 'Comment')!.id)
  }
}
