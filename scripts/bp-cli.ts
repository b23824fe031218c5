/**
 * The official Botpress CLI (../shared/tools/bp, version 5.5.6) run on this project, as a bot builder's `bp build`
 * and `bp deploy` would run it; and the check that a bundle it made loads and answers Botpress.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..')
export const BP = process.env.BP_CLI ?? join(ROOT, '..', 'shared', 'tools', 'bp')
export const cliAvailable = () => existsSync(BP)

export type CliRun = { status: number; output: string }

/**
 * Runs `bp <args>` in the project, HITL_PROVIDER and HITL_PROVIDERS_DIR unset unless `env` sets them. The CLI leaves
 * its esbuild service running when it exits, which then sometimes prints a Go "all goroutines are asleep" trace;
 * that trace says nothing about the command and is cut off here.
 */
export function bp(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): CliRun {
  // Into a file: the CLI's output to a pipe is cut at 64 KiB.
  const dir = mkdtempSync(join(tmpdir(), 'bp-cli-'))
  const file = join(dir, 'output')
  const fd = openSync(file, 'w')
  try {
    const run = spawnSync(BP, args, {
      cwd,
      env: { ...process.env, HITL_PROVIDER: '', HITL_PROVIDERS_DIR: '', ...env },
      stdio: ['ignore', fd, fd],
    })
    return {
      status: run.status ?? 1,
      output: readFileSync(file, 'utf8').replace(/\nfatal error: all goroutines are asleep[\s\S]*$/, '\n'),
    }
  } finally {
    closeSync(fd)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The JSON `bp read --json` prints after its banner. */
export function readDefinition(env: Record<string, string | undefined> = {}): any {
  const { status, output } = bp(['read', '--json'], env)
  if (status !== 0) throw new Error(`bp read failed:\n${output}`)
  return JSON.parse(output.slice(output.indexOf('{')))
}

/** What keeps a lint from being clean: errors (×), warnings (⚠), a failed run. Empty when the definition is valid. */
export function lintProblems(run: CliRun): string[] {
  const problems = run.output.split('\n').filter((l) => /⚠|×/.test(l))
  if (run.status !== 0 && !problems.length) problems.push(`bp lint exited with ${run.status}`)
  if (!run.output.includes('Integration definition is valid') && !problems.length)
    problems.push('bp lint did not say the definition is valid')
  return problems
}

/** Botpress' request headers for an operation, as the runtime sends them. */
export function botpressHeaders(operation: string, configuration: unknown = {}): Record<string, string> {
  return {
    'x-bp-operation': operation,
    'x-bot-id': 'bot_check',
    'x-bot-user-id': 'user_check',
    'x-integration-id': 'intver_check',
    'x-integration-alias': 'hitl',
    'x-webhook-id': 'wh_check',
    'x-bp-configuration': Buffer.from(JSON.stringify(configuration)).toString('base64'),
  }
}

/** Loads a CommonJS bundle as Botpress does and pings it through its exported `handler`; the answer's status. */
export async function pingBundle(file: string): Promise<number> {
  delete require.cache[file]
  const mod = require(file)
  if (typeof mod.handler !== 'function' || mod.default?.handler !== mod.handler)
    throw new Error(`${file} does not export the integration's handler`)
  const answer = await mod.handler({
    method: 'POST',
    path: '/',
    query: '',
    headers: botpressHeaders('ping'),
    body: '{}',
  })
  return answer?.status ?? 200
}
