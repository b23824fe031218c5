/**
 * npm run bench: the declarative runtime against hand-written code doing the same Zendesk calls (bench/baseline.ts),
 * both talking to one stand-in on 127.0.0.1 in another process; then cold start, webhook throughput and bundle
 * size. Prints figures and ratios; asserts nothing. Method and latest figures: bench/README.md.
 */
import * as esbuild from 'esbuild'
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { CLI_DEFAULTS, esbuildOptions, isolationWorkerCode } from '../build/esbuild'
import { readBundle } from '../build/providers'
import { expressionsOf } from '../build/trees'
import type { Bundle } from '../src/botpress/providers'
import { Expression } from '../src/manifest/expressions'
import { fastPath } from '../src/manifest/expressions/fast-path'
import { bundle } from '../scripts/build'
import { botpressCalls } from '../testkit/botpress-calls'
import { version as SDK_VERSION } from '@botpress/sdk/package.json'

const ROOT = join(__dirname, '..')

/** The manifests' distinct expressions (templates' parts included), and those the fast path cannot answer. */
function expressionsOffTheFastPath(providers: Bundle['providers']): { slow: number; all: number } {
  const all = new Set(providers.flatMap(expressionsOf))
  const slow = [...all].filter((source) => !fastPath(Expression.syntaxTree(source))).length
  return { slow, all: all.size }
}

const QUICK = process.argv.includes('--quick')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (x: number) => `${x.toFixed(3)} ms`

function startStandIn(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'zendesk-stand-in.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve({ url: d.toString().trim(), stop: () => child.kill() }))
    child.once('exit', (code) => reject(new Error(`stand-in exited (${code})`)))
  })
}

/** Median of five fresh processes running `code`, which prints a JSON object of numbers. */
function fresh(code: string, flags: string[] = []): Record<string, number> {
  return medianOf5(process.execPath, [...flags, '-e', code])
}

/** Each file's import times over 15 rounds; in each round, each file imported in a fresh process, one after another. */
function importsAlternating(files: string[]): number[][] {
  const times = files.map(() => [] as number[])
  for (let round = 0; round < 15; round++)
    files.forEach((file, i) =>
      times[i]!.push(
        Number(
          execFileSync(
            process.execPath,
            ['-e', `const t = performance.now(); require(${JSON.stringify(file)}); console.log(performance.now() - t)`],
            { encoding: 'utf8' }
          )
        )
      )
    )
  return times
}

/**
 * `a` ÷ `b`, imported side by side in each round: the median of the rounds' ratios, with their quartiles (a round's
 * two imports a second apart meet the same machine, where the medians of each may come from different moments).
 */
function pairedRatio(a: number[], b: number[]): string {
  const ratios = a.map((x, i) => x / b[i]!).sort((x, y) => x - y)
  const at = (q: number) => ratios[Math.floor((ratios.length - 1) * q)]!.toFixed(2)
  return `**${at(0.5)}** (rounds' quartiles ${at(0.25)}–${at(0.75)})`
}

/** Median of five fresh processes of `command`, each printing a JSON object of numbers. */
function medianOf5(command: string, args: string[]): Record<string, number> {
  const runs = Array.from(
    { length: 5 },
    () => JSON.parse(execFileSync(command, args, { cwd: ROOT, encoding: 'utf8' })) as Record<string, number>
  )
  return Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!))]))
}

async function main() {
  // The stand-in is on 127.0.0.1 over plain http: local use (src/runtime/network.ts).
  process.env.HITL_ALLOW_LOCAL_NETWORK = '1'
  const integrationBundle = await bundle()
  // The isolation workers' program, as the integration's bundle carries it, in a file of its own for the bench's
  // processes (the operations' pasted rows, the heap per plan) that load no integration bundle.
  const workerFile = join(ROOT, 'dist', 'bench', 'isolation-worker.js')
  mkdirSync(join(ROOT, 'dist', 'bench'), { recursive: true })
  writeFileSync(workerFile, await isolationWorkerCode(esbuild, join(ROOT, 'src', 'manifest', 'isolation', 'entry.ts')))
  // The manifests, read and validated once: as a build takes them (HITL_PROVIDER respected), and every provider's.
  const asBuilt = readBundle()
  const everyProvider = readBundle('')
  // The bench's own entries (cold start, heap per plan), bundled with the manifests as the integration is.
  const benchBundle = async (name: string, { minify = false } = {}) => {
    const outfile = join(ROOT, 'dist', 'bench', `${name}.js`)
    // As scripts/build.ts bundles the integration (the CLI's defaults, then the definition's options).
    await esbuild.build({
      ...CLI_DEFAULTS,
      logLevel: 'warning',
      minify,
      entryPoints: [join(__dirname, `${name}.ts`)],
      outfile,
      // Validating on their own thread: the cold bundle loads a pasted manifest there, as a measure of the work.
      ...esbuildOptions(asBuilt, { validates: true }),
    })
    return outfile
  }
  const coldBundle = await benchBundle('cold')
  const heapBundle = await benchBundle('heap')
  // The cold start's baseline: an integration that does nothing, bundled as bp build bundles it (the CLI's defaults:
  // its definition has no esbuild options) and minified as the integration is.
  const emptyBundle = await bundle(join(ROOT, 'dist', 'bench', 'empty.js'), everyProvider, {
    minify: true,
    entry: './bench/empty-integration',
    ownOptions: false,
  })
  // The same empty integration with this definition's esbuild options (keepNames off, build/esbuild.ts): how much of
  // the ratio below those options make, shown beside it.
  const emptyOwnBundle = await bundle(join(ROOT, 'dist', 'bench', 'empty-own.js'), everyProvider, {
    minify: true,
    entry: './bench/empty-integration',
  })

  const desk = await startStandIn()
  // Stopped whatever happens: left running, it would hold this process's output open.
  process.once('exit', () => desk.stop())
  // The operations, from a minified bundle of bench/operations.ts (both sides minified alike), in this process.
  const operations = require(await benchBundle('operations', { minify: true })) as typeof import('./operations')
  const { rows, runs, throughput } = await operations.run({
    root: ROOT,
    standInUrl: desk.url,
    isolationFile: workerFile,
    quick: QUICK,
  })
  desk.stop()
  const { one, fifty, twoHundred, hand } = throughput

  // Cold start, each in fresh processes.
  const heap = fresh(
    // Kept alive while the isolation workers (unreferenced) answer.
    `setInterval(() => {}, 1000); require(${JSON.stringify(heapBundle)}).run(${JSON.stringify(workerFile)}).then((r) => { console.log(JSON.stringify(r)); process.exit(0) })`,
    ['--expose-gc']
  )
  // A bot's first call in a fresh process, Zendesk Messaging chosen in the configuration or pasted as text.
  const firstCall = (way: 'bundled' | 'pasted' | 'unkept') =>
    medianOf5(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'first-call.ts'), integrationBundle, way])
  const [firstBundled, firstPasted, firstUnkept] = [firstCall('bundled'), firstCall('pasted'), firstCall('unkept')]
  const loaded = fresh(
    `const t = performance.now(); const m = require(${JSON.stringify(coldBundle)}); const i = performance.now() - t; console.log(JSON.stringify({ importMs: i, ...m.run() }))`
  )

  const size = statSync(integrationBundle).size
  const gz = gzipSync(readFileSync(integrationBundle)).length
  // Minified, as a deployment would ship it: every provider, and Zendesk alone.
  const minified = async (providers: ReturnType<typeof readBundle>, file: string) =>
    statSync(await bundle(file, providers, { minify: true })).size
  const minAllFile = join(ROOT, 'dist', 'bench', 'min-all.js')
  const minOneFile = join(ROOT, 'dist', 'bench', 'min-zendesk.js')
  const minAll = await minified(everyProvider, minAllFile)
  const minOne = await minified(readBundle('zendesk'), minOneFile)
  // Cold import, minified as a deployment ships it, beside the empty integration built the same way.
  // In alternating rounds (a fresh process each), so that the machine's drift weighs on every build alike.
  const imports = importsAlternating([integrationBundle, emptyBundle, emptyOwnBundle, minAllFile, minOneFile])
  const [importedMs, emptyMs, emptyOwnMs, allMs, oneMs] = imports.map(median) as [
    number,
    number,
    number,
    number,
    number,
  ]
  const [, emptyRounds, emptyOwnRounds, allRounds, oneRounds] = imports as [
    number[],
    number[],
    number[],
    number[],
    number[],
  ]
  // Botpress API calls per operation, the bundle driven as Botpress drives it (official Zendesk: 4 and 6).
  const calls = await botpressCalls(integrationBundle)

  console.log(
    `\nDeclarative runtime vs hand-written ky code, Zendesk manifest, ${runs} runs per side (Node ${process.version}, ${process.platform}/${process.arch})\n`
  )
  console.log(
    '| operation | runtime time (median) | hand-written time (median) | time ratio | runtime CPU/op | hand-written CPU/op | CPU ratio |'
  )
  console.log('|---|---|---|---|---|---|---|')
  for (const row of rows) console.log(row)
  // Each beside the hand-written code's, measured in the same rounds: the figure a slower or busier machine moves
  // least (the goals, 100k and 50k, were set beside a hand-written 132k).
  const ofHand = (rate: number) => `${rate.toFixed(0)} | ${(rate / hand).toFixed(2)} |`
  console.log(`\n| webhook throughput, one core | events/s | ÷ hand-written |\n|---|---|---|`)
  console.log(
    `| runtime, 1 matcher | ${ofHand(one)}\n| runtime, 50 matchers (match is the last) | ${ofHand(fifty)}\n| runtime, 200 matchers (match is the last) | ${ofHand(twoHundred)}\n| hand-written | ${hand.toFixed(0)} | |`
  )
  console.log(`\n| cold start (median of 5 fresh processes) | |\n|---|---|`)
  console.log(`| import of the integration bundle | ${ms(importedMs)} |`)
  console.log(`| import of the manifest loader alone | ${ms(loaded.importMs!)} |`)
  console.log(`| import of an empty sdk ${SDK_VERSION} integration, minified | ${ms(emptyMs)} |`)
  console.log(
    `| import, minified, every provider ÷ empty (medians; their ratio, round by round) | ${ms(allMs)} ÷ ${ms(emptyMs)}: ${pairedRatio(allRounds, emptyRounds)} |`
  )
  console.log(
    `| import, minified, Zendesk alone ÷ empty | ${ms(oneMs)} ÷ ${ms(emptyMs)}: ${pairedRatio(oneRounds, emptyRounds)} |`
  )
  console.log(
    `| the same ÷ the empty integration built with this definition's esbuild options | ${ms(oneMs)} ÷ ${ms(emptyOwnMs)}: ${pairedRatio(oneRounds, emptyOwnRounds).replace(/\*/g, '')} |`
  )
  console.log(
    `| a bot's first call (createUser) after import, Zendesk Messaging bundled / pasted (kept valid in its state by its registration) | ${ms(firstBundled.callMs!)} / ${ms(firstPasted.callMs!)} = **${(firstPasted.callMs! / firstBundled.callMs!).toFixed(2)}** |`
  )
  console.log(
    `| the same, pasted, nothing kept (loaded in a worker first) ÷ bundled | ${ms(firstUnkept.callMs!)} ÷ ${ms(firstBundled.callMs!)} = ${(firstUnkept.callMs! / firstBundled.callMs!).toFixed(2)} |`
  )
  console.log(`| load bundled zendesk.yaml (validated at build), first after import | ${ms(loaded.oneMs!)} |`)
  console.log(`| load all ${loaded.count} bundled manifests | ${ms(loaded.allMs!)} |`)
  console.log(`| load + validate + compile a pasted manifest (zendesk.yaml as text), first | ${ms(loaded.pastedMs!)} |`)
  console.log(`| load + validate + compile a second pasted manifest (intercom.yaml) | ${ms(loaded.secondPastedMs!)} |`)
  console.log(
    `| heap per pasted plan (zendesk-messaging.yaml, ${heap.textKiB!.toFixed(0)} KiB of YAML; 40 kept): loaded / every expression compiled | ${heap.pastedPlanKiB!.toFixed(0)} KiB / ${heap.usedPlanKiB!.toFixed(0)} KiB |`
  )
  console.log(
    `\n| bundle | |\n|---|---|\n| dist/index.js | ${(size / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzipped) |`
  )
  console.log(`| minified, every provider | ${(minAll / 1024).toFixed(0)} KiB |`)
  console.log(`| minified, Zendesk alone (HITL_PROVIDER=zendesk) | ${(minOne / 1024).toFixed(0)} KiB |`)
  const { slow, all } = expressionsOffTheFastPath(everyProvider.providers)
  console.log(
    `\n| expressions of the ${everyProvider.providers.length} bundled manifests (distinct) | |\n|---|---|\n| worked out without JSONata's evaluator (the fast path) | ${all - slow} of ${all} |\n| for JSONata alone (a worker round trip each in a pasted manifest) | ${slow} |`
  )
  console.log(
    `\n| Botpress API calls (official Zendesk: 4 per message out, 6 per webhook) | calls | which |\n|---|---|---|`
  )
  for (const c of calls)
    console.log(
      `| ${c.operation} | ${c.calls} | ${c.which.map((w) => w.replace(/ conv_\w+\/| intver_\w+\//, ' ')).join(', ')} |`
    )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
