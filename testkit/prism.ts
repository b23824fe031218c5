/**
 * Prism mock servers started on 127.0.0.1 from vendors' published OpenAPI descriptions (../shared/specs), behind a
 * small router when one vendor needs several descriptions. Prism answers 422 to a body its description refuses,
 * 401 when the security scheme is missing, 404 for an unknown route; the runtime turns any of them into an error.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { createServer as netServer } from 'node:net'
import { join } from 'node:path'
import { parse } from 'yaml'

export const SPECS_DIR = join(__dirname, '..', '..', 'shared', 'specs')
export const specsAvailable = () => existsSync(SPECS_DIR)

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = netServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

type Mock = { spec: string; port: number; process: ChildProcess; paths: RegExp[] }

export class PrismMocks {
  private mocks: Mock[] = []
  private router?: Server
  readonly log: string[] = []
  url = ''

  /**
   * Starts one mock per description; `errata` corrects a description's own mistakes in a temporary copy.
   * `outside` answers endpoints no saved description covers (an OAuth token endpoint), keyed "METHOD /path".
   */
  async start(
    specs: string[],
    errata?: (spec: string, doc: any) => void,
    outside: Record<string, unknown> = {}
  ): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'specs-'))
    for (const spec of specs) {
      const source = join(SPECS_DIR, spec)
      const doc = spec.endsWith('.json')
        ? JSON.parse(readFileSync(source, 'utf8'))
        : parse(readFileSync(source, 'utf8'), { maxAliasCount: -1 })
      errata?.(spec, doc)
      const file = join(dir, spec.replace(/\.ya?ml$/, '.json'))
      writeFileSync(file, JSON.stringify(doc))
      const port = await freePort()
      const bin = join(__dirname, '..', 'node_modules', '.bin', 'prism')
      const child = spawn(bin, ['mock', '-h', '127.0.0.1', '-p', String(port), file], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const paths = Object.keys(doc.paths).map((p) => new RegExp('^' + p.replace(/\{[^}]+\}/g, '[^/]+') + '$'))
      this.mocks.push({ spec, port, process: child, paths })
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`prism did not start for ${spec}: ${this.log.slice(-5).join('\n')}`)),
          90_000
        )
        const onData = (chunk: Buffer) => {
          const text = chunk.toString()
          this.log.push(text)
          if (text.includes('Prism is listening')) {
            clearTimeout(timer)
            resolve()
          }
        }
        child.stdout!.on('data', onData)
        child.stderr!.on('data', onData)
        child.on(
          'exit',
          (code) => (
            clearTimeout(timer),
            reject(new Error(`prism exited (${code}) for ${spec}: ${this.log.slice(-5).join('\n')}`))
          )
        )
      })
    }
    if (this.mocks.length === 1 && !Object.keys(outside).length)
      return (this.url = `http://127.0.0.1:${this.mocks[0]!.port}`)
    this.router = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!
      const stub = outside[`${req.method} ${path}`]
      if (stub !== undefined) {
        req.resume()
        res.writeHead(200, { 'content-type': 'application/json' })
        return res.end(JSON.stringify(stub))
      }
      const mock = this.mocks.find((m) => m.paths.some((p) => p.test(path))) ?? this.mocks[0]!
      const forward = httpRequest(
        { host: '127.0.0.1', port: mock.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        }
      )
      req.pipe(forward)
    })
    const port = await freePort()
    await new Promise<void>((r) => this.router!.listen(port, '127.0.0.1', r))
    return (this.url = `http://127.0.0.1:${port}`)
  }

  /** Request violations Prism logged (the reason behind a 422, or a 500 it could not serialise). */
  violations(): string[] {
    return this.log
      .join('')
      .split('\n')
      .filter((l) => l.includes('Violation: request'))
      .map((l) => l.replace(/^.*Violation: /, ''))
  }

  async stop() {
    for (const m of this.mocks) m.process.kill()
    await new Promise<void>((r) => (this.router ? this.router.close(() => r()) : r()))
  }
}
