/** Steps that read values at once or later (src/manifest/expressions/soon.ts): one definition, both ways. */
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { Expression, soon, type Steps } from '../../src/manifest/expressions'
import { loadManifest } from '../../src/manifest/load'
import { ProviderRuntime } from '../../src/runtime/provider'

function* sum(values: unknown[]): Steps<number> {
  let total = 0
  for (const v of values) total += (yield v) as number
  return total
}

describe('soon', () => {
  it('answers at once while every value is there, and with a promise from the first that is not', async () => {
    expect(soon(sum([1, 2, 3]))).toBe(6)
    const later = soon(sum([1, Promise.resolve(2), 3, Promise.resolve(4)]))
    expect(later).toBeInstanceOf(Promise)
    expect(await later).toBe(10)
  })

  it('throws a failed value where it was asked for, so the steps may catch it', async () => {
    function* guarded(): Steps<string> {
      try {
        yield Promise.reject(new Error('slow path failed'))
        return 'not reached'
      } catch (err) {
        return `caught: ${(err as Error).message}; then ${(yield 'at once') as string}`
      }
    }
    expect(await soon(guarded())).toBe('caught: slow path failed; then at once')
  })

  it("lets the steps' own throw out: at once before any promise, as a rejection after one", async () => {
    // eslint-disable-next-line require-yield -- steps that throw before reading anything
    function* early(): Steps<void> {
      throw new Error('refused at once')
    }
    expect(() => soon(early())).toThrow('refused at once')
    function* late(): Steps<void> {
      yield Promise.resolve(1)
      throw new Error('refused later')
    }
    await expect(soon(late())).rejects.toThrow('refused later')
    function* uncaught(): Steps<void> {
      yield Promise.reject(new Error('not caught'))
    }
    await expect(soon(uncaught())).rejects.toThrow('not caught')
  })

  it("reads an expression's value at once on the fast path, and only JSONata's as a promise", async () => {
    const scope = { event: { id: 7, tags: ['a', 'b'] } }
    expect(new Expression('event.id').evaluateSoon(scope)).toBe(7)
    const slow = new Expression('$count(event.tags) * 2').evaluateSoon(scope)
    expect(slow).toBeInstanceOf(Promise)
    expect(await slow).toBe(4)
  })
})

describe("a runtime's webhook", () => {
  const SECRET = 'soon-signing-secret'
  const text = readFileSync(join(__dirname, '..', '..', 'providers', 'zendesk.yaml'), 'utf8')
  const runtime = new ProviderRuntime(loadManifest(text, 'providers/zendesk.yaml'), {
    config: { subdomain: 'acme', email: 'bot@acme.test', apiToken: 't' },
    state: { signingSecret: SECRET, selfId: '42' },
    env: { webhookUrl: 'https://webhook.botpress.cloud/wh' },
  })
  const signed = (event: object, secret = SECRET) => {
    const body = JSON.stringify(event)
    const ts = new Date().toISOString()
    const signature = createHmac('sha256', secret)
      .update(ts + body)
      .digest('base64')
    return {
      method: 'POST',
      path: '/',
      query: '',
      headers: { 'x-zendesk-webhook-signature-timestamp': ts, 'x-zendesk-webhook-signature': signature },
      body,
    }
  }

  it('is verified, parsed and matched at once when every value is on the fast path, and refused at once', async () => {
    const received = runtime.receive(signed({ type: 'zen:event-type:ticket.priority_changed', detail: { id: '77' } }))
    expect(received).not.toBeInstanceOf(Promise)
    const { events, scope } = received as Awaited<typeof received>
    expect(events).toHaveLength(1)
    const outcome = runtime.matchEvent(events[0], scope)
    expect(outcome).not.toBeInstanceOf(Promise)
    expect(outcome).toMatchObject({ kind: 'ignore' })
    // A wrong signature: thrown at once, and awaited (as the binding awaits it) the same refusal.
    const forged = signed({ type: 'zen:event-type:ticket.priority_changed' }, 'not-the-secret')
    expect(() => runtime.receive(forged)).toThrow(/signature/)
    await expect(async () => await runtime.receive(forged)).rejects.toThrow(/signature/)
  })
})

describe('a webhook whose every value comes from JSONata (none on the fast path)', () => {
  const SECRET = 'slow-signing-secret'
  const text = readFileSync(join(__dirname, '..', '..', 'providers', 'zendesk.yaml'), 'utf8')
  // The same reads, written so only JSONata's evaluator can answer them ($replace is not on the fast path).
  const slowly = (e: string) => `$replace($string(${e}), '<never there>', '')`
  const manifest = (slow: boolean) => {
    const m = parse(text)
    const read = (e: string) => (slow ? slowly(e) : `$string(${e})`)
    const verify = m.inbound.verify
    verify.secret = `{{ ${read('state.signingSecret')} }}`
    verify.signedPayload = `{{ ${read('headers.`x-zendesk-webhook-signature-timestamp`')} }}{{ ${read('rawBody')} }}`
    // The way events arrive chosen by JSONata too (an `either`): webhooks, for this configuration.
    if (slow)
      m.inbound = {
        type: 'either',
        when: `${slowly('config.subdomain')} = 'polls'`,
        use: {
          type: 'poll',
          intervalSeconds: 5,
          initialCursor: '{{ 0 }}',
          steps: [{ name: 'events', request: { method: 'GET', path: '/events' }, capture: { found: 'response.body' } }],
          events: 'found',
          cursor: '0',
        },
        otherwise: m.inbound,
      }
    const comment = 'event.event.comment'
    m.events.echoes = undefined
    m.events.matchers = [
      {
        name: 'agentReply',
        when: slow
          ? `${slowly('event.type')} = 'zen:event-type:ticket.comment_added'`
          : 'event.type = "zen:event-type:ticket.comment_added"',
        emit: 'message',
        ticketId: read('event.detail.id'),
        agent: {
          id: read(`${comment}.author.id`),
          name: read(`${comment}.author.name`),
          pictureUrl: read(`${comment}.author.photo`),
          email: read(`${comment}.author.email`),
        },
        message: {
          id: read(`${comment}.id`),
          text: read(`${comment}.body`),
          attachments: slow
            ? `${comment}.files.{ 'url': ${slowly('url')}, 'name': ${slowly('name')} }`
            : `${comment}.files.{ 'url': $string(url), 'name': $string(name) }`,
        },
      },
    ]
    return loadManifest(stringify(m), `providers/zendesk-${slow ? 'slow' : 'fast'}.yaml`)
  }
  const runtimeOf = (slow: boolean) =>
    new ProviderRuntime(manifest(slow), {
      config: { subdomain: 'acme', email: 'bot@acme.test', apiToken: 't' },
      state: { signingSecret: SECRET, selfId: '42' },
      env: { webhookUrl: 'https://webhook.botpress.cloud/wh' },
    })
  const event = (type: string) => ({
    type,
    detail: { id: 77 },
    event: {
      comment: {
        id: 9001,
        body: 'Your parcel left today.',
        author: { id: 8001, name: 'Kim Agent', photo: 'https://pics.example/kim.png', email: 'kim@acme.test' },
        files: [{ url: 'https://files.example/a.pdf', name: 'a.pdf' }],
      },
    },
  })
  const ts = new Date().toISOString()
  const request = (secret: string, type = 'zen:event-type:ticket.comment_added') => {
    const body = JSON.stringify(event(type))
    return {
      method: 'POST',
      path: '/',
      query: '',
      headers: {
        'x-zendesk-webhook-signature-timestamp': ts,
        'x-zendesk-webhook-signature': createHmac('sha256', secret)
          .update(ts + body)
          .digest('base64'),
      },
      body,
    }
  }

  it('is verified and matched as a promise, to the very outcome the fast path gives at once', async () => {
    const [fast, slow] = [runtimeOf(false), runtimeOf(true)]
    const fastReceived = fast.receive(request(SECRET)) as Awaited<ReturnType<typeof fast.receive>>
    expect(fastReceived).not.toBeInstanceOf(Promise)
    const fastOutcome = fast.matchEvent(fastReceived.events[0], fastReceived.scope)
    expect(fastOutcome).not.toBeInstanceOf(Promise)
    expect(fastOutcome).toEqual({
      kind: 'message',
      matcher: 'agentReply',
      ticketId: '77',
      agent: { id: '8001', name: 'Kim Agent', pictureUrl: 'https://pics.example/kim.png', email: 'kim@acme.test' },
      message: {
        id: '9001',
        text: 'Your parcel left today.',
        attachments: [{ url: 'https://files.example/a.pdf', name: 'a.pdf', contentType: undefined }],
      },
    })
    const slowReceived = slow.receive(request(SECRET))
    expect(slowReceived).toBeInstanceOf(Promise)
    const { events, scope } = await slowReceived
    const slowOutcome = slow.matchEvent(events[0], scope)
    expect(slowOutcome).toBeInstanceOf(Promise)
    expect(await slowOutcome).toEqual(fastOutcome)
    // A condition JSONata finds false is false (not a promise taken for true): the event is ignored, as at once.
    const other = await slow.receive(request(SECRET, 'zen:event-type:ticket.priority_changed'))
    expect(await slow.matchEvent(other.events[0], other.scope)).toEqual({
      kind: 'ignore',
      reason: 'no matcher takes this event',
    })
    // The secret read by JSONata, too: a forged signature is refused, as a rejection.
    await expect(async () => await slow.receive(request('not-the-secret'))).rejects.toThrow(/signature/)
  })
})
