import ky from 'ky'
import { spawn } from 'node:child_process'
async function main() {
  const child = spawn('node_modules/.bin/tsx', ['bench/zendesk-stand-in.ts'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url: string = await new Promise((r) => child.stdout.once('data', (d) => r(d.toString().trim())))
  const target = `${url}/api/v2/tickets/77.json`
  const body = JSON.stringify({ ticket: { comment: { body: 'x', public: true } } })
  const variants: Record<string, () => Promise<unknown>> = {
    plain: () => ky.put(target, { body, headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, retry: 0, timeout: 15000 }).text(),
    manual: () => ky(target, { method: 'PUT', body, headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, retry: 0, timeout: 15000, throwHttpErrors: false, redirect: 'manual' }).then((r) => r.text()),
    noTimeout: () => ky(target, { method: 'PUT', body, headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, retry: 0, timeout: false, throwHttpErrors: false, redirect: 'manual' }).then((r) => r.text()),
    fetch: () => fetch(target, { method: 'PUT', body, headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, redirect: 'manual' }).then((r) => r.text()),
  }
  for (let round = 0; round < 2; round++)
    for (const [name, f] of Object.entries(variants)) {
      for (let i = 0; i < 200; i++) await f()
      const c = process.cpuUsage(); const t = performance.now()
      for (let i = 0; i < 1500; i++) await f()
      const u = process.cpuUsage(c)
      console.log(round, name.padEnd(10), 'cpu/op', ((u.user + u.system) / 1500 / 1000).toFixed(3), 'ms', 'wall/op', ((performance.now() - t) / 1500).toFixed(3))
    }
  child.kill()
}
main()
