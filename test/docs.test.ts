/** README's provider table and hub.md are generated from the manifests and must be up to date (npm run docs). */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { parse } from 'yaml'
import Ajv from 'ajv'
import fixtureSchema from '../schemas/fixture.schema.json'
import schema from '../schemas/provider.schema.json'
import { manifestAjv } from '../src/manifest/schema-validator'
import { describe, expect, it } from 'vitest'
import { generated, providerTable } from '../scripts/docs'
import { readBundle } from '../build/providers'
import { ProviderCatalog } from '../src/botpress/providers'
import { loadManifest } from '../src/manifest/load'
import { besideOnDisk } from '../src/manifest/overlay'

const root = join(__dirname, '..')
const TSX = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')

describe('generated documentation', () => {
  const { readme, hub } = generated()
  it('README.md lists every provider as the manifests say (run npm run docs)', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe(readme)
  })
  it('hub.md says what the manifests say (run npm run docs)', () => {
    expect(readFileSync(join(root, 'hub.md'), 'utf8')).toBe(hub)
  })
  it('README starts with the two commands of a fresh machine, and CI runs the same test command', () => {
    const lines = readFileSync(join(root, 'README.md'), 'utf8').split('\n').slice(0, 5).join('\n')
    expect(lines).toContain('`npm ci && npm start`')
    expect(lines).toContain('`npm ci && npm test`')
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts
    expect(scripts.start).toBe('tsx playground/start.ts')
    expect(
      readFileSync(join(root, '.ci', 'run'), 'utf8')
        .trim()
        .split('\n')
        .pop()
    ).toBe('npm test')
  })
})

describe("bundled providers beside Botpress' own integrations", () => {
  it('each states how it compares (ahead, same, behind, or none to compare with), in one line', () => {
    for (const plan of new ProviderCatalog(readBundle('')).plans) {
      const c = plan.manifest.comparedWithBotpress
      expect(c, `${plan.file}: comparedWithBotpress`).toBeDefined()
      if (c!.verdict !== 'none') expect(c!.integration, `${plan.file}: which integration`).toBeTruthy()
      // A provider behind Botpress' own says where, and why it is left.
      if (c!.verdict === 'behind') expect(c!.summary, plan.file).toMatch(/Behind: /)
    }
  })
})

describe('what the provider table says of a manifest', () => {
  const tiny = readFileSync(join(root, 'test', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
  const row = (text: string) => providerTable([loadManifest(text, 'providers/tiny-desk.yaml')]).split('\n')[2]!

  it('says a bearer token with a scheme of its own once, not "token token"', () => {
    const bearer = tiny.replace(
      / {2}auth:\n {4}type: oauth2ClientCredentials\n {4}tokenUrl: \/oauth\/token\n {4}clientId: "\{\{ config.clientId \}\}"\n {4}clientSecret: "\{\{ config.clientSecret \}\}"\n/,
      '  auth:\n    type: bearer\n    scheme: Token\n    token: "{{ config.clientSecret }}"\n'
    )
    expect(bearer).toContain('scheme: Token')
    expect(row(bearer)).toContain('| token, scheme Token |')
  })

  it('calls a webhook set up by hand manual, even when registration runs steps of its own', () => {
    const manual = tiny.replace(
      /\ninbound:\n {2}type: webhook\n/,
      '\nlifecycle:\n  register:\n    steps:\n      - name: whoAmI\n        request: { method: GET, path: /me }\ninbound:\n  type: webhook\n  manualSetup: Point the webhook at {{webhookUrl}} in the admin.\n'
    )
    expect(manual).toContain('manualSetup')
    expect(row(manual)).toMatch(/\| webhook, set up by hand \|/)
  })
})

describe('every example in the docs', () => {
  const files = ['README.md', ...readdirSync(join(root, 'docs')).map((f) => `docs/${f}`)].filter((f) =>
    f.endsWith('.md')
  )
  const ajv = manifestAjv()
  ajv.addSchema(schema, 'provider.schema.json')
  const fixtureAjv = new Ajv({ strict: false }).addSchema(fixtureSchema, 'fixture.schema.json')

  /** The yaml blocks of a markdown text, each with what the comment before it says it is, and its line. */
  function examples(text: string) {
    const found: { kind?: string; yaml: string; line: number }[] = []
    const lines = text.split('\n')
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] !== '```yaml') continue
      const end = lines.indexOf('```', i + 1)
      const before = lines
        .slice(0, i)
        .reverse()
        .find((l) => l.trim())
      found.push({
        kind: /^<!-- example: (.+) -->$/.exec(before ?? '')?.[1],
        yaml: lines.slice(i + 1, end).join('\n'),
        line: i + 1,
      })
      i = end
    }
    return found
  }

  for (const file of files) {
    it(`${file}: each yaml example says what it is, and is valid`, () => {
      for (const { kind, yaml, line } of examples(readFileSync(join(root, file), 'utf8'))) {
        const where = `${file}:${line}`
        expect(kind, `${where}: no <!-- example: … --> before it`).toBeDefined()
        if (kind === 'manifest') {
          // One written over another (extends) finds it among the bundled providers, as a manifest of providers/ does.
          expect(
            () => loadManifest(yaml, where, { bases: (id) => besideOnDisk(root)(id, 'providers/example.yaml') }),
            where
          ).not.toThrow()
          continue
        }
        // A fixture's part (fixture#/properties/contract), or a manifest's (#/definitions/…).
        const validate = kind!.startsWith('fixture#')
          ? fixtureAjv.getSchema(`fixture.schema.json${kind!.slice('fixture'.length)}`)
          : ajv.getSchema(`provider.schema.json${kind}`)
        expect(validate, `${where}: ${kind} is not a place of the schema`).toBeDefined()
        // An example of a fixture's top-level part shows its key (contract: …): its value is what is held.
        const part = /^fixture#\/properties\/(\w+)$/.exec(kind!)?.[1]
        const value = part ? parse(yaml)[part] : parse(yaml)
        expect(validate!(value), `${where}: ${JSON.stringify(validate!.errors)}`).toBe(true)
      }
    })

    it(`${file}: every link to a file of the repository leads to one`, () => {
      const text = readFileSync(join(root, file), 'utf8')
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^https?:/.test(target!)) continue
        expect(existsSync(join(root, dirname(file), target!)), `${file} links to ${target}`).toBe(true)
      }
    })
  }
})

describe("README's Adding a helpdesk", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const block = /## Adding a helpdesk\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!
  const commands = block
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/#.*$/, '').trim())
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>

  it('names scripts that exist, with options they take', () => {
    expect(commands.length).toBe(5)
    for (const command of commands) {
      const [, name, args = ''] = /npm run ([\w:-]+)(?: -- (.*))?$/.exec(command)!
      expect(scripts[name!], command).toBeDefined()
      const file = /tsx (scripts\/[\w-]+\.ts)/.exec(scripts[name!]!)?.[1]
      const source = file ? readFileSync(join(root, file), 'utf8') : ''
      for (const flag of args.match(/--[\w-]+/g) ?? [])
        expect(source, `${command}: ${flag} is an option of ${file}`).toMatch(new RegExp(`['\\s]${flag.slice(2)}'?:`))
    }
  })

  it('scaffolds as step 1 says', () => {
    const args = /npm run new-provider -- (.*)$/.exec(commands[0]!)![1]!.split(/\s+/)
    const dir = mkdtempSync(join(tmpdir(), 'readme-'))
    mkdirSync(join(dir, 'providers'))
    mkdirSync(join(dir, 'test', 'fixtures', 'providers'), { recursive: true })
    const run = spawnSync(process.execPath, [TSX, 'scripts/new-provider.ts', ...args, '--root', dir], {
      cwd: root,
      encoding: 'utf8',
    })
    if (!existsSync(join(root, '..', 'shared', 'specs'))) return expect(run.stderr).toMatch(/no such description/)
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/wrote .*acme-desk\.yaml/)
  })

  it('tests one provider as step 4 says (the sandbox here)', () => {
    const run = spawnSync('npm', ['run', 'test:provider', '--', 'sandbox'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HITL_REUSE_BUNDLES: '1' },
    })
    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toContain('1 manifest valid')
    expect(stripVTControlCharacters(run.stdout)).toMatch(/Tests\s+\d+ passed/)
  }, 180_000)
})

describe("what hub.md tells a bot builder about Zendesk's API tokens", () => {
  it('says they lapse after 30 days unused and are retired, so Connect is the way; custom fields count as ahead', () => {
    const hub = readFileSync(join(root, 'hub.md'), 'utf8')
    const zendesk = hub.slice(hub.indexOf('### Zendesk\n'))
    expect(zendesk).toMatch(/unused for 30 days/)
    expect(zendesk).toMatch(/2027-04-30/)
    const plan = new ProviderCatalog(readBundle('')).plans.find((p) => p.manifest.id === 'zendesk')!
    const summary = plan.manifest.comparedWithBotpress!.summary
    expect(summary.slice(summary.indexOf('Ahead:'), summary.indexOf('Same:'))).toContain('custom ticket fields')
  })
})

describe("what hub.md tells a bot builder about Chatwoot's signatures", () => {
  it('names the version that signs webhooks, and what an older self-hosted one gets', () => {
    const hub = readFileSync(join(root, 'hub.md'), 'utf8')
    const chatwoot = hub.slice(hub.indexOf('### Chatwoot\n'), hub.indexOf('\n### ', hub.indexOf('### Chatwoot\n') + 5))
    expect(chatwoot).toMatch(/from version 4\.11\.2 on/)
    expect(chatwoot).toMatch(/older self-hosted Chatwoot sends them unsigned, and they are refused/)
  })
})
