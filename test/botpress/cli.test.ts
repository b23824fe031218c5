/**
 * What a bot builder meets with the official Botpress CLI (5.5.6, ../shared/tools/bp): `bp lint` and `bp build` pass
 * with no error and no warning, `bp read --json` (what `bp deploy` uploads) shows the startHitl extra fields and the
 * renames of a build for one provider, and the CLI's bundle answers Botpress. The end-to-end tests run on the CLI's
 * bundle of the default build (test/support/global-setup.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packedTexts } from '../../build/esbuild'
import { readBundle } from '../../build/providers'
import { buildDefinition } from '../../src/botpress/definition'
import { ProviderCatalog } from '../../src/botpress/providers'
import { BUILT_BY, TEST_BUNDLE } from '../support/botpress'
import { skipTitle } from '../support/prerequisites'
import { bp, cliAvailable, lintProblems, pingBundle, readDefinition, ROOT } from '../../scripts/bp-cli'

const available = cliAvailable()
const KITCHEN_SINK = { HITL_PROVIDERS_DIR: 'test/fixtures/manifests', HITL_PROVIDER: 'kitchen-sink' }

if (!available) {
  describe('official Botpress CLI', () => {
    it.skip(skipTitle('cli'), () => {})
  })
}

/** A lint run with nothing to say but that the definition is valid. */
function expectCleanLint(env: Record<string, string> = {}) {
  const run = bp(['lint'], env)
  expect(lintProblems(run), run.output).toEqual([])
}

describe.runIf(available)('official Botpress CLI', () => {
  it('built the bundle the end-to-end tests run on', () => {
    expect(readFileSync(BUILT_BY, 'utf8')).toBe('bp build')
  })

  it('bundles an integration that exports its handler and answers a ping', async () => {
    expect(await pingBundle(TEST_BUNDLE)).toBe(200)
  })

  it('lints the build with every provider with no error and no warning', () => expectCleanLint())

  it('shows every provider’s startHitl fields in startHitl’s input, with their enums, titles and descriptions', () => {
    const read = readDefinition()
    const catalog = new ProviderCatalog(readBundle(''))
    const entity = buildDefinition(catalog.plans).entities!.hitlSession!.schema.toJSONSchema() as any
    const input = read.actions.startHitl.input.schema
    expect(input.required).toEqual(['userId', 'messageHistory'])
    const fields = input.properties.hitlSession.properties
    expect(Object.keys(fields).sort()).toEqual(Object.keys(entity.properties).sort())
    for (const [name, field] of Object.entries<any>(entity.properties)) {
      expect(fields[name], name).toMatchObject({
        type: field.type,
        description: field.description,
        'x-zui': { title: field['x-zui'].title },
      })
      if (field.enum) expect(fields[name].enum, name).toEqual(field.enum)
    }
    expect(fields.priority.description).toContain('Zendesk: low, normal, high, urgent')
    expect(read.channels.hitl).toMatchObject({
      title: 'HITL session',
      description: expect.stringContaining('human agent'),
    })
  })

  it('builds for one provider from a folder of one’s own, with its renames on actions, events and channel', () => {
    expectCleanLint(KITCHEN_SINK)
    const read = readDefinition(KITCHEN_SINK)
    expect(Object.keys(read.actions).sort()).toEqual(['closeConversation', 'createUser', 'openConversation'])
    expect(Object.keys(read.events).sort()).toEqual(['conversationClosed', 'hitlAssigned'])
    expect(Object.keys(read.channels)).toEqual(['desk'])
    expect(read.channels.desk).toMatchObject({
      title: 'Desk conversation',
      description: 'A Kitchen Sink conversation.',
    })
    expect(read.interfaces['hitl<hitlSession>']).toMatchObject({
      actions: { startHitl: { name: 'openConversation' }, stopHitl: { name: 'closeConversation' } },
      events: { hitlStopped: { name: 'conversationClosed' } },
      channels: { hitl: { name: 'desk' } },
    })
    const fields = read.actions.openConversation.input.schema.properties.hitlSession.properties
    expect(Object.keys(fields)).toEqual(['urgency', 'queue', 'score', 'vip', 'topics'])
    expect(fields.urgency).toMatchObject({
      enum: ['low', 'high'],
      default: 'low',
      description: 'How urgent.',
      'x-zui': { title: 'Urgency' },
    })
  })

  it('installs into a bot from the bot’s own folder (bp add <this folder>), its providers found beside the definition', () => {
    const bot = mkdtempSync(join(tmpdir(), 'hitl-bot-'))
    try {
      writeFileSync(join(bot, 'package.json'), JSON.stringify({ name: 'a-bot', version: '0.0.0' }))
      const run = bp(['add', ROOT, '--alias', 'helpdesk-hitl', '--confirm'], {}, bot)
      expect(run.status, run.output).toBe(0)
      const installed = readFileSync(join(bot, 'bp_modules', 'helpdesk-hitl', 'index.ts'), 'utf8')
      expect(installed).toContain('name: "manifest-hitl"')
      expect(JSON.parse(readFileSync(join(bot, 'package.json'), 'utf8')).bpDependencies).toEqual({
        'helpdesk-hitl': ROOT,
      })
    } finally {
      rmSync(bot, { recursive: true, force: true })
    }
  })

  it('bundles for one provider with that provider’s manifest alone', () => {
    const built = bp(['build'], { HITL_PROVIDER: 'zendesk' })
    expect(built.status, built.output).toBe(0)
    // Each manifest is carried packed (build/esbuild.ts, packed).
    const carried = packedTexts(readFileSync(join(ROOT, '.botpress', 'dist', 'index.cjs'), 'utf8')).join('\n')
    expect(carried).toContain('providers/zendesk.yaml')
    const others = readBundle('').providers.filter((p) => p.manifest.id !== 'zendesk')
    for (const p of others) expect(carried.includes(p.file), p.file).toBe(false)
    expect(existsSync(TEST_BUNDLE)).toBe(true)
  })
})
