/**
 * npm run record, as a contributor runs it: a whole session recorded from the sandbox helpdesk (a real HTTP helpdesk
 * with signed webhooks and files behind its auth), the agent's turn played on its agent API while the recorder
 * waits for Enter; the fixture it writes holds no secret, e-mail address or agent's name, passes the fixture
 * language, and replays green with the fixture runner (as npm run test:provider -- sandbox runs it).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SandboxHelpdesk } from '../playground/sandbox-helpdesk'
import { loadFixture } from '../testkit/fixture'
import { TEST_BUNDLE } from './support/botpress'

const ROOT = join(__dirname, '..')
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64')

/** Runs a command to its end, calling `onLine` with each line it prints; resolves with its status and output. */
function run(
  args: string[],
  env: Record<string, string>,
  onLine: (line: string, stdin: NodeJS.WritableStream) => void
) {
  return new Promise<{ status: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } })
    let out = ''
    const take = (d: Buffer) => {
      const text = d.toString()
      out += text
      for (const line of text.split('\n')) onLine(stripVTControlCharacters(line), child.stdin)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('close', (status) => resolve({ status, out: stripVTControlCharacters(out) }))
  })
}

describe('npm run record', () => {
  const sandbox = new SandboxHelpdesk(`sandbox-token-${Date.now()}`)
  const dir = mkdtempSync(join(tmpdir(), 'recorded-'))
  const file = join(dir, 'sandbox.yaml')
  let recorded: { status: number | null; out: string }
  let text = ''
  /** The webhook secrets the sandbox made while the session ran (gone once it unregistered). */
  const secrets: string[] = []

  beforeAll(async () => {
    const url = await sandbox.start()
    const agent = (ticket: string, action: string, body: object) =>
      fetch(`${url}/agent/api/tickets/${ticket}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agentId: 'agent-kim', ...body }),
      })
    let acted = false
    recorded = await run(
      [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/record.ts', '--provider', 'sandbox'].concat([
        '--out',
        file,
        '--bundle',
        TEST_BUNDLE,
        '--email',
        'ada.lovelace@realmail.example.net',
      ]),
      { HITL_URL: url, HITL_API_TOKEN: sandbox.apiToken },
      (line, stdin) => {
        const ticket = /ticket (\S+);/.exec(line)?.[1]
        if (!ticket || acted) return
        acted = true
        // The agent's turn, on the helpdesk's own agent API, then Enter.
        void (async () => {
          secrets.push(...[...sandbox.webhooks.values()].map((h) => h.secret))
          await agent(ticket, 'assign', {})
          await agent(ticket, 'reply', {
            text: 'Hello Ada, your parcel left today.',
            attachments: [
              { name: 'label.png', contentType: 'image/png', data: PNG },
              { name: 'label.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4').toString('base64') },
            ],
          })
          await agent(ticket, 'reply', { text: 'Anything else?' })
          stdin.write('\n')
        })()
      }
    )
    text = readFileSync(file, 'utf8')
  }, 120_000)
  afterAll(() => sandbox.stop())

  it('records a whole session and says how to replay it', () => {
    expect(recorded.status, recorded.out).toBe(0)
    expect(recorded.out).toContain('replay it: npm run test:provider -- sandbox')
  })

  it('writes a fixture the fixture language accepts, with every step of the session', () => {
    const fixture = loadFixture(file, text)
    expect(fixture.createUser.requests?.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/users'])
    expect(fixture.startHitl.requests?.length).toBeGreaterThan(0)
    expect(fixture.messages).toHaveLength(4)
    const outcomes = fixture.webhooks!.events.map((w) => w.expect)
    expect(outcomes).toContainEqual({ event: 'hitlAssigned', agentId: 'agent-kim', agentName: 'Person 1' })
    expect(outcomes).toContainEqual(
      expect.objectContaining({
        message: expect.objectContaining({
          text: 'Hello Ada, your parcel left today.',
          attachments: [expect.objectContaining({ type: 'image' }), expect.objectContaining({ type: 'file' })],
        }),
      })
    )
    // The integration's own messages came back as the helpdesk announced them: recorded as ignored (echoes).
    expect(outcomes).toContainEqual({ ignored: true })
    expect(fixture.webhooks!.sign).toMatchObject({ type: 'hmac', secretFromState: 'webhookSecret' })
  })

  it('keeps no secret, e-mail address or agent name', () => {
    expect(text).not.toContain(sandbox.apiToken)
    expect(secrets.length, 'the session registered a webhook with a secret').toBeGreaterThan(0)
    for (const secret of secrets) expect(text).not.toContain(secret)
    expect(text).not.toMatch(/realmail|Kim Agent/i)
    // Webhooks are signed again at replay: no recorded signature or timestamp header is kept.
    const kept = loadFixture(file, text).webhooks!.events.flatMap((w) => Object.keys(w.headers ?? {}))
    expect(kept.filter((h) => /signature|timestamp/i.test(h))).toEqual([])
    for (const email of text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []) expect(email).toMatch(/@example\.com$/)
    expect(text).not.toContain(sandbox.url)
  })

  it('replays green with the fixture runner', async () => {
    const replay = await run(
      [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/providers.test.ts'],
      { HITL_FIXTURES_DIR: dir, HITL_TEST_PROVIDER: 'sandbox', HITL_REUSE_BUNDLES: '1' },
      () => undefined
    )
    expect(replay.status, replay.out).toBe(0)
    expect(replay.out).toMatch(/Tests\s+\d+ passed/)
  }, 120_000)
})
