/**
 * npm run new-provider, as a contributor runs it: from Front's published description (../shared/specs) the
 * skeleton proposes the calls Front's own manifest makes, validates with its TODOs listed as such (placed), and
 * comes with a fixture the fixture language accepts; without a description it validates too. No bundled manifest
 * keeps a TODO.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { providerFiles } from '../build/providers'
import { analyse, readSpec } from '../scripts/scaffold'
import { todos, validate } from '../scripts/validate'
import { loadFixture } from '../testkit/fixture'
import { SPECS_DIR, specsAvailable } from '../testkit/prism'
import { skipTitle } from './support/prerequisites'

const ROOT = join(__dirname, '..')

function scaffold(args: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'scaffold-'))
  mkdirSync(join(root, 'providers'))
  mkdirSync(join(root, 'test', 'fixtures', 'providers'), { recursive: true })
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/new-provider.ts', ...args, '--root', root],
    { cwd: ROOT, encoding: 'utf8' }
  )
  return { run, root }
}

describe('npm run new-provider', () => {
  it.runIf(specsAvailable())("proposes from Front's description the calls Front's manifest makes", () => {
    const a = analyse(readSpec(join(SPECS_DIR, 'front.json')), 'conversation')
    const call = (p: { chosen?: { method: string; path: string } }) => `${p.chosen?.method} ${p.chosen?.path}`
    expect(a.baseUrl).toBe('https://api2.frontapp.com')
    expect(a.auth).toEqual({ kind: 'bearer' })
    expect(call(a.createUser)).toBe('POST /contacts')
    expect(call(a.startHitl)).toBe('POST /channels/{channel_id}/incoming_messages')
    expect(call(a.userMessage)).toBe('POST /channels/{channel_id}/incoming_messages')
    expect(call(a.botMessage)).toBe('POST /conversations/{conversation_id}/comments')
    expect(call(a.stopHitl)).toBe('PATCH /conversations/{conversation_id}')
    // Front has no API to subscribe webhooks (custom channels and rules are set up in its settings).
    expect(a.subscribe.chosen).toBeUndefined()
    // The hand-written manifest makes the same calls.
    const front = readFileSync(join(ROOT, 'providers', 'front.yaml'), 'utf8')
    for (const path of [
      '/contacts',
      '/channels/{{ config.channelId }}/incoming_messages',
      '/conversations/{{ session.ticketId }}/comments',
    ])
      expect(front).toContain(`path: ${path}`)
  })

  it.runIf(specsAvailable())('writes a skeleton that validates, its TODOs listed at their lines', () => {
    const { run, root } = scaffold(['acme-desk', '--spec', 'front.json', '--model', 'conversation'])
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('startHitl     POST /channels/{channel_id}/incoming_messages')
    const file = join(root, 'providers', 'acme-desk.yaml')
    const text = readFileSync(file, 'utf8')
    const { lines, notes, plans } = validate([file])
    expect(lines).toEqual([])
    expect(plans[0]!.manifest.configuration).toHaveProperty('channelId')
    const open = notes.filter((n) => n.endsWith('(to do)'))
    expect(open.length).toBeGreaterThan(5)
    expect(
      open.some((n) =>
        /acme-desk\.yaml:\d+:\d+: TODO: review: createUser .*proposed from front\.json: POST \/contacts/.test(n)
      )
    ).toBe(true)
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/provider\.schema\.json/)
    const fixture = join(root, 'test', 'fixtures', 'providers', 'acme-desk.yaml')
    expect(loadFixture(fixture, readFileSync(fixture, 'utf8')).provider).toBe('acme-desk')
  })

  it('writes a skeleton that validates without a description, and refuses to overwrite', () => {
    const { run, root } = scaffold(['plain-desk'])
    expect(run.status, run.stderr).toBe(0)
    expect(validate([join(root, 'providers', 'plain-desk.yaml')]).lines).toEqual([])
    const again = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/new-provider.ts', 'plain-desk', '--root', root],
      { cwd: ROOT, encoding: 'utf8' }
    )
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/plain-desk\.yaml exists \(--force replaces it\)/)
  })

  if (!specsAvailable()) it.skip(skipTitle('specs'), () => {})
})

describe('bundled manifests', () => {
  it('keep no TODO', () => {
    const open = providerFiles().flatMap((f) => todos(readFileSync(f, 'utf8'), f))
    expect(open).toEqual([])
  })
})
