/**
 * Broken manifests are refused with every problem placed: file:line:column, the path inside the manifest,
 * and a message that says what is wrong. Each case changes one thing in a valid manifest.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadManifest, ManifestError } from '../../src/manifest/load'
import type { Problem } from '../../src/manifest/problems'

const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
const FILE = 'providers/broken.yaml'

/** Line and column (1-based) of the first occurrence of `needle` in `text`, plus `shift` characters. */
function at(text: string, needle: string, shift = 0) {
  const i = text.indexOf(needle)
  if (i < 0) throw new Error(`test bug: '${needle}' not in the manifest`)
  const before = text.slice(0, i + shift)
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') }
}

function problems(text: string): Problem[] {
  try {
    loadManifest(text, FILE)
  } catch (err) {
    if (err instanceof ManifestError) return err.problems
    throw err
  }
  throw new Error('the manifest was accepted')
}

type Case = {
  name: string
  edit: (base: string) => string
  path: string
  message: string | RegExp
  where?: (text: string) => { line: number; column: number }
}

const replace = (from: string, to: string) => (b: string) => {
  if (!b.includes(from)) throw new Error(`test bug: '${from}' not in the base manifest`)
  // As written: a `$` in `to` (JSONata's `$$`) is not a replacement pattern.
  return b.replace(from, () => to)
}

const cases: Case[] = [
  {
    name: 'YAML syntax error',
    edit: replace('title: Tiny Desk', 'title: "Tiny Desk'),
    path: '(yaml)',
    message: /^YAML: /,
  },
  {
    name: 'duplicate key',
    edit: replace('version: 0.0.1', 'version: 0.0.1\nversion: 0.0.2'),
    path: '(yaml)',
    message: /YAML: Map keys must be unique/,
    where: (t) => at(t, 'version: 0.0.2'),
  },
  {
    name: 'missing required field',
    edit: replace('title: Tiny Desk\n', ''),
    path: '(root)',
    message: "missing required field 'title'",
    where: () => ({ line: 3, column: 1 }),
  },
  {
    name: 'unknown top-level field',
    edit: replace('model: ticket', 'model: ticket\ntitel: typo'),
    path: 'titel',
    message: "unknown field 'titel' (did you mean 'title'?)",
    where: (t) => at(t, 'titel:'),
  },
  {
    name: 'id pattern',
    edit: replace('id: tiny-desk', 'id: Tiny_Desk'),
    path: 'id',
    message: /must match the pattern/,
    where: (t) => at(t, 'Tiny_Desk'),
  },
  {
    name: 'version not semver',
    edit: replace('version: 0.0.1', 'version: v1'),
    path: 'version',
    message: /must match the pattern/,
    where: (t) => at(t, 'v1'),
  },
  {
    name: 'model not allowed',
    edit: replace('model: ticket', 'model: chat'),
    path: 'model',
    message: 'must be one of: "ticket", "conversation"',
    where: (t) => at(t, 'chat'),
  },
  {
    name: 'manifestVersion',
    edit: replace('manifestVersion: 1', 'manifestVersion: 2'),
    path: 'manifestVersion',
    message: 'must be 1',
    where: (t) => at(t, '2\n'),
  },
  {
    name: 'configuration field without type',
    edit: replace('clientId: { type: string, title: Client id,', 'clientId: { title: Client id,'),
    path: 'configuration.clientId',
    message: "missing required field 'type'",
    where: (t) => at(t, '{ title: Client id,'),
  },
  {
    name: 'configuration field without description (Botpress requires one)',
    edit: replace(', description: OAuth2 client id. }', ' }'),
    path: 'configuration.clientId',
    message: "missing required field 'description'",
    where: (t) => at(t, '{ type: string, title: Client id }'),
  },
  {
    name: 'configuration field of unknown type',
    edit: replace('clientId: { type: string,', 'clientId: { type: text,'),
    path: 'configuration.clientId.type',
    message: /must be one of: "string", "number"/,
    where: (t) => at(t, 'text,'),
  },
  {
    name: 'configuration field name',
    edit: replace('  clientId:', '  client-id:'),
    path: 'configuration["client-id"]',
    message: /name 'client-id' must match/,
    where: (t) => at(t, 'client-id:'),
  },
  {
    name: 'unknown auth type',
    edit: replace('type: oauth2ClientCredentials', 'type: digest'),
    path: 'http.auth.type',
    message: 'unknown type: see the schema for the allowed types',
    where: (t) => at(t, 'digest'),
  },
  {
    name: 'auth field missing',
    edit: replace('    clientSecret: "{{ config.clientSecret }}"\n', ''),
    path: 'http.auth',
    message: "missing required field 'clientSecret'",
    where: (t) => at(t, 'type: oauth2ClientCredentials'),
  },
  {
    name: 'retry out of range',
    edit: replace('maxRetries: 2', 'maxRetries: 50'),
    path: 'http.retry.maxRetries',
    message: 'must be <= 10',
    where: (t) => at(t, '50'),
  },
  {
    name: 'step without request',
    edit: replace(
      '      - name: lookupQueue\n        request: { method: GET, path: /queues/default }',
      '      - name: lookupQueue'
    ),
    path: 'actions.startHitl.steps[0]',
    message: "missing required field 'request'",
    where: (t) => at(t, 'name: lookupQueue'),
  },
  {
    name: 'unknown method',
    edit: replace('method: GET, path: /queues', 'method: FETCH, path: /queues'),
    path: 'actions.startHitl.steps[0].request.method',
    message: /must be one of: "GET"/,
    where: (t) => at(t, 'FETCH'),
  },
  {
    name: 'body with two kinds',
    edit: replace(
      'body: { json: { name: "{{ input.name }}" } }',
      'body: { json: { name: "{{ input.name }}" }, form: { a: b } }'
    ),
    path: 'actions.createUser.steps[0].request.body',
    message: 'a body has exactly one of json, form, multipart, raw',
    where: (t) => at(t, '{ json: { name'),
  },
  {
    name: 'body of unknown kind',
    edit: replace('body: { json: { name: "{{ input.name }}" } }', 'body: { xml: "<a/>" }'),
    path: 'actions.createUser.steps[0].request.body.xml',
    message: "unknown field 'xml' (allowed: json, form, multipart, raw)",
    where: (t) => at(t, 'xml'),
  },
  {
    name: 'matcher without agent',
    edit: replace('      agent: { id: $string(event.agent.id), name: event.agent.name }\n', ''),
    path: 'events.matchers[0]',
    message: "missing required field 'agent'",
    where: (t) => at(t, 'name: reply'),
  },
  {
    name: 'matcher outcome unknown',
    edit: replace('emit: message', 'emit: closed'),
    path: 'events.matchers[0].emit',
    message: /must be one of: "message", "assigned", "stopped", "ignore"/,
    where: (t) => at(t, 'closed'),
  },
  {
    name: 'hmac without signature',
    edit: replace(
      '    type: token\n    in: header\n    name: X-Tiny-Token\n    value: "{{ config.webhookToken }}"',
      '    type: hmac\n    algorithm: sha256\n    secret: "{{ config.webhookToken }}"'
    ),
    path: 'inbound.verify',
    message: "missing required field 'signature'",
    where: (t) => at(t, 'type: hmac'),
  },
  {
    name: 'signature encoding',
    edit: replace(
      '    type: token\n    in: header\n    name: X-Tiny-Token\n    value: "{{ config.webhookToken }}"',
      '    type: hmac\n    algorithm: sha256\n    secret: "{{ config.webhookToken }}"\n    signature: { header: X-Sig, encoding: binary }'
    ),
    path: 'inbound.verify.signature.encoding',
    message: 'must be one of: "hex", "base64"',
    where: (t) => at(t, 'binary'),
  },
  {
    name: 'signature pattern not a regex',
    edit: replace(
      '    type: token\n    in: header\n    name: X-Tiny-Token\n    value: "{{ config.webhookToken }}"',
      '    type: hmac\n    algorithm: sha256\n    secret: "{{ config.webhookToken }}"\n    signature: { header: X-Sig, encoding: hex, pattern: "v1=(" }'
    ),
    path: 'inbound.verify.signature.pattern',
    message: 'must match format "regex"',
    where: (t) => at(t, '"v1=("'),
  },
  {
    name: 'JSONata syntax error in an expression',
    edit: replace("when: event.kind = 'reply'", "when: event.kind = = 'reply'"),
    path: 'events.matchers[0].when',
    message: /JSONata syntax error/,
    where: (t) => at(t, "= = 'reply'", 3),
  }, // JSONata places syntax errors just after the token
  {
    name: 'JSONata syntax error in a template',
    edit: replace('subject: "{{ input.title }}"', 'subject: "{{ input.title & }}"'),
    path: 'actions.startHitl.steps[1].request.body.json.subject',
    message: /JSONata syntax error/,
  },
  {
    name: 'template not closed',
    edit: replace('subject: "{{ input.title }}"', 'subject: "{{ input.title "'),
    path: 'actions.startHitl.steps[1].request.body.json.subject',
    message: '"{{" without a closing "}}"',
    where: (t) => at(t, '{{ input.title "'),
  },
  {
    name: 'unknown name',
    edit: replace('customer: "{{ user.externalId }}"', 'customer: "{{ usr.externalId }}"'),
    path: 'actions.startHitl.steps[1].request.body.json.customer',
    message:
      /^unknown name 'usr' \(did you mean 'user'\?\): names here are config, env, history, input, queue, secrets, state, transcript, user$/,
    where: (t) => at(t, 'usr.externalId'),
  },
  {
    // `$$` is the scope's root wherever it stands: what it names is held to the names of the place, as a bare name is.
    name: 'a name the place does not give, read through $$ (a matcher has no raw body)',
    edit: replace("when: event.kind = 'reply'", "when: event.kind = 'reply' and $$.rawBody != ''"),
    path: 'events.matchers[0].when',
    message: /^unknown name 'rawBody': names here are body, config, env, event, headers, query, secrets, state$/,
    where: (t) => at(t, 'rawBody'),
  },
  {
    name: 'misspelt action input (the hitl interface names them)',
    edit: replace('name: "{{ input.name }}"', 'name: "{{ input.nmae }}"'),
    path: 'actions.createUser.steps[0].request.body.json.name',
    message: "input.nmae is not a name of input (did you mean 'name'?) (it has: name, pictureUrl, email)",
    where: (t) => at(t, 'nmae'),
  },
  {
    name: 'startHitl extra field the manifest does not declare',
    edit: replace('subject: "{{ input.title }}"', 'subject: "{{ input.hitlSession.prio }}"'),
    path: 'actions.startHitl.steps[1].request.body.json.subject',
    message: 'input.hitlSession.prio is not a startHitl extra field of this manifest (hitlSession: none declared)',
    where: (t) => at(t, 'prio }}'),
  },
  {
    name: 'a session name in the wrong case',
    edit: replace('path: "/tickets/{{ session.ticketId }}" }', 'path: "/tickets/{{ session.ticketID }}" }'),
    path: 'actions.stopHitl.steps[0].request.path',
    message:
      "session.ticketID is not a name of session (did you mean 'ticketId'?) (it has: ticketId, data, conversationId)",
    where: (t) => at(t, 'ticketID'),
  },
  {
    name: 'undeclared configuration field',
    edit: replace('clientId: "{{ config.clientId }}"', 'clientId: "{{ config.client_id }}"'),
    path: 'http.auth.clientId',
    message:
      /^config\.client_id is not a configuration field \(did you mean 'clientId'\?\) \(fields: clientId, clientSecret, webhookToken, apiBaseUrl\)$/,
    // At the misspelt member, not the root.
    where: (t) => at(t, 'client_id'),
  },
  {
    name: 'capture used before it is captured',
    edit: replace('queue: "{{ queue }}"', 'queue: "{{ ticketId }}"'),
    path: 'actions.startHitl.steps[1].request.body.json.queue',
    message: /^unknown name 'ticketId'/,
    where: (t) => at(t, 'ticketId }}"'),
  },
  {
    name: 'jwt with an algorithm not offered',
    edit: replace(
      '    type: token\n    in: header\n    name: X-Tiny-Token\n    value: "{{ config.webhookToken }}"',
      '    type: jwt\n    header: X-Hook-JWT\n    jwksUrl: /.well-known/jwks.json\n    algorithms: [HS256]'
    ),
    path: 'inbound.verify.algorithms[0]',
    message: /must be one of: "RS256"/,
    where: (t) => at(t, 'HS256'),
  },
  {
    name: 'oauth2 refresh token without the token',
    edit: replace('type: oauth2ClientCredentials', 'type: oauth2RefreshToken'),
    path: 'http.auth',
    message: "missing required field 'refreshToken'",
  },
  {
    name: 'state never stored',
    edit: replace('value: "{{ config.webhookToken }}"', 'value: "{{ state.token }}"'),
    path: 'inbound.verify.value',
    message: 'state.token is never stored: lifecycle.register.store is missing',
    where: (t) => at(t, 'token }}'),
  },
  {
    name: 'secret in a URL',
    edit: replace('path: /queues/default', 'path: "/queues/{{ config.clientSecret }}"'),
    path: 'actions.startHitl.steps[0].request.path',
    message: 'secret config.clientSecret must not go into a URL (use a header or the auth block)',
    where: (t) => at(t, '/queues/{{ config.clientSecret', 11),
  },
  {
    name: 'secret in the base URL (its host, path or query)',
    edit: replace(
      'baseUrl: https://tiny-desk.example/api',
      'baseUrl: "https://tiny-desk.example/api?key={{ config.clientSecret }}"'
    ),
    path: 'http.baseUrl',
    message: 'secret config.clientSecret must not go into a URL (use a header or the auth block)',
  },
  {
    name: "a secret in the Connect flow's authorize URL (the browser sees it)",
    edit: replace(
      `    type: oauth2ClientCredentials
    tokenUrl: /oauth/token`,
      `    type: oauth2AuthorizationCode
    authorizeUrl: "https://tiny-desk.example/oauth/authorize?secret={{ config.clientSecret }}"
    tokenUrl: /oauth/token`
    ),
    path: 'http.auth.authorizeUrl',
    message: 'secret config.clientSecret must not go into a URL (use a header or the auth block)',
  },
  {
    name: 'the Connect page asking for a field the configuration lacks',
    edit: replace(
      `    type: oauth2ClientCredentials
    tokenUrl: /oauth/token`,
      `    type: oauth2AuthorizationCode
    authorizeUrl: https://tiny-desk.example/oauth/authorize
    askFor: [clientId, subdomain]
    tokenUrl: /oauth/token`
    ),
    path: 'http.auth.askFor[1]',
    message: /^'subdomain' is not a configuration field \(fields: clientId, clientSecret, webhookToken, apiBaseUrl\)$/,
  },
  {
    name: "the connected account's identifier reading what is not there",
    edit: replace(
      `    type: oauth2ClientCredentials
    tokenUrl: /oauth/token`,
      `    type: oauth2AuthorizationCode
    authorizeUrl: https://tiny-desk.example/oauth/authorize
    identifier: "{{ input.name }}"
    tokenUrl: /oauth/token`
    ),
    path: 'http.auth.identifier',
    message: /^unknown name 'input'.*names here are .*token/,
  },
  {
    name: 'a signature pattern RE2 cannot run (lookahead: backtracking a pasted manifest could stall the process on)',
    edit: replace(
      `    type: token
    in: header
    name: X-Tiny-Token
    value: "{{ config.webhookToken }}"`,
      `    type: hmac
    algorithm: sha256
    secret: "{{ config.webhookToken }}"
    signature: { header: X-Sig, encoding: hex, pattern: "v1=(?=[0-9a-f]+)([0-9a-f]+)" }`
    ),
    path: 'inbound.verify.signature.pattern',
    message: /^not a pattern RE2 can run \(linear time, no lookaround\): /,
  },
  {
    name: 'a template written where an expression goes',
    edit: replace('capture: { customerId: response.body.id }', 'capture: { customerId: "{{ response.body.id }}" }'),
    path: 'actions.createUser.steps[0].capture.customerId',
    message: /^JSONata syntax error: .* \(this field is an expression, not a template: write it without \{\{ \}\}\)$/,
  },
  {
    name: 'an expression written where a template goes',
    edit: replace('result: { externalId: "{{ customerId }}" }', 'result: { externalId: "customerId.value" }'),
    path: 'actions.createUser.result.externalId',
    message:
      "'customerId.value' would be sent as this very text: this field is a template, write {{ customerId.value }} to read the value",
  },
  {
    name: 'item outside forEach',
    edit: replace('text: "{{ message.text }}"', 'text: "{{ item }}"'),
    path: 'messages.text.steps[0].request.body.json.text',
    message: /^unknown name 'item'/,
  },
  {
    name: 'unknown function',
    edit: replace('subject: "{{ input.title }}"', 'subject: "{{ $char(10) }}"'),
    path: 'actions.startHitl.steps[1].request.body.json.subject',
    message: /^unknown function \$char/,
    where: (t) => at(t, '$char'),
  },
  {
    name: 'rename not a Botpress name',
    edit: replace('model: ticket', 'model: ticket\ndefinition:\n  actions:\n    startHitl: { name: Create-Ticket }'),
    path: 'definition.actions.startHitl.name',
    message: "'Create-Ticket' is not a valid Botpress name (a lowercase letter, then letters and digits)",
    where: (t) => at(t, 'Create-Ticket'),
  },
  {
    name: 'renames that clash',
    edit: replace('model: ticket', 'model: ticket\ndefinition:\n  actions:\n    startHitl: { name: createUser }'),
    path: 'definition.actions.startHitl.name',
    message: "action name 'createUser' is used twice",
  },
  {
    name: 'no text message operation',
    edit: (b) =>
      b.replace(
        /messages:\n {2}text:\n( {4}.*\n| {6}.*\n)+/,
        'messages:\n  image:\n    steps: [{ name: x, request: { method: GET, path: /x } }]\n'
      ),
    path: 'messages',
    message: "missing required field 'text'",
  },
  {
    name: 'empty steps',
    edit: replace(
      '      - name: closeTicket\n        request: { method: DELETE, path: "/tickets/{{ session.ticketId }}" }',
      '      []'
    ),
    path: 'actions.stopHitl.steps',
    message: 'must NOT have fewer than 1 items',
  },
  {
    name: 'echoes left to matchers, none of which ignores anything',
    edit: replace('events:\n  matchers:', 'events:\n  echoes: matchers\n  matchers:'),
    path: 'events.echoes',
    message: /echoes: matchers needs a matcher that ignores our own posts \(emit: ignore\)/,
    where: (t) => at(t, 'echoes: matchers', 'echoes: '.length),
  },
]

describe('broken manifests', () => {
  it('the base manifest is valid', () => {
    expect(() => loadManifest(BASE, FILE)).not.toThrow()
  })

  it(`has at least 25 distinct cases (${cases.length})`, () => {
    expect(new Set(cases.map((c) => c.name)).size).toBeGreaterThanOrEqual(25)
  })

  for (const c of cases) {
    it(`refuses: ${c.name}`, () => {
      const text = c.edit(BASE)
      const found = problems(text)
      const problem = found.find(
        (p) =>
          p.path === c.path && (typeof c.message === 'string' ? p.message === c.message : c.message.test(p.message))
      )
      expect(
        problem,
        `problems were:\n${found.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`).join('\n')}`
      ).toBeDefined()
      expect(problem!.file).toBe(FILE)
      if (c.where) expect({ line: problem!.line, column: problem!.column }).toEqual(c.where(text))
    })
  }

  it('says one line per problem: a misspelt accept entry is its misspelling, not three ways of saying it', () => {
    const text = BASE.replace('retryOn: [409]', 'retryOn: [409]\n        accept: [404, { status: 409, whn: "true" }]')
    expect(problems(text).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "actions.startHitl.steps[0].accept[1].whn: unknown field 'whn' (did you mean 'when'?)",
    ])
  })

  it('notes a one-item list sent as its item (JSONata), where it is written, without refusing the manifest', () => {
    const text = BASE.replace(
      'capture: { ticketId: $string(response.body.id) }',
      'capture: { ticketId: $string(response.body.id) }\n      - name: tag\n        forEach: "[1, 2]"\n        request: { method: POST, path: /tags, body: { json: { n: "{{ item }}" } } }\n        capture: { tag: response.body.tag }\n      - name: label\n        request: { method: POST, path: /labels, body: { json: { tags: "{{ tag.name }}" } } }'
    )
    const plan = loadManifest(text, FILE)
    expect(plan.notes.map((n) => `${n.line}:${n.column} ${n.path}: ${n.message}`)).toEqual([
      `${at(text, '"{{ tag.name }}"').line}:${at(text, '"{{ tag.name }}"').column} actions.startHitl.steps[3].request.body.json.tags: tag is a list: tag.name gives a single value, not a list, when it has one item (JSONata); write "{{ [tag.name] }}" if the helpdesk expects a list`,
    ])
  })

  it('reports every problem of a manifest at once', () => {
    const text = BASE.replace('model: ticket', 'model: chat')
      .replace('version: 0.0.1', 'version: v1')
      .replace('maxRetries: 2', 'maxRetries: 50')
    expect(
      problems(text)
        .map((p) => p.path)
        .sort()
    ).toEqual(['http.retry.maxRetries', 'model', 'version'])
  })

  it('reports the schema’s and the compiler’s problems in one run (three mistakes, three problems)', () => {
    const text = BASE.replace('model: ticket', 'model: chat')
      .replace('subject: "{{ input.title }}"', 'subject: "{{ inptu.title }}"')
      .replace('path: /queues/default', 'path: "/queues/{{ config.clientSecret }}"')
    const found = problems(text)
    expect(found.map((p) => p.path).sort()).toEqual([
      'actions.startHitl.steps[0].request.path',
      'actions.startHitl.steps[1].request.body.json.subject',
      'model',
    ])
    expect(found.map((p) => p.message)).toContainEqual(expect.stringMatching(/^unknown name 'inptu'/))
  })
})
