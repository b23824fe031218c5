/**
 * The fixture language (schemas/fixture.schema.yaml) holds fixtures as the manifest language holds manifests: a
 * misspelt key or a wrong shape is refused with its file, line and column; and the runner itself is held to what a
 * fixture says: a scenario that expects a failure passes only when the manifest does fail (run here as a
 * contributor runs one provider, on a copy of the sandbox's fixture).
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { stripVTControlCharacters } from 'node:util'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ManifestError, formatProblem } from '../../src/manifest/problems'
import { FIXTURES_DIR, loadFixture, loadFixtures } from '../../testkit/fixture'

const SANDBOX = join(FIXTURES_DIR, 'sandbox.yaml')
const ROOT = join(__dirname, '..', '..')

function problems(text: string): string[] {
  try {
    loadFixture(SANDBOX, text)
  } catch (err) {
    if (err instanceof ManifestError) return err.problems.map(formatProblem)
    throw err
  }
  return []
}

describe('the fixture language', () => {
  it('holds every provider fixture', () => {
    expect(loadFixtures().length).toBeGreaterThan(10)
  })

  it('refuses a misspelt key with its line, and says what was meant', () => {
    const text = readFileSync(SANDBOX, 'utf8')
    const broken = text.replace(
      'json: { name: Ada Lovelace, email: ada@example.com }',
      'jsn: { name: Ada Lovelace, email: ada@example.com }'
    )
    expect(broken).not.toBe(text)
    const line = broken.split('\n').findIndex((l) => l.includes('jsn:')) + 1
    const column = broken.split('\n')[line - 1]!.indexOf('jsn:') + 1
    expect(problems(broken)).toEqual([
      `test/fixtures/providers/sandbox.yaml:${line}:${column}: createUser.requests[0].jsn: unknown field 'jsn' (did you mean 'json'?)`,
    ])
  })

  it('refuses a wrong shape where it stands', () => {
    const broken = readFileSync(SANDBOX, 'utf8').replace('from: user }', 'from: agent }')
    expect(problems(broken)[0]).toMatch(
      /^test\/fixtures\/providers\/sandbox\.yaml:\d+:\d+: messages\[0\]\.send\.from: must be one of: "user", "bot"$/
    )
  })

  it('fails a scenario that expects a failure the manifest does not make', async () => {
    // The sandbox's fixture, its token-refusal scenario answered 201: createUser succeeds where it must fail.
    const dir = mkdtempSync(join(tmpdir(), 'fixtures-'))
    cpSync(SANDBOX, join(dir, 'sandbox.yaml'))
    const text = readFileSync(SANDBOX, 'utf8').replace(
      '{ method: POST, path: /api/users, status: 401, body: { error: "missing, wrong or expired token" } }',
      '{ method: POST, path: /api/users, status: 201, body: { id: usr-1 } }'
    )
    writeFileSync(join(dir, 'sandbox.yaml'), text)
    const run = await new Promise<{ status: number | null; out: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/providers.test.ts'],
        {
          cwd: ROOT,
          env: { ...process.env, HITL_FIXTURES_DIR: dir, HITL_TEST_PROVIDER: 'sandbox', HITL_REUSE_BUNDLES: '1' },
        }
      )
      let out = ''
      child.stdout.on('data', (d: Buffer) => (out += d))
      child.stderr.on('data', (d: Buffer) => (out += d))
      // Without the terminal's colours.
      child.on('close', (status) => resolve({ status, out: stripVTControlCharacters(out) }))
    })
    expect(run.status, run.out).toBe(1)
    expect(run.out).toContain(
      'scenario: the helpdesk refuses the API token > fails to create the end user, as expected'
    )
    expect(run.out).toMatch(/Tests\s+.*1 failed/)
  })
})
