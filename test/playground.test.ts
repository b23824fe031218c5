/**
 * The playground in a real browser: headless Chromium from Debian driven by playwright-core walks a whole session
 * through both pages. The end user starts a HITL session and sends a text and a picture; the agent sees the ticket
 * with the conversation so far, assigns it, replies and closes it; the end user sees each of those arrive. Then, with
 * npm start -- --connect, the builder's side of "Connect with …": the Connect link, the Connect page, the sandbox's
 * consent page, and a session on the tokens obtained, past an access token's expiry. Every call the integration made
 * to Botpress is held to Botpress' API description by the stand-in.
 */
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { startPlayground, type Playground } from '../playground/playground'
import { available, PREREQUISITES, skipTitle } from './support/prerequisites'

const CHROMIUM = PREREQUISITES.chromium.path
const hasChromium = available('chromium')
if (!hasChromium) {
  describe('playground in a browser', () => {
    it.skip(skipTitle('chromium'), () => {})
  })
}

const launch = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })

describe.runIf(hasChromium)('playground in a browser', () => {
  let playground: Playground
  let browser: Browser

  beforeAll(async () => {
    playground = await startPlayground({ port: 0, log: () => {} })
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await playground?.stop()
  })

  it('walks a whole session through the end-user page and the agent page', async () => {
    const user = await browser.newPage()
    const agent = await browser.newPage()
    // What the pages said and what reached Botpress, shown if the walk fails (an alert would otherwise block a page).
    const said: string[] = []
    for (const [who, page] of [
      ['user', user],
      ['agent', agent],
    ] as const) {
      page.on('dialog', (d) => void (said.push(`${who} page alert: ${d.message()}`), d.dismiss()))
      page.on('console', (m) => void (m.type() === 'error' && said.push(`${who} page console: ${m.text()}`)))
    }
    onTestFailed(() => {
      const messages = [...playground.botpress.messages.values()].map(
        (m) =>
          `${m.direction} ${m.type} ${JSON.stringify(m.payload)} lands ${playground.botpress.deliverAt.get(m.id) ?? 'now'}`
      )
      console.error(
        [
          ...said,
          `failed webhook deliveries: ${JSON.stringify(playground.sandbox!.failedDeliveries)}`,
          ...messages,
          `now ${Date.now()}`,
        ].join('\n')
      )
    })
    await user.goto(playground.url)
    await user.fill('#name', 'Ada Lovelace')
    await user.fill('#question', 'Where is my parcel 1234?')
    await user.click('#talk')
    await user.getByText('Waiting for an agent…').waitFor()

    await user.fill('#text', 'It was due on Monday.')
    await user.click('#send')
    await user.click('#picture')

    // The agent desk: the ticket, the conversation so far, the text and the picture.
    await agent.goto(playground.agentUrl!)
    // The ticket is titled after what the person asked.
    await agent.getByRole('button', { name: /Where is my parcel 1234\?/ }).click()
    await agent.getByText('Ada Lovelace: Where is my parcel 1234?').waitFor()
    await agent.getByText('It was due on Monday.').waitFor()
    await agent.locator('img[src$="/parcel.svg"]').waitFor()

    await agent.selectOption('#agent', 'agent-kim')
    await agent.getByRole('button', { name: 'Assign to me' }).click()
    await user.getByText('Kim Agent joined the conversation').waitFor()
    await expect.poll(() => user.textContent('#status')).toBe('Kim Agent is with you.')

    await agent.fill('#reply', 'Hello Ada, your parcel left the depot today.')
    await agent.getByRole('button', { name: 'Reply' }).click()
    // The reply is in the ticket before the end user's page is looked at.
    await agent.locator('.message.agent', { hasText: 'Hello Ada, your parcel left the depot today.' }).waitFor()
    await user.getByText('Kim Agent: Hello Ada, your parcel left the depot today.').waitFor()

    await expect.poll(() => agent.isDisabled('button:has-text("Assigned to you")')).toBe(true)
    await agent.getByRole('button', { name: 'Close' }).click()
    await user.getByText('The agent closed the conversation').waitFor()
    // Both pages follow the session: nothing more can be sent or done on a closed conversation.
    for (const control of ['#send', '#picture', '#end', '#text'])
      expect(await user.isDisabled(control), control).toBe(true)
    await agent.locator('#closed').waitFor()
    expect(await agent.getByRole('button', { name: 'Reply' }).count()).toBe(0)

    // Behind the pages: one ticket, its messages once each, no failed webhook, nothing off Botpress' description.
    const [ticket] = playground.sandbox!.tickets.values()
    expect(ticket!.messages.map((m) => `${m.author.type}: ${m.text}`)).toEqual([
      'customer: Handed over by the bot\n\nAda Lovelace: Where is my parcel 1234?\nBot: I am sorry to hear that. Let me find someone who can help.',
      'customer: It was due on Monday.',
      'customer: A photo of the parcel',
      'agent: Hello Ada, your parcel left the depot today.',
    ])
    expect(ticket!.status).toBe('closed')
    expect(playground.sandbox!.failedDeliveries).toEqual([])
    expect(playground.botpress.violations).toEqual([])
    const agentMessages = [...playground.botpress.messages.values()].filter((m) => m.direction === 'incoming')
    expect(agentMessages.map((m) => m.payload.text)).toEqual(['Hello Ada, your parcel left the depot today.'])
  })
})

describe.runIf(hasChromium)('Connect with … in a browser (npm start -- --connect)', () => {
  let playground: Playground
  let browser: Browser

  beforeAll(async () => {
    playground = await startPlayground({ port: 0, connect: true, log: () => {} })
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await playground?.stop()
  })

  it('connects the sandbox through its consent page, then runs a session on the tokens, past an expiry', async () => {
    const user = await browser.newPage()
    await user.goto(playground.url)
    // Not connected: no session can start; the Connect link is what the builder clicks in Botpress.
    await user.getByText('The helpdesk is not connected yet.').waitFor()
    expect(await user.isDisabled('#talk')).toBe(true)

    const [connect] = await Promise.all([user.context().waitForEvent('page'), user.click('#connectLink')])
    await connect.getByRole('heading', { name: 'Connect Sandbox helpdesk' }).waitFor()
    await connect.fill('#workspace', 'acme')
    await connect.getByRole('button', { name: 'Connect with Sandbox helpdesk' }).click()
    // The helpdesk's consent page, then back to the integration's callback.
    await connect.getByRole('heading', { name: 'Allow Botpress?' }).waitFor()
    await connect.getByRole('button', { name: 'Allow' }).click()
    await connect.getByText('Connected as acme').waitFor()
    await connect.close()

    await user.getByText('Connected to the helpdesk as acme.').waitFor()
    await expect.poll(() => user.isDisabled('#talk')).toBe(false)
    await user.click('#talk')
    await user.getByText('Waiting for an agent…').waitFor()
    await user.fill('#text', 'Before the expiry')
    await user.click('#send')
    await expect.poll(() => [...playground.sandbox!.tickets.values()][0]?.messages.length).toBe(2)

    // The access token runs out mid-session: refreshed once, and the session goes on.
    playground.sandbox!.oauth.expireAccessTokens()
    await user.fill('#text', 'After the expiry')
    await user.click('#send')
    const [ticket] = playground.sandbox!.tickets.values()
    await expect.poll(() => ticket!.messages.map((m) => m.text).at(-1)).toBe('After the expiry')
    expect(playground.sandbox!.oauth.grants).toEqual(['authorization_code', 'refresh_token'])
    expect(await user.textContent('#error')).toBe('')
    expect(playground.botpress.violations).toEqual([])
  })
})
