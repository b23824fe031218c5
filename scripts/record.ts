/**
 * npm run record -- --provider <id> [--scenario <name>] [--out <file>] [--public-url <url>] [--email <address>]
 *
 * Runs a whole session against the real helpdesk (its configuration from HITL_<FIELD> variables, as
 * `npm start -- --provider` reads it) and writes what went over the wire as the provider's fixture,
 * test/fixtures/providers/<id>.yaml, or as a named scenario added to it (testkit/recorder.ts says what is kept and
 * what is replaced). Halfway, it waits while you act as the agent in the helpdesk: reply (with a file), assign,
 * close if you like; then press Enter. Replay it with `npm run test:provider -- <id>`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { parseDocument } from 'yaml'
import { readBundle } from '../build/providers'
import { buildIfNeeded } from '../playground/playground'
import { fixtureYaml, recordSession } from '../testkit/recorder'
import { configurationFromEnv, envName } from './env-configuration'

const ROOT = join(__dirname, '..')

async function main() {
  const { values } = parseArgs({
    options: {
      provider: { type: 'string' },
      scenario: { type: 'string' },
      out: { type: 'string' },
      'public-url': { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      force: { type: 'boolean' },
      // The bundle to run (the tests give theirs); dist/index.js, built when older than its sources, by default.
      bundle: { type: 'string' },
    },
  })
  const id = values.provider
  if (!id) throw new Error('usage: npm run record -- --provider <id> [--scenario <name>] [--out <file>]')
  const source = readBundle('').providers.find((p) => p.manifest.id === id)
  if (!source) throw new Error(`no provider '${id}' in providers/`)
  const { configuration, missing } = configurationFromEnv(source.manifest, process.env)
  if (missing.length)
    throw new Error(`set the configuration of ${source.manifest.title} in the environment: ${missing.join(', ')}`)
  const out = values.out ?? join(ROOT, 'test', 'fixtures', 'providers', `${id}.yaml`)
  if (existsSync(out) && !values.scenario && !values.force)
    throw new Error(
      `${relative(ROOT, out)} exists: add the recording to it with --scenario <name>, or replace it with --force`
    )
  if (!values.bundle) await buildIfNeeded((line) => console.log(line))

  const terminal = createInterface({ input: process.stdin, output: process.stdout })
  const { fixture, warnings } = await recordSession({
    provider: id,
    configuration,
    bundle: values.bundle,
    publicUrl: values['public-url'],
    user: values.email ? { name: values.name ?? 'Ada Lovelace', email: values.email } : undefined,
    log: (line) => console.log(line),
    agentTurn: async ({ ticketId, webhookUrl }) => {
      console.log(
        `\nYour turn, as the agent, in ${source.manifest.title} (ticket ${ticketId}; its webhooks come to ${webhookUrl}):` +
          `\n  reply with some text and a file or two, assign the ticket, close it if you like.`
      )
      await terminal.question('Press Enter when done … ')
    },
  })
  terminal.close()

  const note = `Recorded by npm run record on ${new Date().toISOString().slice(0, 10)} against ${source.manifest.title}.`
  if (values.scenario) {
    const doc = parseDocument(readFileSync(out, 'utf8'))
    const { provider: _provider, apiPath: _apiPath, ...fields } = fixture
    if (!doc.has('scenarios')) doc.set('scenarios', doc.createNode([]))
    const scenarios = doc.get('scenarios') as { add: (v: unknown) => void }
    scenarios.add(doc.createNode({ name: values.scenario, ...fields }))
    writeFileSync(out, doc.toString({ lineWidth: 120 }))
  } else writeFileSync(out, fixtureYaml(fixture, note))
  console.log(`\nwrote ${relative(ROOT, out)}${values.scenario ? ` (scenario: ${values.scenario})` : ''}`)
  for (const w of warnings) console.log(`  ! ${w}`)
  console.log(`replay it: npm run test:provider -- ${id}`)
}

main().catch((err) => {
  console.error(`record: ${(err as Error).message}`)
  if (/configuration/.test((err as Error).message))
    console.error(`configuration fields are read from HITL_<FIELD> variables, e.g. apiToken → ${envName('apiToken')}`)
  process.exit(1)
})
