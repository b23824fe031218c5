/** npm run validate: every bundled manifest passes; a broken one prints file:line:column lines and exits 1. */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')
const tsx = join(root, 'node_modules', '.bin', 'tsx')

describe('npm run validate', () => {
  it('passes every manifest under providers/', () => {
    const out = execFileSync(tsx, ['scripts/validate.ts'], { cwd: root, encoding: 'utf8' })
    const count = readdirSync(join(root, 'providers')).filter((f) => f.endsWith('.yaml')).length
    expect(out.trim()).toBe(`${count} manifests valid (providers/)`)
  })

  it('prints one line per problem and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifests-'))
    const text = readFileSync(join(root, 'test', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
      .replace('model: ticket', 'model: chat')
      .replace('{{ user.externalId }}', '{{ usr.id }}')
    writeFileSync(join(dir, 'tiny-desk.yaml'), text)
    writeFileSync(
      join(dir, 'other.yaml'),
      text.replace('model: chat', 'model: ticket').replace('{{ usr.id }}', '{{ user.externalId }}')
    )
    const run = spawnSync(tsx, ['scripts/validate.ts', join(dir, 'tiny-desk.yaml'), join(dir, 'other.yaml')], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(run.status).toBe(1)
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/tiny-desk\.yaml:7:8: model: must be one of: "ticket", "conversation"$/)
    expect(lines).toContainEqual(
      expect.stringMatching(/other\.yaml:1:1: id: id 'tiny-desk' must match the file name \(other\.yaml\)$/)
    )
    // The schema's problem and the compiler's, in one run.
    expect(lines).toContainEqual(
      expect.stringMatching(/tiny-desk\.yaml:\d+:\d+: actions\.startHitl\.steps\[1\].*: unknown name 'usr'/)
    )
    expect(lines.at(-1)).toBe('3 problems in 2 manifests')
  })
})

describe('a manifest checked on its own', () => {
  it('is checked against the startHitl fields of every bundled manifest too, at its own line, with the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifests-'))
    const text = readFileSync(join(root, 'test', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8').replace(
      'http:',
      'hitlSession:\n  priority: { type: integer, title: Priority }\nhttp:'
    )
    writeFileSync(join(dir, 'tiny-desk.yaml'), text)
    const line = text.split('\n').indexOf('  priority: { type: integer, title: Priority }') + 1
    const run = spawnSync(tsx, ['scripts/validate.ts', join(dir, 'tiny-desk.yaml')], { cwd: root, encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(
      new RegExp(
        `tiny-desk\\.yaml:${line}:\\d+: hitlSession\\.priority\\.type: is an integer here but a string in .*Zendesk.*: the build with every provider shares one type per field name, so make it a string, or give this field another name`
      )
    )
  })
})

describe('a manifest written before inbound and events', () => {
  /** tiny-desk as it was written before: one webhook block holding verify, the matchers and all. */
  const old = readFileSync(join(root, 'test', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
    .replace('inbound:\n  type: webhook\n', 'webhook:\n')
    .replace('\nevents:\n', '\n')

  it('is still read, with a placed deprecation note, and its problems placed on its own lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifests-'))
    writeFileSync(join(dir, 'tiny-desk.yaml'), old)
    const line = old.split('\n').indexOf('webhook:') + 1
    const run = spawnSync(tsx, ['scripts/validate.ts', join(dir, 'tiny-desk.yaml')], { cwd: root, encoding: 'utf8' })
    expect(run.status, run.stdout).toBe(0)
    expect(run.stdout).toContain(`tiny-desk.yaml:${line}:1: webhook: deprecated, still read: write inbound:`)
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^1 manifest valid \(.*tiny-desk\.yaml\)$/)
    writeFileSync(join(dir, 'tiny-desk.yaml'), old.replace("when: event.kind = 'reply'", "when: evnt.kind = 'reply'"))
    const broken = spawnSync(tsx, ['scripts/validate.ts', join(dir, 'tiny-desk.yaml')], { cwd: root, encoding: 'utf8' })
    const at = old.split('\n').findIndex((l) => l.includes("when: event.kind = 'reply'")) + 1
    expect(broken.stdout).toMatch(
      new RegExp(`tiny-desk\\.yaml:${at}:\\d+: events\\.matchers\\[0\\]\\.when: unknown name 'evnt'`)
    )
  })
})

describe('the runtime is generic', () => {
  it('names no provider anywhere in src/', () => {
    const ids = readdirSync(join(root, 'providers')).map((f) => f.replace(/\.yaml$/, ''))
    const files: string[] = []
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name))
        else files.push(join(dir, e.name))
      }
    }
    walk(join(root, 'src'))
    // Generated from the schema, whose descriptions give vendors' settings as examples: data, not code.
    const generated = join(root, 'src', 'manifest', 'generated')
    files.splice(0, files.length, ...files.filter((f) => !f.startsWith(generated)))
    expect(files.length).toBeGreaterThan(20)
    for (const file of files) {
      const text = readFileSync(file, 'utf8').toLowerCase()
      for (const id of ids)
        expect(text.includes(id.replace(/-/g, '')) || text.includes(id), `${file} names ${id}`).toBe(false)
    }
  })
})
