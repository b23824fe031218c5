/**
 * Secrets never leave in words: a whole session against a helpdesk that fails everywhere and echoes credentials
 * back in its error bodies, with every line the integration logs and every error it returns captured and searched
 * for the client secret, the access tokens, the basic-auth form of the credentials, the webhook token and a
 * signing secret kept in state.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { IDS } from '../support/botpress'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()
const CLIENT_SECRET = 'cs-SECRET-7f3a9c'
const WEBHOOK_TOKEN = 'wh-SECRET-51d2e8'
const STATE_SECRET = 'st-SECRET-0b6e44'
const ACCESS = (n: number) => `at-SECRET-${n}-9d1f`
const BASIC = Buffer.from(`cid:${CLIENT_SECRET}`).toString('base64')

/** A manifest pasted by a bot builder with the secrets above in its settings. */
const pasted = (m: unknown) =>
  caller(
    ctx,
    {
      manifest: stringify(m),
      settings: { clientId: 'cid', clientSecret: CLIENT_SECRET, webhookToken: WEBHOOK_TOKEN },
      apiBaseUrl: `${ctx.helpdesk.url}/api`,
    },
    null
  )

/** Every string written to the console or stdout/stderr while `run` runs. */
async function capture(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = []
  const originals = {
    log: console.log,
    info: console.info,
    warn: console.warn,
    error: console.error,
    debug: console.debug,
    out: process.stdout.write,
    err: process.stderr.write,
  }
  const keep = (...args: unknown[]) =>
    void lines.push(
      args
        .map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.message}\n${a.stack}` : JSON.stringify(a)))
        .join(' ')
    )
  console.log = console.info = console.warn = console.error = console.debug = keep
  process.stdout.write = ((chunk: unknown) => (lines.push(String(chunk)), true)) as typeof process.stdout.write
  process.stderr.write = ((chunk: unknown) => (lines.push(String(chunk)), true)) as typeof process.stderr.write
  try {
    await run()
  } finally {
    Object.assign(console, {
      log: originals.log,
      info: originals.info,
      warn: originals.warn,
      error: originals.error,
      debug: originals.debug,
    })
    process.stdout.write = originals.out
    process.stderr.write = originals.err
  }
  return lines
}

describe('secrets in a failing session', () => {
  let tokens = 0
  const echo = (headers: Record<string, string>) =>
    `rejected credentials: ${headers.authorization}; client_secret=${CLIENT_SECRET}; hook=${WEBHOOK_TOKEN}; state=${STATE_SECRET}`
  beforeAll(() => {
    ctx.helpdesk
      .on('POST', '/api/oauth/token', () => ({ body: { access_token: ACCESS(++tokens), expires_in: 3600 } }))
      .on('POST', '/api/hooks', () => ({ status: 201, body: { id: 'h1', secret: STATE_SECRET } }))
      .on('DELETE', '/api/hooks/:id', (r) => ({ status: 500, body: { error: echo(r.headers) } }))
      .on('POST', '/api/customers', (r) =>
        tokens < 3 ? { status: 401, body: { message: echo(r.headers) } } : { status: 201, body: { id: 'c1' } }
      )
      .on('GET', '/api/queues/default', () => ({ body: { id: 'q1' } }))
      .on('POST', '/api/tickets', () => ({ status: 201, body: { id: 7 } }))
      .on('POST', '/api/tickets/:id/notes', (r) => ({ status: 422, body: { errors: [{ detail: echo(r.headers) }] } }))
      .on('DELETE', '/api/tickets/:id', (r) => ({
        status: 503,
        headers: { 'retry-after': '0' },
        body: { message: echo(r.headers) },
      }))
  })
  afterEach(() => ctx.api.reset())

  it('never shows a secret in a log line, an error or an answer', async () => {
    const m = parse(readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8'))
    // A webhook subscription whose signing secret is kept in state, as Help Scout's or Zendesk's are.
    m.lifecycle = {
      register: {
        steps: [
          {
            name: 'createHook',
            request: { method: 'POST', path: '/hooks', body: { json: { url: '{{ env.webhookUrl }}' } } },
            capture: { id: 'response.body.id', secret: 'response.body.secret' },
          },
        ],
        store: { hookId: '{{ id }}', signingSecret: '{{ secret }}' },
      },
      unregister: { steps: [{ name: 'deleteHook', request: { method: 'DELETE', path: '/hooks/{{ state.hookId }}' } }] },
    }
    const bp = pasted(m)
    const answers: unknown[] = []
    const errors: string[] = []
    const attempt = async (what: string, run: () => Promise<unknown>) => {
      try {
        answers.push(await run())
      } catch (err) {
        errors.push(`${what}: ${(err as Error).message}`)
      }
    }

    const lines = await capture(async () => {
      await attempt('register', () => bp.register())
      await attempt('createUser fails on 401 twice', () => bp.action('createUser', { name: 'Ada' }))
      tokens = 3
      let userId = ''
      await attempt('createUser', async () => ({ userId } = await bp.action('createUser', { name: 'Ada' })))
      let conversationId = ''
      await attempt(
        'startHitl',
        async () => ({ conversationId } = await bp.action('startHitl', { userId, title: 'Help' }))
      )
      await attempt('message', () => bp.send(conversationId, 'text', { text: 'hello' }))
      await attempt('wrong webhook token', () =>
        bp.webhook({
          headers: { 'content-type': 'application/json', 'x-tiny-token': `${WEBHOOK_TOKEN}x` },
          body: '{"kind":"reply"}',
        })
      )
      await attempt('stopHitl', () => bp.action('stopHitl', { conversationId }))
      await attempt('unregister', () => bp.unregister())
    })

    const everything = [...lines, ...errors, ...answers.map((a) => JSON.stringify(a))].join('\n')
    // The session did fail where the vendor said so, and those failures were reported...
    expect(errors.join('\n')).toMatch(/createUser fails on 401 twice: .*HTTP 401 — rejected credentials: Bearer \*\*\*/)
    expect(errors.join('\n')).toMatch(/stopHitl: .*HTTP 503/)
    expect(everything).toMatch(/HTTP 422 — .*rejected credentials/)
    expect(everything).toMatch(/invalid webhook token in header x-tiny-token/)
    expect(everything).toMatch(/HTTP 500/)
    expect(ctx.api.states.get(`integration/${IDS.integrationId}/lifecycle`)).toBeDefined()
    // ...and not one secret, in any form, is in what was logged or answered.
    for (const secret of [
      CLIENT_SECRET,
      WEBHOOK_TOKEN,
      STATE_SECRET,
      ACCESS(1),
      ACCESS(2),
      ACCESS(3),
      ACCESS(4),
      BASIC,
    ]) {
      expect(everything, `${secret} leaked`).not.toContain(secret)
    }
  })
  it("keeps a session's own token (what startHitl kept, named as a secret) out of every log line and error", async () => {
    const SESSION_TOKEN = 'sess-SECRET-44e1c0'
    const m = parse(readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8'))
    m.actions.startHitl.steps[1].capture.sessionToken = 'response.body.sessionToken'
    m.actions.startHitl.result.data = { sessionToken: '{{ sessionToken }}' }
    m.messages.text.steps[0].request.headers = { 'x-session': '{{ session.data.sessionToken }}' }
    m.messages.text.steps[0].request.path = '/sessions/{{ session.ticketId }}/notes'
    ctx.helpdesk
      .on('POST', '/api/tickets', () => ({ status: 201, body: { id: 8, sessionToken: SESSION_TOKEN } }))
      .on('POST', '/api/sessions/:id/notes', (r) => ({
        status: 422,
        body: { message: `session ${r.headers['x-session']} refused` },
      }))
    tokens = 3
    const bp = pasted(m)
    let answer = ''
    const lines = await capture(async () => {
      const { userId } = await bp.action('createUser', { name: 'Ada' })
      const { conversationId } = await bp.action('startHitl', { userId, title: 'Help' })
      answer = JSON.stringify(await bp.send(conversationId, 'text', { text: 'hello' }))
    })
    const everything = [...lines, answer].join('\n')
    // Kept in state, never on the conversation's tags (which the dashboard shows).
    const [conversation] = [...ctx.api.conversations.values()]
    expect(conversation!.tags.data).toBeUndefined()
    expect([...ctx.api.states.keys()].filter((k) => k.endsWith('/hitlSession'))).toHaveLength(1)
    // The vendor's refusal, with the token it echoed, was reported: the token itself never.
    expect(everything).toMatch(/session \*\*\* refused/)
    expect(everything).not.toContain(SESSION_TOKEN)
  })
})
