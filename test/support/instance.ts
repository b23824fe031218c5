/** One instance of the integration, as Botpress runs many: `npm run serve` on the test bundle, in a process of its own. */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { TEST_BUNDLE } from './botpress'

const ROOT = join(__dirname, '..', '..')

export type Instance = { url: string; process: ChildProcess; output: () => string }

/** Started with `env` beside this process's; its output (stdout) kept, for what a preloaded hook says. */
export function integrationServer(env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['scripts/serve.ts', '--bundle', TEST_BUNDLE, '--port', '0'],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] }
  )
  let out = ''
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const served = /integration served on (http:\/\/[^\s]+)/.exec(out)
      if (served) resolve({ url: served[1]!, process: child, output: () => out })
    })
    child.on('exit', (code) => reject(new Error(`the integration server stopped (${code}): ${out}`)))
  })
}
