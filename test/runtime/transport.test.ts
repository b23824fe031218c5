/**
 * The transport's answers (src/runtime/http/transport.ts, Answer), over real HTTP from a server of the test's own:
 * headers as fetch gives them, bodies decoded, read once whoever reads them, bounded in size whether the length is
 * announced or not (the reading stops there), and an answer that stalls midway or breaks off said as such.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Answer, transmit, Unreached } from '../../src/runtime/http/transport'
import { ProviderError } from '../../src/runtime/errors'

let server: Server
let base = ''
/** Settled when the client closes the connection of an answer to /unannounced. */
let connectionClosed: () => void
const closed = new Promise<void>((resolve) => (connectionClosed = resolve))
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/json': (_req, res) => {
    res.writeHead(200, [
      ['Content-Type', 'application/json'],
      ['X-Twice', 'a'],
      ['x-twice', 'b'],
    ])
    res.end(JSON.stringify({ id: 7 }))
  },
  '/gzip': (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' })
    res.end(gzipSync('é'.repeat(50_000)))
  },
  '/announced': (_req, res) => {
    res.writeHead(200, { 'content-length': '2000' })
    res.end('x'.repeat(2000))
  },
  // Chunked: no length announced; 8 KiB, then the answer stays open until the client closes the connection.
  '/unannounced': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' })
    for (let i = 0; i < 8; i++) res.write(Buffer.alloc(1024, 120))
    res.on('close', () => connectionClosed())
  },
  // The head and part of the body, then nothing more.
  '/stalls': (_req, res) => {
    res.writeHead(200, { 'content-length': '100', 'content-type': 'application/json' })
    res.write('{"id":')
  },
  // The head and part of the body, then the connection closes.
  '/breaks': (_req, res) => {
    res.writeHead(200, { 'content-length': '100', 'content-type': 'application/json' })
    res.write('{"id":', () => res.socket?.destroy())
  },
  '/none': (_req, res) => {
    res.writeHead(204)
    res.end()
  },
}

beforeAll(async () => {
  server = createServer((req, res) => routes[req.url ?? '']?.(req, res))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

const get = (path: string, timeoutMs = 10_000) =>
  transmit(new URL(`${base}${path}`), { method: 'GET', headers: {}, timeoutMs }, 'test')

describe("the transport's answers", () => {
  it('give headers as fetch does (lowercased, repeated ones joined), and their body read once for every reader', async () => {
    const answer = await get('/json')
    expect(answer).toBeInstanceOf(Answer)
    expect([answer.status, answer.ok]).toEqual([200, true])
    expect(answer.headers['content-type']).toBe('application/json')
    expect(answer.headers['x-twice']).toBe('a, b')
    const [text, bytes] = await Promise.all([answer.text(), answer.bytes()])
    expect(text).toBe('{"id":7}')
    expect(Buffer.from(bytes).toString()).toBe(text)
    expect(bytes.constructor).toBe(Uint8Array)
    expect(await answer.text()).toBe(text)
    const none = await get('/none')
    expect([none.status, await none.text()]).toEqual([204, ''])
  })

  it('decode the body as its content-encoding says, whatever the number of chunks', async () => {
    const answer = await get('/gzip')
    expect(await answer.text()).toBe('é'.repeat(50_000))
    const bytes = await answer.bytes()
    expect(bytes.byteLength).toBe(100_000)
    // Memory of their own: a view into a buffer Node shares would carry (or, moved to a worker, take) the rest of it.
    expect(bytes.byteOffset).toBe(0)
    expect(bytes.buffer.byteLength).toBe(100_000)
  })

  it('refuse a body past its bound, announced or found while reading, and stop reading there', async () => {
    await expect((await get('/announced')).bytes(1000, 'the file')).rejects.toThrow(
      new ProviderError('the file is larger than 1000 bytes', {})
    )
    expect(await (await get('/announced')).bytes(2000)).toHaveLength(2000)
    const unannounced = await get('/unannounced')
    expect(unannounced.headers['content-length']).toBeUndefined()
    await expect(unannounced.bytes(4096, 'attachment')).rejects.toThrow('attachment is larger than 4096 bytes')
    // The client closed the connection there: the answer would otherwise stay open, and this test with it.
    await closed
  })

  it('say an answer that stalls midway timed out, and one that breaks off broke off', async () => {
    const stalls = await get('/stalls', 2000)
    const stalled = await stalls.text().catch((err: unknown) => err)
    expect(stalled).toBeInstanceOf(Unreached)
    expect(stalled).toMatchObject({ why: 'timed out while reading the answer', timedOut: true })
    const breaks = await get('/breaks')
    const broken = await breaks.text().catch((err: unknown) => err)
    expect(broken).toBeInstanceOf(Unreached)
    expect(broken).toMatchObject({ timedOut: false })
    expect((broken as Unreached).why).toMatch(/^the answer broke off \(/)
  })
})
