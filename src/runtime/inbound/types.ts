/** What an inbound strategy is given and gives: a request from the helpdesk, and what it came to. */
import type { Scoped } from '../../manifest/plan'

export type InboundRequest = {
  method: string
  path: string
  query: string
  headers: Record<string, string | undefined>
  body?: string
}
export type Reply = { status: number; headers?: Record<string, string>; body?: string }
/** What a request came to: a reply to send as is, or a body of events, with the scope they are split in. */
export type Received = { scope: Scoped<'events'>; reply: Reply } | { scope: Scoped<'events'>; body: unknown }
