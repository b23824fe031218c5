/**
 * The README's bot, run with Botpress' real HITL plugin (1.4.0): built as a bot builder builds it (the official
 * CLI's `bp add` of the plugin and of this integration, the README's own bot.definition.ts, `bp build`, `tsc`),
 * then driven through whole sessions against the sandbox helpdesk, Botpress dispatching between the bot and the
 * integration as it does (testkit/bot-runtime.ts), every action, event and message held to the integration's
 * definition and every Botpress call to Botpress' API description.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startPlayground, type Playground } from '../../playground/playground'
import { AGENTS } from '../../playground/sandbox-helpdesk'
import definition from '../../integration.definition'
import { makeBotProject } from '../../testkit/bot-project'
import { BotRuntime } from '../../testkit/bot-runtime'
import { overHttp } from '../../testkit/botpress-caller'
import { available, skipTitle } from '../support/prerequisites'

const runnable = available('plugin') && available('cli')

if (!runnable) {
  describe('the README bot with the real HITL plugin', () => {
    it.skip(skipTitle(available('plugin') ? 'cli' : 'plugin'), () => {})
  })
}

describe.runIf(runnable)('the README bot with the real HITL plugin', () => {
  let pg: Playground
  let rt: BotRuntime
  let sessions = 0

  beforeAll(async () => {
    const project = makeBotProject()
    pg = await startPlayground({ port: 0, log: () => {} })
    process.env.BP_API_URL = pg.botpress.url
    const bot = require(project.bundle) as { handler: ConstructorParameters<typeof BotRuntime>[1]['handler'] }
    rt = new BotRuntime(
      pg.botpress,
      bot,
      overHttp(pg.integrationUrl),
      {
        alias: 'helpdesk-hitl',
        configurationType: 'sandbox',
        configuration: { url: pg.sandbox!.url, apiToken: pg.sandbox!.apiToken },
      },
      definition
    )
  }, 300_000)
  afterAll(() => pg?.stop())
  afterEach(async () => {
    await rt.settled()
    expect(rt.failures).toEqual([])
    expect(pg.botpress.violations).toEqual([])
  })

  /** An end user in another channel, who has said something, and the session the plugin starts for them. */
  async function escalate(overrides: Record<string, unknown> = {}) {
    const n = ++sessions
    const now = new Date().toISOString()
    const user = { id: `user_up_${n}`, name: 'Ada Lovelace', tags: {}, createdAt: now, updatedAt: now }
    const upstream = {
      id: `conv_up_${n}`,
      channel: 'channel',
      integration: 'telegram',
      tags: {},
      createdAt: now,
      updatedAt: now,
    }
    pg.botpress.users.set(user.id, user)
    pg.botpress.conversations.set(upstream.id, upstream)
    await rt.userSays(upstream.id, user.id, 'My parcel never came')
    await rt.action('hitl#startHitl', {
      conversationId: upstream.id,
      userId: user.id,
      userEmail: 'ada@example.com',
      title: `Parcel ${n}`,
      description: 'The user asked for a human',
      ...(Object.keys(overrides).length && { configurationOverrides: overrides }),
    })
    const downstream = [...pg.botpress.conversations.values()].find(
      (c) => c.channel === 'hitl' && c.tags['hitl#upstream'] === upstream.id
    )
    expect(downstream, 'the plugin linked a HITL conversation').toBeDefined()
    const ticketId = downstream!.tags.id as string
    return { user, upstream, downstream: downstream!, ticketId, ticket: () => pg.sandbox!.tickets.get(ticketId)! }
  }

  /** What the end user saw in their own channel: the bot's messages there. */
  const shown = (conversationId: string) =>
    pg.botpress
      .messagesIn(conversationId)
      .filter((m) => m.direction === 'outgoing')
      .map((m) => m.payload.text ?? `[${m.type}] ${m.payload.imageUrl ?? m.payload.fileUrl ?? ''}`)

  const agent = (ticketId: string, action: 'assign' | 'reply' | 'close', body: Record<string, unknown> = {}) =>
    fetch(`${pg.sandbox!.url}/agent/api/tickets/${ticketId}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agentId: AGENTS[0]!.id, ...body }),
    })

  it('starts a session: the ticket has the conversation so far, the user is told', async () => {
    const { upstream, ticket } = await escalate()
    expect(ticket().subject).toMatch(/^Parcel \d+$/)
    expect(
      ticket()
        .messages.map((m) => m.text)
        .join('\n')
    ).toContain('My parcel never came')
    expect(shown(upstream.id)).toContain(
      'I have escalated this conversation to a human agent. They should be with you shortly.'
    )
  })

  it('carries an agent’s assignment, replies and files to the user, and the user’s messages to the ticket', async () => {
    const { user, upstream, ticketId, ticket } = await escalate()
    await agent(ticketId, 'assign')
    await agent(ticketId, 'reply', {
      text: 'Hello Ada, here is your label.',
      attachments: [
        { name: 'label.png', contentType: 'image/png', data: Buffer.from('PNG label').toString('base64') },
        { name: 'label.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 label').toString('base64') },
      ],
    })
    await expect
      .poll(async () => (await rt.settled(), shown(upstream.id)))
      .toEqual(
        expect.arrayContaining([
          'A human agent has joined the conversation.',
          'Hello Ada, here is your label.',
          expect.stringMatching(/^\[image\] /),
          expect.stringMatching(/^\[file\] /),
        ])
      )
    // The user's files open: re-hosted in Botpress from the sandbox, behind its auth.
    const file = pg.botpress.messagesIn(upstream.id).find((m) => m.direction === 'outgoing' && m.type === 'file')!
    const opened = await rt.integration.open(file.payload.fileUrl)
    expect(await opened.text()).toBe('%PDF-1.4 label')
    // The user answers, with a picture: both reach the ticket as the customer's.
    await rt.userSays(upstream.id, user.id, 'Thanks, it worked')
    await rt.userSends(upstream.id, user.id, 'image', { imageUrl: `${pg.url}/parcel.svg` })
    await expect
      .poll(() =>
        ticket()
          .messages.filter((m) => m.author.type === 'customer')
          .slice(-2)
      )
      .toEqual([
        expect.objectContaining({ text: 'Thanks, it worked' }),
        expect.objectContaining({ attachments: [expect.objectContaining({ url: `${pg.url}/parcel.svg` })] }),
      ])
  })

  it('ends on the user’s /end: the closing note reaches the ticket before it closes', async () => {
    const { user, upstream, ticketId, ticket } = await escalate()
    await agent(ticketId, 'assign')
    await rt.userSays(upstream.id, user.id, '/end')
    await expect.poll(() => ticket().status).toBe('closed')
    const events = ticket().events
    const noted = events.findIndex(
      (e) => e.type === 'message.created' && /ended the session/i.test(e.message?.text ?? '')
    )
    expect(noted, 'the plugin’s closing note is in the ticket').toBeGreaterThanOrEqual(0)
    expect(events.findIndex((e) => e.type === 'ticket.closed')).toBeGreaterThan(noted)
    expect(ticket().closedBy).toEqual({ type: 'api' })
    expect(shown(upstream.id)).toContain(
      'You have ended the session with the human agent. I will continue assisting you.'
    )
  })

  it('ends when the agent closes the ticket: the user is told, once', async () => {
    const { upstream, ticketId } = await escalate()
    await agent(ticketId, 'assign')
    await agent(ticketId, 'close')
    const stopped = 'The human agent closed the conversation. I will continue assisting you.'
    await expect.poll(async () => (await rt.settled(), shown(upstream.id))).toContain(stopped)
    expect(shown(upstream.id).filter((t) => t === stopped)).toHaveLength(1)
  })

  it('stops a session no agent takes when the plugin’s timeout fires, closing the ticket', async () => {
    const { upstream, ticket } = await escalate({ agentAssignedTimeoutSeconds: 1 })
    await expect.poll(async () => (await rt.settled(), ticket().status)).toBe('closed')
    expect(shown(upstream.id)).toContain(
      'No human agent is available at the moment. Please try again later. I will continue assisting you for the time being.'
    )
  })
})
