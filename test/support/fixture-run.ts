/**
 * A fixture's sessions (test/fixtures/providers/<id>.yaml) run through the bundled integration: a whole session
 * against a helpdesk stand-in answering as the fixture says, each request checked, and every vendor-shaped
 * webhook delivered signed (then again, then tampered) with its effect on Botpress checked; each scenario a
 * session of its own; a helpdesk that is polled, a session of its own polled round by round (each round twice).
 * Run by test/providers.test.ts against the stand-in, and by test/contract.test.ts through the vendor's description.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { providersDir } from '../../build/providers'
import { loadManifest } from '../../src/manifest/load'
import { configurationName } from '../../src/botpress/names'
import { IDS } from './botpress'
import {
  fill,
  jwksOf,
  signWebhook,
  stateVars,
  scenariosOf,
  type ExpectedRequest,
  type Fixture,
  type PollOutcome,
  type Scenario,
  type WebhookCase,
} from '../../testkit/fixture'
import { FILE_BYTES, routePattern, type Recorded } from '../../testkit/helpdesk'
import { caller, type useStandIns } from './session'

type StandIns = ReturnType<typeof useStandIns>
export const WEBHOOK_URL = `https://webhook.botpress.cloud/${IDS.webhookId}`

/**
 * The fixture once the session's ticket id is known: held to the fixture's (its value, or its pattern for an id the
 * manifest makes itself), and filled in wherever later parts name it as {ticketId}.
 */
function withTicketId(f: Fixture, actual: string | undefined): Fixture {
  const want = f.startHitl.ticketId
  if (typeof want === 'string' || want === undefined) expect(actual).toBe(want)
  else expect(actual).toMatch(new RegExp(want.matches))
  return fill(f, { ticketId: actual ?? '' })
}

/**
 * Describes every session of one fixture. `apiBase` is where the integration's API calls go: the stand-in itself,
 * or a proxy in front of it, which a fixture's strings then call {helpdesk} too (links into the helpdesk's API).
 */
export function describeFixture(
  ctx: StandIns,
  file: Fixture,
  { apiBase = () => ctx.helpdesk.url }: { apiBase?: () => string } = {}
) {
  const fillers = () => ({
    files: ctx.helpdesk.filesUrl,
    storage: `${ctx.helpdesk.storageUrl}/_downloads`,
    secondHost: ctx.helpdesk.storageUrl,
    webhookUrl: WEBHOOK_URL,
    helpdesk: apiBase(),
  })
  for (const raw of scenariosOf(file)) describeSession(raw)
  if (file.polls) describePolls(file)
  describeEchoes(file)

  function expectRequests(actual: Recorded[], expected: ExpectedRequest[], what: string) {
    const shown = actual
      .map((r) => `${r.method} ${r.path} ${r.json ? JSON.stringify(r.json) : r.form ? JSON.stringify(r.form) : ''}`)
      .join('\n')
    expect(actual.length, `${what}: requests sent were\n${shown}`).toBe(expected.length)
    expected.forEach((e, i) => {
      const a = actual[i]!
      expect(`${a.method} ${a.path}`, `${what} request ${i + 1}`).toBe(`${e.method} ${e.path}`)
      if (e.query) expect(a.query, `${what} request ${i + 1} query`).toMatchObject(e.query)
      if (e.headers)
        expect(a.headers, `${what} request ${i + 1} headers`).toMatchObject(
          Object.fromEntries(Object.entries(e.headers).map(([k, v]) => [k.toLowerCase(), v]))
        )
      if (e.json !== undefined) expect(a.json, `${what} request ${i + 1} body`).toMatchObject(e.json as object)
      if (e.form !== undefined) expect(a.form, `${what} request ${i + 1} form`).toMatchObject(e.form)
      if (e.multipart !== undefined)
        expect(a.multipart, `${what} request ${i + 1} multipart`).toMatchObject(e.multipart as object)
    })
  }

  /** One session of a fixture (its own, or a scenario's), step by step; a step expected to fail ends it there. */
  function describeSession(raw: Scenario) {
    describe(`provider ${raw.provider}${raw.scenario ? `, scenario: ${raw.scenario}` : ''}`, () => {
      let f: Scenario
      let bp: ReturnType<typeof caller>
      let seen = 0
      /** Requests the integration made while handling early webhooks: not part of the action under test. */
      const byWebhooks = new Set<Recorded>()
      const newRequests = () => {
        const all = ctx.helpdesk.calls()
        const fresh = all.slice(seen).filter((r) => !byWebhooks.has(r))
        seen = all.length
        return fresh
      }
      /** A vendor-shaped webhook, signed (or tampered) as the fixture says, delivered as Botpress delivers it. */
      const deliver = (w: WebhookCase, tamper = false) => {
        const body = typeof w.body === 'string' ? w.body : JSON.stringify(w.body)
        const state = ctx.api.states.get(`integration/${IDS.integrationId}/lifecycle`)?.payload.values
        const signed = signWebhook(f.webhooks!.sign, body, { url: WEBHOOK_URL, tamper, state })
        return bp.webhook({
          headers: { 'content-type': w.contentType ?? 'application/json', ...w.headers, ...signed.headers },
          query: signed.query,
          body: signed.body ?? body,
        })
      }

      beforeAll(() => {
        ctx.api.reset()
        ctx.helpdesk.requests.length = 0
        f = fill(raw, fillers())
        ctx.helpdesk.answer(f.routes)
        const sign = f.webhooks?.sign
        if (sign?.type === 'jwt') ctx.helpdesk.on('GET', sign.jwksPath, () => ({ status: 200, body: jwksOf(sign) }))
        bp = caller(
          ctx,
          { ...f.configuration, apiBaseUrl: `${apiBase()}${f.apiPath ?? ''}` },
          configurationName(f.provider)
        )
      })

      it('registers', async () => {
        const res = await bp.register()
        expect(res.status, JSON.stringify(res.body)).toBe(200)
        const kept = ctx.api.states.get(`integration/${IDS.integrationId}/lifecycle`)?.payload.values
        expectRequests(newRequests(), fill(f.register?.requests ?? [], stateVars(kept)), 'register')
        // What it stores, besides what it generated itself (random: the fixture cannot know it).
        if (f.register?.state) expect(kept).toMatchObject(f.register.state)
      })

      let userId: string
      let conversationId: string

      it(raw.createUser.fails ? 'fails to create the end user, as expected' : 'creates the end user', async () => {
        if (f.createUser.fails) {
          await expect(bp.action('createUser', f.createUser.input)).rejects.toThrow(new RegExp(f.createUser.fails))
          return expectRequests(newRequests(), f.createUser.requests ?? [], 'createUser')
        }
        ;({ userId } = await bp.action('createUser', f.createUser.input))
        expectRequests(newRequests(), fill(f.createUser.requests ?? [], { botpressUserId: userId }), 'createUser')
        // {botpressUserId}: a helpdesk where the end user lives in Botpress only (Slack).
        expect(ctx.api.users.get(userId)!.tags.id).toBe(fill(f.createUser.externalId, { botpressUserId: userId }))
      })
      if (raw.createUser.fails) return

      if (raw.startHitl.fails) {
        it('fails to start the HITL session, as expected', async () => {
          await expect(bp.action('startHitl', { userId, messageHistory: [], ...f.startHitl.input })).rejects.toThrow(
            new RegExp(f.startHitl.fails!)
          )
          expectRequests(newRequests(), fill(f.startHitl.requests ?? [], { botpressUserId: userId }), 'startHitl')
        })
        return
      }

      it('starts the HITL session', async () => {
        const history = [
          { source: { type: 'user', userId }, type: 'text', payload: { text: 'My order is late' } },
          { source: { type: 'bot' }, type: 'text', payload: { text: 'Let me get a human' } },
        ]
        const early = f.startHitl.early
        const answers: { name: string; status: number }[] = []
        if (early) {
          // The helpdesk's rules fire while it creates the ticket: their webhooks are delivered before it answers.
          const route = f.routes.find((r) => r.method === early.during.method && r.path === early.during.path)!
          ctx.helpdesk.on(route.method, route.path, async () => {
            const before = ctx.helpdesk.requests.length
            for (const w of early.events) answers.push({ name: w.name, status: (await deliver(w)).status })
            for (const r of ctx.helpdesk.requests.slice(before)) byWebhooks.add(r)
            return { status: route.status ?? 200, headers: route.headers, body: route.body }
          })
        }
        ;({ conversationId } = await bp.action('startHitl', { userId, messageHistory: history, ...f.startHitl.input }))
        const returnedAt = Date.now()
        f = withTicketId(f, ctx.api.conversations.get(conversationId)!.tags.id)
        expectRequests(
          newRequests(),
          fill(f.startHitl.requests ?? [], { botpressUserId: userId, botpressConversationId: conversationId }),
          'startHitl'
        )
        if (!early) return
        expect(answers, 'early webhooks were answered 200 (kept)').toEqual(
          early.events.map((w) => ({ name: w.name, status: 200 }))
        )
        const route = f.routes.find((r) => r.method === early.during.method && r.path === early.during.path)!
        ctx.helpdesk.on(route.method, route.path, () => ({
          status: route.status ?? 200,
          headers: route.headers,
          body: route.body,
        }))
        // Each reached Botpress once, in its order, none before startHitl returned (the HITL plugin would drop it).
        const landed = [
          ...ctx.api.events.filter((e) => e.conversationId === conversationId).map((e) => ({ what: e.type, id: e.id })),
          ...ctx.api
            .messagesIn(conversationId)
            .filter((m) => m.direction === 'incoming')
            .map((m) => ({ what: m.payload.text ?? m.type, id: m.id })),
        ]
        const wanted = early.events.map((w) =>
          'event' in w.expect ? w.expect.event : 'message' in w.expect ? w.expect.message.text : undefined
        )
        expect(landed.map((l) => l.what).sort()).toEqual([...wanted].sort())
        for (const l of landed)
          expect(ctx.api.deliverAt.get(l.id)!, `${l.what} lands after startHitl returned`).toBeGreaterThanOrEqual(
            returnedAt
          )
        const order = landed
          .sort((a, b) => ctx.api.deliverAt.get(a.id)! - ctx.api.deliverAt.get(b.id)!)
          .map((l) => l.what)
        expect(order, 'in the order the helpdesk sent them').toEqual(wanted)
        for (const w of early.events) {
          if ('event' in w.expect && w.expect.event === 'hitlAssigned') {
            const event = ctx.api.events.find((e) => e.conversationId === conversationId && e.type === 'hitlAssigned')!
            expect(ctx.api.users.get(event.payload.userId)!.tags.agentId, w.name).toBe(w.expect.agentId)
          }
        }
      })

      it('posts end-user and bot messages', async () => {
        for (const [i, m] of f.messages.entries()) {
          const payload = m.send.from === 'user' ? { ...m.send.payload, userId } : m.send.payload
          const res = await bp.send(conversationId, m.send.type, payload)
          if (m.fails) {
            expect(res.status, `message ${i + 1} must fail`).not.toBe(200)
            expect(String(res.body?.message), `message ${i + 1}`).toMatch(new RegExp(m.fails))
          } else expect(res.status, `message ${i + 1}: ${JSON.stringify(res.body)}`).toBe(200)
          expectRequests(newRequests(), m.requests ?? [], `message ${i + 1} (${m.send.type} from ${m.send.from})`)
          if (m.messageId)
            expect(ctx.api.messages.get(res.message.id)!.tags.id, `message ${i + 1} ack`).toBe(m.messageId)
        }
      })

      // A helpdesk that is only polled has no webhooks: its polls say what arrives (describePolls).
      if (raw.webhooks)
        it('maps vendor webhooks: agent reply, assignment, closing, echoes and the rest', async () => {
          for (const w of f.webhooks!.events) {
            const messagesBefore = ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming').length
            const eventsBefore = ctx.api.events.length
            if (f.webhooks!.sign.type !== 'none')
              expect((await deliver(w, true)).status, `${w.name}: tampered`).toBe(401)
            const res = await deliver(w)
            if ('reply' in w.expect) {
              expect(res.status, w.name).toBe(w.expect.reply.status)
              if (w.expect.reply.body !== undefined)
                expect(typeof res.body === 'string' ? res.body : JSON.stringify(res.body), w.name).toBe(
                  w.expect.reply.body
                )
              continue
            }
            expect(res.status, `${w.name}: ${JSON.stringify(res.body)}`).toBe(200)
            if (w.echoOf) expect(w.expect, `${w.name}: the echo of our own post is ignored`).toEqual({ ignored: true })
            const incoming = ctx.api
              .messagesIn(conversationId)
              .filter((m) => m.direction === 'incoming')
              .slice(messagesBefore)
            const events = ctx.api.events.slice(eventsBefore)
            if ('ignored' in w.expect) {
              expect(incoming, `${w.name}: no message`).toEqual([])
              expect(events, `${w.name}: no event`).toEqual([])
            } else if ('message' in w.expect) {
              const want = w.expect.message
              const parts = [
                ...(want.text !== undefined ? [{ type: 'text', payload: { text: want.text } }] : []),
                ...(want.attachments ?? []),
              ]
              expect(incoming.length, `${w.name}: ${JSON.stringify(incoming)}`).toBe(parts.length)
              for (const [i, p] of parts.entries()) {
                expect(incoming[i]!.type, w.name).toBe(p.type)
                if ('payload' in p) expect(incoming[i]!.payload, w.name).toEqual(p.payload)
                else if ('url' in p) expect(Object.values(incoming[i]!.payload), w.name).toContain(p.url)
                else await expectRehosted(f, bp, w.name, incoming[i]!.payload, p.rehosted)
              }
              const agent = ctx.api.users.get(incoming[0]!.userId)!
              expect(agent.tags.agentId, w.name).toBe(want.agentId)
              if (want.agentName) expect(agent.name, w.name).toBe(want.agentName)
              // Events raised beside the message (its agent taking the session), exactly those.
              expect(
                events.map((e) => ({
                  event: e.type,
                  ...(e.type === 'hitlAssigned' ? { agentId: ctx.api.users.get(e.payload.userId)?.tags.agentId } : {}),
                })),
                `${w.name}: its events`
              ).toMatchObject((w.alsoEvents ?? []).map((e) => ({ ...e })))
              expect(events.length, `${w.name}: its events`).toBe(w.alsoEvents?.length ?? 0)
              expect((await deliver(w)).status, `${w.name}: redelivered`).toBe(200)
              expect(
                ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming').length,
                `${w.name}: redelivery creates nothing`
              ).toBe(messagesBefore + parts.length)
            } else {
              expect(
                events.map((e) => e.type),
                w.name
              ).toEqual([w.expect.event])
              expect(events[0]!.payload.conversationId, w.name).toBe(conversationId)
              if (w.expect.event === 'hitlAssigned') {
                const agent = ctx.api.users.get(events[0]!.payload.userId)!
                expect(agent.tags.agentId, w.name).toBe(w.expect.agentId)
                if (w.expect.agentName) expect(agent.name, w.name).toBe(w.expect.agentName)
              }
            }
          }
        })

      if (!raw.scenario)
        it("has an agent's image and PDF reach the end user (its fixture shows both)", () => {
          const outcomes = [
            ...(f.webhooks?.events ?? []).map((w) => w.expect),
            ...(f.startHitl.early?.events ?? []).map((w) => w.expect),
            ...(f.polls?.rounds ?? []).flatMap((r) => r.expect),
          ]
          const delivered = outcomes.flatMap((o) => ('message' in o ? (o.message.attachments ?? []) : []))
          expect(delivered.map((a) => a.type)).toEqual(expect.arrayContaining(['image', 'file']))
        })

      it(raw.stopHitl.fails ? 'fails to stop the session, as expected' : 'stops the session', async () => {
        newRequests()
        if (f.stopHitl.fails)
          await expect(bp.action('stopHitl', { conversationId })).rejects.toThrow(new RegExp(f.stopHitl.fails))
        else expect(await bp.action('stopHitl', { conversationId })).toEqual({})
        expectRequests(newRequests(), f.stopHitl.requests ?? [], 'stopHitl')
      })

      it('unregisters', async () => {
        expect((await bp.unregister()).status).toBe(200)
        expectRequests(newRequests(), f.unregister?.requests ?? [], 'unregister')
      })
    })
  }

  /** An installation that polls: a session of its own, polled round by round, each round twice. */
  function describePolls(raw: Fixture) {
    describe(`provider ${raw.provider}, polled`, () => {
      let f: Fixture
      let bp: ReturnType<typeof caller>
      let conversationId: string
      const polls = () => f.polls!

      beforeAll(async () => {
        ctx.api.reset()
        ctx.helpdesk.requests.length = 0
        f = fill(raw, fillers())
        ctx.helpdesk.answer(f.routes)
        const configuration = Object.fromEntries(
          Object.entries({ ...f.configuration, ...polls().configuration }).filter(([, v]) => v !== null)
        )
        bp = caller(
          ctx,
          { ...configuration, apiBaseUrl: `${apiBase()}${f.apiPath ?? ''}` },
          configurationName(f.provider)
        )
        expect((await bp.register()).status).toBe(200)
        const { userId } = await bp.action('createUser', f.createUser.input)
        ;({ conversationId } = await bp.action('startHitl', { userId, messageHistory: [], ...f.startHitl.input }))
        f = withTicketId(f, ctx.api.conversations.get(conversationId)!.tags.id)
      })

      it('refuses webhooks: nothing is expected there', async () => {
        const res = await bp.webhook({ headers: { 'content-type': 'application/json' }, body: '{}' })
        expect(res.status).toBe(404)
      })

      it('brings what each poll finds to Botpress once', async () => {
        for (const round of polls().rounds) {
          ctx.helpdesk.answer(round.routes)
          const messagesBefore = ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming').length
          const eventsBefore = ctx.api.events.length
          const before = ctx.helpdesk.requests.length
          await bp.action('pollHelpdesk', { conversationId })
          if (round.requests) expectRequests(ctx.helpdesk.requests.slice(before), round.requests, round.name)
          await bp.action('pollHelpdesk', { conversationId })
          const incoming = ctx.api
            .messagesIn(conversationId)
            .filter((m) => m.direction === 'incoming')
            .slice(messagesBefore)
          const events = ctx.api.events.slice(eventsBefore)
          await expectLanded(f, bp, round.name, round.expect, incoming, events)
        }
      })

      it('stops polling the session it stopped', async () => {
        expect(await bp.action('stopHitl', { conversationId })).toEqual({})
        const before = ctx.helpdesk.requests.length
        expect(await bp.action('pollHelpdesk', {})).toEqual({ polled: 0, events: 0 })
        expect(ctx.helpdesk.requests.length).toBe(before)
      })
    })
  }

  /**
   * The attachment reached the end user as a Botpress file holding what the helpdesk served: at `want.path` with
   * its credentials (followed without them where that answers a redirect to its storage host), or, for a temporary
   * link, at `want.path` on the storage host without credentials.
   */
  async function expectRehosted(
    f: Fixture,
    bp: ReturnType<typeof caller>,
    what: string,
    payload: Record<string, unknown>,
    want: { path: string; headers?: Record<string, string>; holds?: string; contentType?: string }
  ) {
    // Nothing fetched while the webhook was handled: the file is re-hosted when the end user first opens it.
    const downloads = () => ctx.helpdesk.requests.filter((r) => r.method === 'GET' && r.path === want.path)
    const storage = new URL(ctx.helpdesk.storageUrl).host
    const atStorage = () => ctx.helpdesk.requests.filter((r) => r.headers.host === storage)
    const before = downloads().length
    const storedBefore = atStorage().length
    const url = Object.values(payload).find((v) => typeof v === 'string' && /^https?:/.test(v)) as string
    expect(url, `${what}: a link in ${JSON.stringify(payload)}`).toBeDefined()
    // As the stand-in answers: the last route given for a path wins.
    const route = [...f.routes]
      .reverse()
      .find((r) => r.method === 'GET' && routePattern(r.path).pattern.test(want.path))
    // The file itself: the route's answer, or the stand-in's file where the route (or nothing) sends on to it.
    const redirect = route?.status && route.status >= 300 && route.status < 400 ? route.headers?.location : undefined
    const served =
      want.holds !== undefined
        ? { type: want.contentType, bytes: Buffer.from(want.holds) }
        : route && !redirect
          ? { type: route.headers?.['content-type'], bytes: Buffer.from(String(route.body)) }
          : { type: /\.png$/.test(redirect ?? want.path) ? 'image/png' : 'application/pdf', bytes: FILE_BYTES }
    const got = await bp.open(url)
    expect(got.url.startsWith(ctx.api.url), `${what}: a Botpress file`).toBe(true)
    expect(got.headers.get('content-type'), what).toBe(served.type)
    expect(Buffer.from(await got.arrayBuffer()).equals(served.bytes), `${what}: the file's bytes`).toBe(true)
    const fetched = downloads().slice(before)
    expect(fetched.length, `${what}: downloaded from the helpdesk`).toBe(1)
    for (const r of fetched) expect(r.headers, `${what}: download credentials`).toMatchObject(want.headers ?? {})
    // The storage host never sees the helpdesk's credentials.
    for (const r of atStorage().slice(storedBefore))
      expect(r.headers.authorization, `${what}: no credentials at the storage host`).toBeUndefined()
    // Opened again: the Botpress file at once, nothing downloaded again.
    expect((await bp.open(url)).status).toBe(200)
    expect(downloads().length - before).toBe(1)
  }

  type Landed = ReturnType<typeof ctx.api.messagesIn>
  /** What a poll round brought: the expected agent messages and events, each once, in order. */
  async function expectLanded(
    f: Fixture,
    bp: ReturnType<typeof caller>,
    what: string,
    want: PollOutcome[],
    incoming: Landed,
    events: typeof ctx.api.events
  ) {
    const messages = want.flatMap((w) => ('message' in w ? [w.message] : []))
    const parts = messages.flatMap((m) => [
      ...(m.text !== undefined ? [{ type: 'text', text: m.text, agentId: m.agentId }] : []),
      ...(m.attachments ?? []).map((a) => ({ type: a.type, attachment: a, agentId: m.agentId })),
    ])
    expect(
      incoming.map((m) => m.type),
      `${what}: messages`
    ).toEqual(parts.map((p) => p.type))
    for (const [i, p] of parts.entries()) {
      const got = incoming[i]!
      if ('text' in p) expect(got.payload.text, what).toBe(p.text)
      else if ('url' in p.attachment) expect(Object.values(got.payload), what).toContain(p.attachment.url)
      else await expectRehosted(f, bp, what, got.payload, p.attachment.rehosted)
      expect(ctx.api.users.get(got.userId)!.tags.agentId, what).toBe(p.agentId)
    }
    const wantEvents = want.flatMap((w) => ('event' in w ? [w] : []))
    expect(
      events.map((e) => e.type),
      `${what}: events`
    ).toEqual(wantEvents.map((e) => e.event))
    for (const [i, w] of wantEvents.entries()) {
      if (w.event !== 'hitlAssigned') continue
      const agent = ctx.api.users.get(events[i]!.payload.userId)!
      expect(agent.tags.agentId, what).toBe(w.agentId)
      if (w.agentName) expect(agent.name, what).toBe(w.agentName)
    }
  }
}

/**
 * A manifest that keeps no record of posted texts (events.echoes: matchers) relies on its matchers to ignore the
 * helpdesk's announcements of our posts: its fixture shows one for each author it posts as (echoOf), each ignored
 * above while nothing was recorded.
 */
function describeEchoes(file: Fixture) {
  const path = join(providersDir(), `${file.provider}.yaml`)
  const plan = loadManifest(readFileSync(path, 'utf8'), path)
  if (plan.events.echoes !== 'matchers') return
  it(`provider ${file.provider}: its fixture shows the matchers ignoring our posts (events.echoes: matchers)`, () => {
    const cases = scenariosOf(file).flatMap((s) => s.webhooks?.events ?? [])
    const authors = new Set(file.messages.map((m) => m.send.from))
    for (const author of authors)
      expect(
        cases.some((w) => w.echoOf === author),
        `a webhook case with echoOf: ${author} (the helpdesk announcing a ${author} message the integration posted)`
      ).toBe(true)
  })
}
