/**
 * What `npm run new-provider` writes: a manifest skeleton that validates (every part a helpdesk needs, each open
 * question a `# TODO` that npm run validate lists), and a fixture skeleton beside it. Given a vendor's OpenAPI
 * description, it proposes the base URL, the auth from the security schemes, and the calls behind each part by
 * scoring the description's operations (path words, method, summary); each proposal is marked for review and
 * names the runners-up.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

export type Model = 'ticket' | 'conversation'

/** One operation of the description, as scored. */
export type Operation = { method: string; path: string; summary: string; multipart: boolean }

export type Proposal = { chosen?: Operation; others: Operation[] }

export type Analysis = {
  title?: string
  baseUrl?: string
  /** The server URL's variables, as configuration fields. */
  variables: { name: string; default?: string; description?: string }[]
  auth: { kind: 'bearer' | 'basic' | 'apiKey' | 'oauth2'; in?: 'header' | 'query'; name?: string }
  /** The calls behind each part of the manifest. */
  createUser: Proposal
  startHitl: Proposal
  userMessage: Proposal
  botMessage: Proposal
  stopHitl: Proposal
  subscribe: Proposal
  unsubscribe: Proposal
}

/** Reads an OpenAPI 3 or Swagger 2 description (JSON or YAML). */
export function readSpec(file: string): any {
  const text = readFileSync(file, 'utf8')
  return file.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 })
}

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
const lastSegment = (path: string) => path.split('/').filter(Boolean).pop() ?? ''
const params = (path: string) => (path.match(/\{[^}]+\}/g) ?? []).length

/** Points for what a part looks for; below 1, no proposal. */
type Scorer = (op: Operation) => number

const has = (op: Operation, ...w: string[]) => {
  const all = [...words(op.path), ...words(op.summary)]
  return w.some((x) => all.includes(x))
}
const AVOID = [
  'discussion',
  'task',
  'draft',
  'drafts',
  'template',
  'templates',
  'import',
  'imported',
  'merge',
  'bulk',
  'batch',
  'search',
  'teammate',
  'teammates',
  'team',
  'teams',
  'account',
  'accounts',
  'group',
  'groups',
  'list',
  'lists',
  'folder',
  'macro',
  'macros',
  'seen',
  'followers',
  'links',
  'tags',
  'reminders',
  'payments',
  'orders',
  'invoices',
  'products',
  'campaigns',
  'emails',
  'sms',
]

/** The collections a session lives in, by model, the likeliest first. */
const CONTAINERS: Record<Model, string[]> = {
  ticket: ['tickets', 'ticket', 'requests', 'cases'],
  conversation: ['conversations', 'conversation', 'chats', 'threads'],
}

const SCORERS: Record<Exclude<keyof Analysis, 'title' | 'baseUrl' | 'auth' | 'variables'>, (model: Model) => Scorer> = {
  createUser: () => (op) => {
    if (op.method !== 'POST' || params(op.path)) return 0
    const last = lastSegment(op.path)
    const base =
      { contacts: 5, customers: 5, users: 4, end_users: 5, people: 3, visitors: 3, requesters: 4, customer: 4 }[last] ??
      0
    return base && base - (has(op, ...AVOID) ? 3 : 0)
  },
  startHitl: (model) => (op) => {
    if (op.method !== 'POST') return 0
    const last = lastSegment(op.path)
    const base =
      {
        incoming_messages: 6,
        tickets: model === 'ticket' ? 6 : 3,
        conversations: model === 'conversation' ? 6 : 3,
        requests: 4,
        request: 4,
        cases: 4,
        chats: 3,
        threads: 2,
      }[last] ?? 0
    if (!base) return 0
    return (
      base +
      (has(op, 'receive', 'incoming', 'inbound', 'customer') ? 2 : 0) -
      (has(op, ...AVOID) ? 4 : 0) -
      params(op.path)
    )
  },
  // The end user's message: into the ticket as the customer (an incoming message where the API has one).
  userMessage: (model) => (op) => {
    if (op.method !== 'POST' || !params(op.path)) return 0
    const last = lastSegment(op.path)
    const base =
      {
        incoming_messages: 6,
        messages: 4,
        comments: 3,
        comment: 3,
        replies: 3,
        reply: 3,
        parts: 3,
        articles: 3,
        notes: 1,
      }[last] ?? 0
    if (!base) return 0
    return (
      base +
      (has(op, 'incoming', 'inbound', 'customer', 'receive') ? 2 : 0) +
      (op.path.includes(CONTAINERS[model][0]!) ? 2 : 0) -
      (has(op, ...AVOID, 'contact', 'contacts', 'mark') ? 4 : 0)
    )
  },
  // The bot's message: seen by agents (a comment or note where the API has one).
  botMessage: (model) => (op) => {
    if (op.method !== 'POST' || !params(op.path)) return 0
    const last = lastSegment(op.path)
    const base =
      { comments: 5, comment: 5, notes: 4, messages: 3, replies: 2, reply: 2, parts: 3, articles: 3 }[last] ?? 0
    if (!base) return 0
    return (
      base +
      (has(op, 'ticket', 'tickets', 'conversation', 'conversations') ? 2 : 0) +
      (op.path.includes(CONTAINERS[model][0]!) ? 2 : 0) -
      (has(op, ...AVOID, 'contact', 'contacts', 'mark', 'account') ? 4 : 0)
    )
  },
  stopHitl: (model) => (op) => {
    const last = lastSegment(op.path)
    const container = CONTAINERS[model]
    const segments = op.path.split('/').filter(Boolean)
    if (
      ['close', 'resolve', 'archive', 'state', 'status', 'transitions', 'transition'].includes(last) &&
      op.method === 'POST'
    )
      return container.includes(segments[segments.length - 3] ?? '') ? 6 : 0
    if (!['PUT', 'PATCH'].includes(op.method) || !/^\{[^}]+\}$/.test(last)) return 0
    const kind = segments[segments.length - 2] ?? ''
    return (
      (container.includes(kind) ? 5 : ['tickets', 'conversations'].includes(kind) ? 3 : 0) - (has(op, ...AVOID) ? 3 : 0)
    )
  },
  subscribe: () => (op) =>
    op.method === 'POST' &&
    !params(op.path) &&
    ['webhooks', 'webhook', 'hooks', 'subscriptions', 'webhook_subscriptions'].includes(lastSegment(op.path))
      ? 5
      : 0,
  unsubscribe: () => (op) => {
    const segments = op.path.split('/').filter(Boolean)
    return op.method === 'DELETE' &&
      ['webhooks', 'webhook', 'hooks', 'subscriptions'].includes(segments[segments.length - 2] ?? '')
      ? 5
      : 0
  },
}

export function analyse(spec: any, model: Model): Analysis {
  const operations: Operation[] = []
  for (const [path, item] of Object.entries<any>(spec.paths ?? {}))
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item?.[method]
      if (!op) continue
      const content = op.requestBody?.content ?? {}
      const multipart = 'multipart/form-data' in content || (op.consumes ?? []).includes('multipart/form-data')
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? op.operationId ?? ''),
        multipart,
      })
    }
  const propose = (scorer: Scorer): Proposal => {
    const ranked = operations
      .map((op) => ({ op, score: scorer(op) }))
      .filter((r) => r.score >= 1)
      .sort((a, b) => b.score - a.score || a.op.path.length - b.op.path.length)
      .map((r) => r.op)
    return { chosen: ranked[0], others: ranked.slice(1, 4) }
  }
  const first = spec.servers?.[0]
  const server =
    first?.url ?? (spec.host ? `${spec.schemes?.[0] ?? 'https'}://${spec.host}${spec.basePath ?? ''}` : undefined)
  // A server URL's variables ({subdomain}) are the bot builder's: configuration fields, their defaults kept.
  const variables = Object.entries<any>(first?.variables ?? {}).map(([name, v]) => ({
    name: camel(name),
    default: v?.default === undefined ? undefined : String(v.default),
    description: v?.description ? String(v.description) : undefined,
  }))
  const parts = Object.fromEntries(Object.entries(SCORERS).map(([k, s]) => [k, propose(s(model))])) as Pick<
    Analysis,
    keyof typeof SCORERS
  >
  return {
    title: spec.info?.title,
    baseUrl: server?.replace(/\/$/, '').replace(/\{([^}]+)\}/g, (_: string, v: string) => `{{ config.${camel(v)} }}`),
    variables,
    auth: authOf(spec),
    ...parts,
  }
}

/** The first security scheme the description offers, as a manifest's auth kind. */
function authOf(spec: any): Analysis['auth'] {
  const schemes = Object.values<any>(spec.components?.securitySchemes ?? spec.securityDefinitions ?? {})
  for (const s of schemes) {
    if (s.type === 'http' && /bearer/i.test(s.scheme)) return { kind: 'bearer' }
    if ((s.type === 'http' && /basic/i.test(s.scheme)) || s.type === 'basic') return { kind: 'basic' }
    if (s.type === 'apiKey') return { kind: 'apiKey', in: s.in === 'query' ? 'query' : 'header', name: s.name }
    if (s.type === 'oauth2') return { kind: 'oauth2' }
  }
  return { kind: 'bearer' }
}

const TITLE_CASE = (id: string) =>
  id
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ')

/**
 * `{param}` path parameters as the manifest's templates: the session's ticket where the parameter names one
 * (ticket_id, conversation_id, id …) and a ticket exists, else a configuration field (a channel's id, say).
 */
function pathOf(op: Operation | undefined, fallback: string, ticketExists = true): string {
  if (!op) return fallback
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    ticketExists && /ticket|conversation|request|case|chat|thread|issue|^id$/i.test(name)
      ? '{{ session.ticketId }}'
      : `{{ config.${camel(name)} }}`
  )
}
const camel = (s: string) => s.replace(/[_-]([a-z])/g, (_, c: string) => c.toUpperCase())

/** Where a proposal came from, and what else could be it: the comment above the step. */
function said(part: string, p: Proposal | undefined, spec?: string): string {
  if (!spec) return `# TODO: ${part}: the vendor's call (method, path, body), from its API documentation.`
  if (!p?.chosen)
    return `# TODO: ${part}: nothing in ${spec} looks like it; write the call from the vendor's documentation.`
  const others = p.others.map((o) => `${o.method} ${o.path}`).join(', ')
  return `# TODO: review: ${part}, proposed from ${spec}: ${p.chosen.method} ${p.chosen.path} (${p.chosen.summary})${others ? `; also possible: ${others}` : ''}.`
}

/** Configuration fields the proposed paths need (a channel id, an account id), besides the credentials. */
function pathFields(a?: Analysis): string[] {
  if (!a) return []
  const found = new Set<string>()
  for (const p of [a.userMessage, a.botMessage, a.stopHitl])
    for (const m of pathOf(p.chosen, '').matchAll(/config\.(\w+)/g)) found.add(m[1]!)
  for (const p of [a.createUser, a.startHitl, a.subscribe])
    for (const m of pathOf(p.chosen, '', false).matchAll(/config\.(\w+)/g)) found.add(m[1]!)
  return [...found]
}

export function manifestSkeleton(id: string, model: Model, analysis?: Analysis, specName?: string): string {
  const a = analysis
  const title = TITLE_CASE(id)
  const auth = a?.auth ?? { kind: 'bearer' as const }
  const authYaml =
    auth.kind === 'basic'
      ? `    type: basic\n    username: "{{ config.username }}"\n    password: "{{ config.apiToken }}"`
      : auth.kind === 'apiKey'
        ? `    type: apiKey\n    in: ${auth.in}\n    name: ${auth.name ?? 'X-API-Key'}\n    value: "{{ config.apiToken }}"`
        : `    type: bearer\n    token: "{{ config.apiToken }}"`
  const authNote =
    auth.kind === 'oauth2'
      ? `  # TODO: review: ${specName} offers OAuth2; a token pasted in the configuration works first (Connect: docs/manifest-language.md › http.auth).\n`
      : specName
        ? `  # TODO: review: auth proposed from ${specName}'s security schemes.\n`
        : `  # TODO: how requests authenticate (docs/manifest-language.md › http.auth).\n`
  const variableFields = (a?.variables ?? [])
    .map(
      (v) =>
        `  ${v.name}:\n    type: string\n    title: ${TITLE_CASE(v.name.replace(/([A-Z])/g, '-$1').toLowerCase())}\n    # TODO: review: a variable of ${specName}'s server URL.\n    description: ${JSON.stringify(v.description ?? `The ${v.name} of the API's address.`)}${v.default !== undefined ? `\n    default: ${JSON.stringify(v.default)}` : ''}`
    )
    .join('\n')
  const extraFields = pathFields(a)
    .filter((f) => !a?.variables.some((v) => v.name === f))
    .map(
      (f) =>
        `  ${f}:\n    type: string\n    title: ${TITLE_CASE(f.replace(/([A-Z])/g, '-$1').toLowerCase())}\n    # TODO: where the bot builder finds it.\n    description: The ${f} the calls below need.`
    )
    .join('\n')
  const ticketWord = model === 'ticket' ? 'ticket' : 'conversation'
  return `# yaml-language-server: $schema=../schemas/provider.schema.json
# Written by npm run new-provider${specName ? ` from ${specName}` : ''}. Every TODO below is listed by npm run validate;
# docs/manifest-language.md says what each part means, and the other manifests in providers/ show each in use.
manifestVersion: 1
id: ${id}
title: ${JSON.stringify(a?.title && a.title.length < 40 ? a.title.replace(/ (Core )?API.*$/i, '') : title)}
version: 0.1.0
model: ${model}
# TODO: what a HITL session is in this helpdesk, and how agents' events come back.
description: >-
  Each HITL session is a ${ticketWord} in ${title}; the end user's and the bot's messages are added to it, and agents'
  replies, assignment and closing come back through webhooks.
links:
  # TODO: the vendor's API documentation.
  api: https://example.com/docs/api

configuration:
${auth.kind === 'basic' ? `  username:\n    type: string\n    title: Username\n    # TODO: where the bot builder finds it.\n    description: The API user's name or e-mail address.\n` : ''}  apiToken:
    type: string
    title: API token
    # TODO: where the bot builder finds it (the vendor's settings page), and the permissions it needs.
    description: The API token the integration calls ${title} with.
    secret: true
  webhookSecret:
    type: string
    title: Webhook secret
    # TODO: the vendor's webhook signing, or a secret generated at registration (lifecycle.register.generate).
    description: The secret ${title} signs its webhooks with.
    secret: true
${variableFields ? `${variableFields}\n` : ''}${extraFields ? `${extraFields}\n` : ''}
http:
  # TODO: review: the API's base URL${a?.baseUrl ? ` (from ${specName}'s servers)` : ''}.
  baseUrl: ${JSON.stringify(a?.baseUrl ?? 'https://api.example.com/v1')}
${authNote}  auth:
${authYaml}

actions:
  createUser:
    steps:
      ${said('createUser (the end user as a contact or customer)', a?.createUser, specName)}
      - name: createContact
        request:
          method: POST
          path: ${pathOf(a?.createUser.chosen, '/contacts', false)}
          body:
            json:
              name: "{{ input.name }}"
              email: "{{ input.email }}"
        capture:
          contactId: response.body.id
    result:
      externalId: "{{ contactId }}"

  startHitl:
    history:
      strategy: concatenate
      count: 20
    steps:
      ${said(`startHitl (a ${ticketWord} for the session, with the transcript)`, a?.startHitl, specName)}
      - name: create${model === 'ticket' ? 'Ticket' : 'Conversation'}
        request:
          method: POST
          path: ${pathOf(a?.startHitl.chosen, `/${ticketWord}s`, false)}
          body:
            json:
              subject: "{{ input.title ? input.title : 'Conversation with ' & user.name }}"
              requester_id: "{{ user.externalId }}"
              body: "{{ $join([input.description, transcript], '\\n\\n') }}"
        capture:
          ticketId: response.body.id
    result:
      ticketId: "{{ ticketId }}"

  stopHitl:
    steps:
      ${said(`stopHitl (close the ${ticketWord})`, a?.stopHitl, specName)}
      - name: close
        request:
          method: ${a?.stopHitl.chosen?.method ?? 'PATCH'}
          path: ${pathOf(a?.stopHitl.chosen, `/${ticketWord}s/{{ session.ticketId }}`)}
          body:
            json:
              status: closed

messages:
  text:
    steps:
      ${said("the end user's messages", a?.userMessage, specName)}
      - name: userMessage
        when: author.kind = 'user'
        request:
          method: POST
          path: ${pathOf(a?.userMessage.chosen, `/${ticketWord}s/{{ session.ticketId }}/messages`)}
          body:
            json:
              body: "{{ message.text }}"
        capture:
          messageId: response.body.id
      ${said("the bot's messages (seen by agents)", a?.botMessage, specName)}
      - name: botMessage
        when: author.kind != 'user'
        request:
          method: POST
          path: ${pathOf(a?.botMessage.chosen, `/${ticketWord}s/{{ session.ticketId }}/comments`)}
          body:
            json:
              body: "{{ author.name & ': ' & message.text }}"
        capture:
          messageId: response.body.id
    result:
      messageId: "{{ messageId }}"
  # TODO: image, audio, video and file messages (an upload, or a link in the text: docs/manifest-language.md › messages).

inbound:
  type: webhook
  # TODO: review: how ${title} signs its webhooks (header, algorithm, what is signed, the key's encoding).
  verify:
    type: hmac
    algorithm: sha256
    secret: "{{ config.webhookSecret }}"
    signature:
      header: X-Signature
      encoding: hex

events:
  matchers:
    # TODO: the vendor's webhook payloads: which field says what happened, and where the ${ticketWord} id is.
    - name: agentMessage
      when: event.type = 'message.created' and event.message.author.type = 'agent'
      emit: message
      ticketId: event.${ticketWord}_id
      agent:
        id: event.message.author.id
        name: event.message.author.name
      message:
        id: event.message.id
        text: event.message.body
    - name: assigned
      when: event.type = '${ticketWord}.assigned'
      emit: assigned
      ticketId: event.${ticketWord}_id
      agent:
        id: event.assignee.id
        name: event.assignee.name
    - name: closed
      when: event.type = '${ticketWord}.closed'
      emit: stopped
      ticketId: event.${ticketWord}_id
${lifecycle(a, specName)}`
}

function lifecycle(a: Analysis | undefined, specName?: string): string {
  if (a && !a.subscribe.chosen)
    return `
# TODO: ${specName} has no call to subscribe webhooks: say how to set them up by hand (inbound.manualSetup), or poll.
`
  return `
lifecycle:
  register:
    steps:
      ${said('subscribe the webhook', a?.subscribe, specName)}
      - name: subscribe
        request:
          method: POST
          path: ${pathOf(a?.subscribe.chosen, '/webhooks', false)}
          body:
            json:
              url: "{{ env.webhookUrl }}"
        capture:
          id: response.body.id
    store:
      webhookId: "{{ id }}"
  unregister:
    steps:
      - name: unsubscribe
        when: $exists(state.webhookId)
        request:
          method: DELETE
          path: ${a?.unsubscribe.chosen ? a.unsubscribe.chosen.path.replace(/\{[^}]+\}$/, '{{ state.webhookId }}') : '/webhooks/{{ state.webhookId }}'}
`
}

/** The fixture's skeleton: what the stand-in answers and what the session must send, to be filled in. */
export function fixtureSkeleton(id: string, model: Model, manifestText: string): string {
  const ticketWord = model === 'ticket' ? 'ticket' : 'conversation'
  const path = (step: string, fallback: string) => {
    const m = new RegExp(`- name: ${step}\\n(?:.*\\n)*?\\s+path: (.+)`).exec(manifestText)
    return (m?.[1] ?? fallback)
      .replace(/\{\{ session\.ticketId \}\}/g, 'tkt-1')
      .replace(/\{\{ config\.(\w+) \}\}/g, '$1-1')
  }
  return `# yaml-language-server: $schema=../../../schemas/fixture.schema.json
# Written by npm run new-provider: replace it with a recorded session (npm run record -- --provider ${id}), or fill in
# the vendor's answers and webhooks from its documentation (docs/testing-a-provider.md).
provider: ${id}
configuration: { apiToken: token-123456, webhookSecret: secret-123456 }
routes:
  - { method: POST, path: ${path('createContact', '/contacts')}, status: 201, body: { id: usr-1 } }
  - { method: POST, path: ${path(`create${model === 'ticket' ? 'Ticket' : 'Conversation'}`, `/${ticketWord}s`)}, status: 201, body: { id: tkt-1 } }
  - { method: POST, path: ${path('userMessage', `/${ticketWord}s/tkt-1/messages`)}, status: 201, body: { id: msg-1 } }
  - { method: POST, path: ${path('botMessage', `/${ticketWord}s/tkt-1/comments`)}, status: 201, body: { id: msg-2 } }
  - { method: ${/- name: close\n(?:.*\n)*?\s+method: (\w+)/.exec(manifestText)?.[1] ?? 'PATCH'}, path: ${path('close', `/${ticketWord}s/tkt-1`)}, body: { id: tkt-1 } }
createUser:
  input: { name: Ada Lovelace, email: ada@example.com }
  externalId: usr-1
startHitl:
  input: { title: Late order }
  ticketId: tkt-1
messages:
  - send: { type: text, payload: { text: Order 1234 }, from: user }
    messageId: msg-1
webhooks:
  sign: { type: hmac, algorithm: sha256, secret: secret-123456, encoding: hex, header: X-Signature }
  events:
    - name: an agent's reply
      body: { type: message.created, ${ticketWord}_id: tkt-1, message: { id: msg-9, author: { type: agent, id: agent-1, name: Kim Agent }, body: Hello Ada } }
      expect: { message: { text: Hello Ada, agentId: agent-1, agentName: Kim Agent } }
stopHitl: {}
`
}
