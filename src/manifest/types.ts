/** The manifest as written in YAML (after schema validation). See schemas/provider.schema.json for the meaning of each field. */

export type TemplateString = string
export type ExpressionString = string
export type TemplateMap = Record<string, TemplateString | number | boolean>
export type TemplateTreeValue = unknown

export type Field = {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array'
  title: string
  description?: string
  default?: unknown
  enum?: (string | number)[]
  examples?: unknown[]
  pattern?: string
  secret?: boolean
  required?: boolean
}

export type Rename = { name?: string; title?: string; description?: string }

export type Auth =
  | { type: 'none' }
  | { type: 'basic'; username: TemplateString; password: TemplateString }
  | { type: 'bearer'; token: TemplateString; scheme?: string }
  | { type: 'apiKey'; in: 'header' | 'query'; name: string; value: TemplateString }
  | { type: 'headers'; headers: TemplateMap }
  | {
      type: 'oauth2ClientCredentials'
      tokenUrl: TemplateString
      clientId: TemplateString
      clientSecret: TemplateString
      scope?: TemplateString
      clientAuth?: 'body' | 'basic'
      refreshOn?: number[]
      expiryMarginSeconds?: number
      scheme?: string
    }
  | {
      type: 'oauth2RefreshToken'
      tokenUrl: TemplateString
      clientId: TemplateString
      clientSecret: TemplateString
      refreshToken: TemplateString
      clientAuth?: 'body' | 'basic'
      refreshOn?: number[]
      expiryMarginSeconds?: number
      scheme?: string
    }

export type Retry = {
  maxRetries?: number
  statuses?: number[]
  retryAfterHeaders?: string[]
  resetHeaders?: string[]
  baseDelayMs?: number
  maxDelayMs?: number
}

export type Body =
  | { json: TemplateTreeValue }
  | { form: TemplateMap }
  | {
      multipart: {
        fields?: TemplateMap
        files?: { field: string; url: TemplateString; fileName?: TemplateString; contentType?: TemplateString }[]
      }
    }
  | { raw: { url?: TemplateString; text?: TemplateString; contentType?: TemplateString } }

export type Request = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: TemplateString
  query?: TemplateMap
  headers?: TemplateMap
  body?: Body
}

export type Step = {
  name: string
  when?: ExpressionString
  forEach?: ExpressionString
  request: Request
  accept?: number[]
  retryOn?: number[]
  idempotent?: boolean
  capture?: Record<string, ExpressionString>
}

export type HistoryStrategy = { strategy: 'none' | 'concatenate' | 'last' | 'each'; count?: number; botName?: string }

export type MessageType = 'text' | 'image' | 'audio' | 'video' | 'file' | 'bloc'
export const MESSAGE_TYPES: readonly MessageType[] = ['text', 'image', 'audio', 'video', 'file', 'bloc']

export type MessageOperation = { steps: Step[]; result?: { messageId?: TemplateString } }

export type Signature = { header: string; prefix?: string; pattern?: string; encoding: 'hex' | 'base64' }
export type Timestamp = {
  header: string
  format: 'unixSeconds' | 'unixMilliseconds' | 'iso8601'
  toleranceSeconds?: number
}

export type Verify =
  | { type: 'none' }
  | {
      type: 'hmac'
      algorithm: 'sha1' | 'sha256' | 'sha512'
      secret: TemplateString
      signature: Signature
      signedPayload?: TemplateString
      timestamp?: Timestamp
    }
  | {
      type: 'rsa'
      algorithm: 'sha1' | 'sha256'
      publicKey: TemplateString
      signature: Signature
      signedPayload?: TemplateString
      timestamp?: Timestamp
    }
  | { type: 'token'; in: 'header' | 'query'; name: string; value: TemplateString }
  | {
      type: 'jwt'
      header: string
      prefix?: string
      jwksUrl: TemplateString
      algorithms?: string[]
      issuer?: TemplateString
      audience?: TemplateString
      clockToleranceSeconds?: number
      maxAgeSeconds?: number
    }

export type Matcher = {
  name: string
  when: ExpressionString
  fetch?: Step[]
  emit: 'message' | 'assigned' | 'stopped' | 'ignore'
  ticketId?: ExpressionString
  agent?: { id: ExpressionString; name?: ExpressionString; pictureUrl?: ExpressionString; email?: ExpressionString }
  message?: { id: ExpressionString; text?: ExpressionString; html?: boolean; attachments?: ExpressionString }
}

export type Handshake = {
  when: ExpressionString
  beforeVerify?: boolean
  respond: { status?: number; headers?: TemplateMap; body?: TemplateString }
}

export type Webhook = {
  verify: Verify
  handshakes?: Handshake[]
  format?: 'auto' | 'json' | 'form'
  events?: ExpressionString
  matchers: Matcher[]
  manualSetup?: string
  settleSeconds?: number
}

export type Manifest = {
  manifestVersion: 1
  id: string
  title: string
  description?: string
  version: string
  model: 'ticket' | 'conversation'
  links?: Record<string, string>
  configuration?: Record<string, Field>
  hitlSession?: Record<string, Field>
  definition?: {
    actions?: Partial<Record<'createUser' | 'startHitl' | 'stopHitl', Rename>>
    events?: Partial<Record<'hitlAssigned' | 'hitlStopped', Rename>>
    channel?: Rename
  }
  http: {
    baseUrl: TemplateString
    headers?: TemplateMap
    timeoutMs?: number
    auth: Auth
    retry?: Retry
    errorMessage?: ExpressionString
    closedWhen?: ExpressionString
  }
  actions: {
    createUser: { steps: Step[]; result: { externalId: TemplateString; data?: TemplateTreeValue } }
    startHitl: {
      history?: HistoryStrategy
      steps: Step[]
      result: { ticketId: TemplateString; data?: TemplateTreeValue }
    }
    stopHitl: { steps: Step[] }
  }
  messages: Partial<Record<MessageType, MessageOperation>> & { text: MessageOperation }
  webhook: Webhook
  lifecycle?: {
    register?: { steps: Step[]; store?: TemplateTreeValue }
    unregister?: { steps: Step[] }
  }
}

/** Configuration field every provider gets: replaces http.baseUrl. */
export const API_BASE_URL_FIELD = 'apiBaseUrl'
