/**
 * npm run test:provider -- <id>: one provider's checks alone: its manifest validated, its fixture's sessions (and
 * scenarios) run by the fixture runner, and its contract check where it has one (test/contract.test.ts).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '..')
const id = process.argv[2]
if (!id || id.startsWith('-')) {
  console.error('usage: npm run test:provider -- <provider id>')
  process.exit(2)
}
const manifest = join(ROOT, 'providers', `${id}.yaml`)
if (!existsSync(manifest)) {
  console.error(`no providers/${id}.yaml`)
  process.exit(2)
}
const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1
const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs')
let status = run(process.execPath, [tsx, join(ROOT, 'scripts', 'validate.ts'), manifest])
if (status === 0)
  status = run(process.execPath, [vitest, 'run', 'test/providers.test.ts', 'test/contract.test.ts'], {
    HITL_TEST_PROVIDER: id,
  })
process.exit(status)
