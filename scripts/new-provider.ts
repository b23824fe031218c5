/**
 * npm run new-provider -- <id> [--spec <OpenAPI description>] [--model ticket|conversation] [--force]
 *
 * Writes providers/<id>.yaml (a manifest skeleton that validates, its open questions as TODOs npm run validate
 * lists) and test/fixtures/providers/<id>.yaml (a fixture skeleton). With --spec (a file, or a name in
 * ../shared/specs), it proposes the base URL, the auth and the calls behind each part from the description
 * (scripts/scaffold.ts), each marked for review.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { SPECS_DIR } from '../testkit/prism'
import { analyse, fixtureSkeleton, manifestSkeleton, readSpec, type Model } from './scaffold'

const ROOT = join(__dirname, '..')

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      spec: { type: 'string' },
      model: { type: 'string', default: 'ticket' },
      force: { type: 'boolean' },
      // Where to write (the tests write elsewhere); the project's providers/ and fixtures by default.
      root: { type: 'string' },
    },
  })
  const id = positionals[0]
  if (!id || !/^[a-z][a-z0-9-]*$/.test(id))
    throw new Error(
      'usage: npm run new-provider -- <id: lowercase words joined by -> [--spec <file>] [--model ticket|conversation]'
    )
  const model = values.model as Model
  if (model !== 'ticket' && model !== 'conversation') throw new Error(`--model is ticket or conversation, not ${model}`)
  const root = values.root ?? ROOT
  const manifestFile = join(root, 'providers', `${id}.yaml`)
  const fixtureFile = join(root, 'test', 'fixtures', 'providers', `${id}.yaml`)
  for (const f of [manifestFile, fixtureFile])
    if (existsSync(f) && !values.force) throw new Error(`${relative(process.cwd(), f)} exists (--force replaces it)`)
  let specFile = values.spec
  if (specFile && !existsSync(specFile) && existsSync(join(SPECS_DIR, specFile))) specFile = join(SPECS_DIR, specFile)
  if (specFile && !existsSync(specFile)) throw new Error(`no such description: ${values.spec}`)
  const analysis = specFile ? analyse(readSpec(specFile), model) : undefined
  const manifest = manifestSkeleton(id, model, analysis, specFile && basename(specFile))
  writeFileSync(manifestFile, manifest)
  writeFileSync(fixtureFile, fixtureSkeleton(id, model, manifest))
  console.log(`wrote ${relative(process.cwd(), manifestFile)} and ${relative(process.cwd(), fixtureFile)}`)
  if (analysis) {
    console.log(`proposed from ${basename(specFile!)} (each marked "TODO: review" in the manifest):`)
    console.log(`  base URL      ${analysis.baseUrl ?? '(none found)'}`)
    console.log(
      `  auth          ${analysis.auth.kind}${analysis.auth.name ? ` (${analysis.auth.in} ${analysis.auth.name})` : ''}`
    )
    for (const part of ['createUser', 'startHitl', 'userMessage', 'botMessage', 'stopHitl', 'subscribe'] as const) {
      const p = analysis[part].chosen
      console.log(`  ${part.padEnd(13)} ${p ? `${p.method} ${p.path}` : '(nothing found)'}`)
    }
  }
  console.log(`next: edit the TODOs (npm run validate -- ${relative(process.cwd(), manifestFile)} lists them), then`)
  console.log(
    `      npm run record -- --provider ${id}   or fill the fixture by hand, then npm run test:provider -- ${id}`
  )
}

try {
  main()
} catch (err) {
  console.error(`new-provider: ${(err as Error).message}`)
  process.exit(1)
}
