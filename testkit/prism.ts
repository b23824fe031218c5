/**
 * A fixture's contract (its `contract` block): Prism proxies of the vendor's published API descriptions
 * (../shared/specs, never copied here), corrected by the fixture's declared errata in a temporary copy, behind a
 * small router. Every request goes to the proxy of the first description whose paths hold it; Prism validates it
 * (path, parameters, body, security scheme) and forwards it to the fixture's stand-in, which answers as the fixture
 * says. A request no description holds is forwarded unchecked only where the contract names its path in `outside`;
 * otherwise it is reported, like Prism's own violations.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import { createServer as netServer } from 'node:net'
import { join } from 'node:path'
import { applyPatch, type Operation } from 'fast-json-patch'
import { parse } from 'yaml'
import type { Contract, TransformErratum } from './fixture'
import { routePattern } from './helpdesk'

export const SPECS_DIR = join(__dirname, '..', '..', 'shared', 'specs')
export const specsAvailable = () => existsSync(SPECS_DIR)

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = netServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

/** The whole-description corrections an erratum may name (schemas/fixture.schema.yaml, contract.errata.transform). */
const TRANSFORMS: Record<TransformErratum['transform'], (doc: any, value?: string) => void> = {
  prefixPaths: (doc, value = '') => {
    doc.paths = Object.fromEntries(Object.entries(doc.paths).map(([path, op]) => [`${value}${path}`, op]))
  },
  alsoWithSuffix: (doc, value = '') => {
    for (const [path, op] of Object.entries(doc.paths)) doc.paths[`${path}${value}`] ??= op
  },
  dropParameter: (doc, value = '') => {
    for (const item of Object.values<any>(doc.paths))
      for (const op of Object.values<any>(item))
        if (op && Array.isArray(op.parameters)) op.parameters = op.parameters.filter((p: any) => p.name !== value)
  },
  formDataAsJson: (doc) => {
    for (const item of Object.values<any>(doc.paths))
      for (const op of Object.values<any>(item)) {
        const form = (op?.parameters ?? []).filter((p: any) => p.in === 'formData')
        if (!form.length || !(op.consumes ?? doc.consumes ?? []).includes('application/json')) continue
        const properties = Object.fromEntries(
          form.map(({ name, in: _in, required: _r, description, ...schema }: any) => [name, { description, ...schema }])
        )
        const required = form.filter((p: any) => p.required).map((p: any) => p.name)
        op.parameters = [
          ...op.parameters.filter((p: any) => p.in !== 'formData'),
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: { type: 'object', properties, ...(required.length ? { required } : {}) },
          },
        ]
        op.consumes = ['application/json']
      }
  },
  dropContradictoryUuidFormats: (doc) => {
    const walk = (node: any): void => {
      if (!node || typeof node !== 'object') return
      if (node.format === 'uuid' && typeof node.example === 'string' && !/^[0-9a-f-]{36}$/i.test(node.example))
        delete node.format
      for (const v of Object.values(node)) walk(v)
    }
    walk(doc)
  },
}

/** A description as the contract has it: read from ../shared/specs, its errata applied in order. */
export function correctedSpec(contract: Contract, spec: string): any {
  const text = readFileSync(join(SPECS_DIR, spec), 'utf8')
  const doc = spec.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 })
  // A Swagger 2 basePath (Slack's /api) is part of every path as the API serves it: the router matches whole paths.
  if (doc.swagger && typeof doc.basePath === 'string' && doc.basePath !== '/') {
    TRANSFORMS.prefixPaths(doc, doc.basePath.replace(/\/$/, ''))
    delete doc.basePath
  }
  for (const [i, erratum] of (contract.errata ?? []).entries()) {
    if (erratum.spec && erratum.spec !== spec) continue
    try {
      if ('transform' in erratum) TRANSFORMS[erratum.transform](doc, erratum.value)
      else applyPatch(doc, erratum.patch as Operation[], true, true)
    } catch (e) {
      throw new Error(`contract.errata[${i}] (${erratum.reason}) does not apply to ${spec}: ${(e as Error).message}`)
    }
  }
  return doc
}

type Proxy = { spec: string; port: number; process: ChildProcess; paths: RegExp[] }

/** The request sent again to `base`, with its headers and body; resolves with the answer. */
function send(base: string, req: IncomingMessage, body: Buffer): Promise<IncomingMessage> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const out = httpRequest(
      { host: url.hostname, port: url.port, path: req.url, method: req.method, headers: req.headers },
      resolve
    )
    out.on('error', reject)
    out.end(body)
  })
}

export class ContractProxies {
  private proxies: Proxy[] = []
  private router?: Server
  private sink?: Server
  private readonly log: string[] = []
  /** Requests no description holds and no `outside` path names. */
  private readonly unknown: string[] = []
  url = ''

  /**
   * Starts one Prism proxy per description and the router in front of them, which answers from `upstream`. Prism
   * sees a copy of each request only, and forwards it to a sink: what the integration gets back is the stand-in's
   * answer untouched (Prism would follow a redirect, and mock where the upstream answers 501).
   */
  async start(contract: Contract, upstream: string): Promise<string> {
    this.sink = createServer((req, res) => (req.resume(), res.writeHead(204).end()))
    const sinkPort = await freePort()
    await new Promise<void>((r) => this.sink!.listen(sinkPort, '127.0.0.1', r))
    const dir = mkdtempSync(join(tmpdir(), 'specs-'))
    await Promise.all(
      contract.specs.map(async (spec) => {
        const doc = correctedSpec(contract, spec)
        const file = join(dir, spec.replace(/\.ya?ml$/, '.json'))
        writeFileSync(file, JSON.stringify(doc))
        const port = await freePort()
        const bin = join(__dirname, '..', 'node_modules', '.bin', 'prism')
        const child = spawn(
          bin,
          ['proxy', '-h', '127.0.0.1', '-p', String(port), file, `http://127.0.0.1:${sinkPort}`],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          }
        )
        const paths = Object.keys(doc.paths).map((p) => new RegExp('^' + p.replace(/\{[^}]+\}/g, '[^/]+') + '$'))
        this.proxies.push({ spec, port, process: child, paths })
        await this.listening(spec, child)
      })
    )
    // In the order the contract lists them.
    this.proxies.sort((a, b) => contract.specs.indexOf(a.spec) - contract.specs.indexOf(b.spec))
    const outside = (contract.outside ?? []).map((o) => routePattern(o.path).pattern)
    this.router = createServer(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const body = Buffer.concat(chunks)
      const path = (req.url ?? '/').split('?')[0]!
      const proxy = this.proxies.find((m) => m.paths.some((p) => p.test(path)))
      if (proxy) await send(`http://127.0.0.1:${proxy.port}`, req, body).then((r) => r.resume())
      else if (!outside.some((p) => p.test(path))) this.unknown.push(`${req.method} ${path}: in no description`)
      try {
        const answer = await send(upstream, req, body)
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      } catch (e) {
        res.writeHead(502).end(String(e))
      }
    })
    const port = await freePort()
    await new Promise<void>((r) => this.router!.listen(port, '127.0.0.1', r))
    return (this.url = `http://127.0.0.1:${port}`)
  }

  private listening(spec: string, child: ChildProcess) {
    return new Promise<void>((resolve, reject) => {
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

  /** Every refusal so far: Prism's request violations (what rule a request broke) and requests in no description. */
  violations(): string[] {
    const prism = this.log
      .join('')
      .split('\n')
      .filter((l) => /Violation: request|Invalid security scheme/.test(l))
      .map((l) => l.replace(/^.*(Violation: |error\s+)/, ''))
    return [...prism, ...this.unknown]
  }

  async stop() {
    for (const m of this.proxies) m.process.kill()
    for (const server of [this.router, this.sink])
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  }
}
