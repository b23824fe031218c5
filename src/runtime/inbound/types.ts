/** What an inbound strategy is given and gives: a request from the helpdesk, and what it came to. */
import type { Scope } from '../../manifest/expressions'

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
