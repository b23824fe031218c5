/**
 * npm run cli-check: what a bot builder's `bp deploy` will meet, for the build with every provider and for each
 * HITL_PROVIDER build: `bp lint` with no error and no warning, `bp build`, and the CLI's bundle loaded and pinged
 * through its exported handler, carrying only the manifests it should. Run by .ci/run; needs ../shared/tools/bp.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { connectManifest } from '../testkit/connect-manifest'
import { packedTexts } from '../build/esbuild'
import { readBundle } from '../build/providers'
import { bp, BP, cliAvailable, lintProblems, pingBundle, ROOT } from './bp-cli'

/**
 * `provider`'s build (or the default one, with every provider) must carry exactly its manifests' texts: its own and
 * those of the manifests it is written over (`bases`, for the places of their problems).
 */
async function check(provider: string | undefined, all: string[], dir = '', bases: string[] = []): Promise<string[]> {
  const env = { HITL_PROVIDER: provider ?? '', HITL_PROVIDERS_DIR: dir }
  const problems = lintProblems(bp(['lint'], env)).map((p) => `bp lint: ${p}`)
  const built = bp(['build'], env)
  if (built.status !== 0) return [...problems, `bp build failed:\n${built.output}`]
  const file = join(ROOT, '.botpress', 'dist', 'index.cjs')
  const status = await pingBundle(file).catch((err: Error) => `${err.message}`)
  if (status !== 200) problems.push(`the bundle does not answer a ping: ${status}`)
  // The manifests are carried packed (build/esbuild.ts, packed).
  const code = packedTexts(readFileSync(file, 'utf8')).join('\n')
  for (const file of all) {
    const carried = code.includes(file)
    const wanted = !provider || file.endsWith(`/${provider}.yaml`) || bases.includes(file)
    if (carried !== wanted) problems.push(`the bundle ${carried ? 'carries' : 'lacks'} ${file}`)
  }
  return problems
}

async function main() {
  if (!cliAvailable()) {
    console.error(`${BP} is absent: the official CLI lives in ../shared beside the checkout`)
    process.exit(1)
  }
  const { providers } = readBundle('')
  const files = providers.map((p) => p.file)
  let failed = 0
  for (const provider of [undefined, ...providers.map((p) => p.manifest.id)]) {
    const started = performance.now()
    const bases = providers.find((p) => p.manifest.id === provider)?.bases?.map((b) => b.file) ?? []
    const problems = await check(provider, files, '', bases)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const name = provider ? `HITL_PROVIDER=${provider}` : 'default build'
    console.log(`${problems.length ? '✗' : '✓'} ${name}: bp lint clean, bp build, handler answers (${seconds} s)`)
    for (const p of problems) console.log(`    ${p}`)
    if (problems.length) failed++
  }
  // A provider that connects with OAuth (none of the bundled ones yet), its app's secret the deployment's: the Connect
  // link script and the declared secret must reach the build.
  const dir = mkdtempSync(join(tmpdir(), 'hitl-connect-'))
  const connect = parse(connectManifest())
  connect.secrets = {
    SANDBOX_CLIENT_SECRET: { description: "The sandbox app's client secret.", hosts: ['127.0.0.1'] },
  }
  connect.http.auth.clientSecret = '{{ secrets.SANDBOX_CLIENT_SECRET }}'
  writeFileSync(join(dir, 'sandbox-connect.yaml'), stringify(connect))
  const problems = await check(undefined, [], dir)
  console.log(
    `${problems.length ? '✗' : '✓'} a "Connect with …" provider (sandbox-connect): bp lint clean, bp build, handler answers`
  )
  for (const p of problems) console.log(`    ${p}`)
  if (problems.length) failed++
  if (failed) {
    console.log(`${failed} build${failed > 1 ? 's' : ''} failed`)
    process.exit(1)
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
