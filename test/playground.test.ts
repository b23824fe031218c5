/**
 * The playground in a real browser: headless Chromium from Debian driven by playwright-core walks a whole session
 * through both pages. The end user starts a HITL session and sends a text and a picture; the agent sees the ticket
 * with the conversation so far, assigns it, replies and closes it; the end user sees each of those arrive. Then, with
 * npm start -- --connect, the builder's side of "Connect with …": the Connect link, the Connect page, the sandbox's
 * consent page, and a session on the tokens obtained, past an access token's expiry. Every call the integration made
 * to Botpress is held to Botpress' API description by the stand-in.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { buildIfNeeded, startPlayground, type Playground } from '../playground/playground'
import { available, PREREQUISITES, skipTitle } from './support/prerequisites'

const CHROMIUM = PREREQUISITES.chromium.path
/** Where the walk's screenshots are saved (test-results/ is not committed). */
const SHOTS = join(__dirname, '..', 'test-results', 'playground')
mkdirSync(SHOTS, { recursive: true })
/** A 1×1 PNG, a picture the agent attaches. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
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

  it('walks configuration page → a session with files both ways → the user ending it, screenshots saved', async () => {
    const user = await browser.newPage()
    const agent = await browser.newPage()
    // What the pages said and what reached Botpress, shown if the walk fails.
    const said: string[] = []
    for (const [who, page] of [
      ['user', user],
      ['agent', agent],
    ] as const) {
      page.on('dialog', (d) => void (said.push(`${who} page dialog (none expected): ${d.message()}`), d.dismiss()))
      // A refused configuration or reply answers 422, which the pages show: anything else in red is not expected.
      page.on(
        'console',
        (m) =>
          void (
            m.type() === 'error' &&
            !/status of 422/.test(m.text()) &&
            said.push(`${who} page console: ${m.text()}`)
          )
      )
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
        ].join('\n')
      )
    })
    const shot = (page: typeof user, name: string) =>
      page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })

    // The configuration page: a pasted manifest with a mistake is refused, placed; fixed, it registers.
    await user.goto(playground.url)
    await user.getByText('Helpdesk: Sandbox helpdesk').waitFor()
    await user.click('#change')
    await user.selectOption('#provider', 'pasted')
    const manifest = readFileSync(join(__dirname, '..', 'providers', 'sandbox.yaml'), 'utf8')
    await user.fill('#manifest', manifest.replace('  baseUrl:', '  basUrl:'))
    await user.fill('#settings', `url: ${playground.sandbox!.url}\napiToken: ${playground.sandbox!.apiToken}`)
    await user.click('#save')
    await expect
      .poll(() => user.textContent('#configErrors'))
      .toContain("<configuration: manifest>:45:3: http.basUrl: unknown field 'basUrl' (did you mean 'baseUrl'?)")
    await shot(user, '1-configuration-refused')
    await user.fill('#manifest', manifest)
    await user.click('#save')
    await user.getByText('Helpdesk: a manifest of your own').waitFor()
    expect(await user.isHidden('#config')).toBe(true)
    await shot(user, '2-configuration-saved')

    // The session: Enter sends; the user picks a file.
    await user.fill('#name', 'Ada Lovelace')
    await user.fill('#question', 'Where is my parcel 1234?')
    await user.click('#talk')
    await user.getByText('Waiting for an agent…').waitFor()
    await user.fill('#text', 'It was due on Monday.')
    await user.press('#text', 'Enter')
    await user.locator('#thread li.me', { hasText: 'It was due on Monday.' }).waitFor()
    await user.setInputFiles('#file', {
      name: 'receipt.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 receipt'),
    })
    await user.locator('#thread li.me a', { hasText: 'receipt.pdf' }).waitFor()

    // The agent desk: the ticket, the conversation so far, the text and the file; a selection survives updates.
    await agent.goto(playground.agentUrl!)
    await agent.getByRole('button', { name: /Where is my parcel 1234\?/ }).click()
    await agent.getByText('Ada Lovelace: Where is my parcel 1234?').waitFor()
    await agent.getByText('It was due on Monday.').waitFor()
    await agent.locator('.message a', { hasText: 'receipt.pdf' }).waitFor()
    // In the page (a string: this file has no DOM types).
    await agent.evaluate(
      "getSelection().selectAllChildren([...document.querySelectorAll('.message pre')].find((p) => p.textContent === 'It was due on Monday.'))"
    )
    await user.fill('#text', 'Any news?')
    await user.press('#text', 'Enter')
    await agent.getByText('Any news?').waitFor()
    expect(await agent.evaluate('getSelection().toString()'), 'the selection survived an update').toBe(
      'It was due on Monday.'
    )
    // A reply with nothing in it is refused on the page, not in a pop-up.
    await agent.getByRole('button', { name: 'Reply' }).click()
    await expect.poll(() => agent.textContent('#deskError')).toBe('write something')

    await agent.selectOption('#agent', 'agent-kim')
    await agent.getByRole('button', { name: 'Assign to me' }).click()
    await user.getByText('Kim Agent joined the conversation').waitFor()
    await agent.fill('#reply', 'Hello Ada, track it at https://parcels.example/track/1234 — your label attached.')
    await agent.setInputFiles('#attach', [
      { name: 'label.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') },
      { name: 'label.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 label') },
    ])
    await agent.getByRole('button', { name: 'Reply' }).click()
    await shot(agent, '3-agent-desk')

    // The user sees the reply with its link, the picture and the PDF, re-hosted out of the sandbox's auth.
    await user.locator('#thread a[href="https://parcels.example/track/1234"]').waitFor()
    await user.locator('#thread li.agent img').waitFor()
    const pdf = user.locator('#thread li.agent a', { hasText: 'label.pdf' })
    await pdf.waitFor()
    const opened = await fetch(new URL((await pdf.getAttribute('href'))!, playground.url), { redirect: 'follow' })
    expect(await opened.text()).toBe('%PDF-1.4 label')
    expect(await user.evaluate("document.querySelector('#thread li.agent img').naturalWidth")).toBeGreaterThan(0)
    await shot(user, '4-session')

    // The user ends it: the agent desk says who did; the user can start again.
    await user.click('#end')
    await user.getByText('You ended the conversation').waitFor()
    for (const control of ['#send', '#file', '#end', '#text'])
      expect(await user.isDisabled(control), control).toBe(true)
    await agent
      .locator('#closed', { hasText: 'Closed from the conversation: the customer (or the bot) ended it.' })
      .waitFor()
    await shot(agent, '5-closed-by-the-user')
    await user.click('#again')
    expect(await user.isVisible('#talk')).toBe(true)
    await shot(user, '6-start-again')

    // Behind the pages: one ticket, its messages once each and the closing note before the close, nothing failed.
    const [ticket] = playground.sandbox!.tickets.values()
    expect(
      ticket!.messages.map((m) => `${m.author.type}: ${m.text}${m.attachments.map((a) => ` [${a.name}]`).join('')}`)
    ).toEqual([
      'customer: Handed over by the bot\n\nAda Lovelace: Where is my parcel 1234?\nBot: I am sorry to hear that. Let me find someone who can help.',
      'customer: It was due on Monday.',
      'customer: receipt.pdf [receipt.pdf]',
      'customer: Any news?',
      'agent: Hello Ada, track it at https://parcels.example/track/1234 — your label attached. [label.png] [label.pdf]',
      'bot: The user ended the conversation.',
    ])
    expect(ticket!.closedBy).toEqual({ type: 'api' })
    expect(playground.sandbox!.failedDeliveries).toEqual([])
    expect(playground.botpress.violations).toEqual([])
    expect(said).toEqual([])
  })
})

describe('starting the playground', () => {
  it('says which port is taken and what to do, instead of a stack trace', async () => {
    const busy = createServer()
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r))
    const port = (busy.address() as { port: number }).port
    try {
      await expect(startPlayground({ port, log: () => {} })).rejects.toThrow(
        new RegExp(
          `^port ${port} is taken \\(another playground still running\\?\\): try npm start -- --port ${port + 1000}$`
        )
      )
    } finally {
      busy.close()
    }
  })

  it('says the first build is running, and that it still is, until it is done', async () => {
    const lines: string[] = []
    const outfile = join(mkdtempSync(join(tmpdir(), 'first-build-')), 'index.js')
    // A build that lasts until the playground has said twice that it is still building: no clock involved.
    const build = async () => {
      while (lines.filter((l) => l.includes('still building')).length < 2) await new Promise((r) => setTimeout(r, 5))
    }
    await buildIfNeeded((line) => lines.push(line), { outfile, build, tickMs: 5 })
    expect(lines[0]).toMatch(/^building .*index\.js \(the first time takes a while on a slow machine\) …$/)
    expect(lines.slice(1, 3)).toEqual([expect.stringMatching(/^ {2}still building \(\d+ s\) …$/), expect.anything()])
    expect(lines.at(-1)).toMatch(/^built in \d+ s$/)
    // Built and newer than its sources: nothing more is said.
    writeFileSync(outfile, '')
    const again: string[] = []
    await buildIfNeeded((line) => again.push(line), { outfile, build })
    expect(again).toEqual([])
  })

  it('says what Ctrl+C does', async () => {
    const child = spawn(
      process.execPath,
      [
        join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(__dirname, '..', 'playground', 'start.ts'),
        '--port',
        '0',
      ],
      {
        env: { ...process.env },
      }
    )
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d))
    child.stderr.on('data', (d: Buffer) => (out += d))
    await expect.poll(() => out, { timeout: 120_000 }).toContain('Ctrl+C stops it')
    child.kill('SIGINT')
    const code = await new Promise((r) => child.on('close', r))
    expect(out).toContain('stopping: the integration unregisters from the helpdesk, then every server closes …')
    expect(out).toContain('stopped.')
    expect(code).toBe(0)
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
