/**
 * The integration served over HTTP, for self-hosting and the playground (Botpress Cloud calls the handler itself).
 * Unlike the SDK's `integration.start`, it reads a body as bytes, refuses it past a size before buffering it (413),
 * decodes it once (a multi-byte character split across chunks stays whole, so signatures hold), and accepts the
 * large headers a pasted manifest needs (the configuration travels base64 in `x-bp-configuration`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Handler, Request } from '@botpress/sdk'

export type ServeOptions = {
  port?: number
  host?: string
  /** Largest body read (bytes); larger ones get 413 before being buffered. HITL_MAX_BODY_BYTES, default 4 MiB. */
  maxBodyBytes?: number
  /** Largest request head (bytes): 512 KiB of manifest is 683 KiB of base64. Default 2 MiB. */
  maxHeaderBytes?: number
}

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024
export const DEFAULT_MAX_HEADER_BYTES = 2 * 1024 * 1024

export function maxBodyBytes(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.HITL_MAX_BODY_BYTES)
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_BODY_BYTES
}

export class TooLarge extends Error {}

/**
 * The body as bytes, refused as soon as it passes `max`: nothing more is buffered, and the rest is drained (not
 * kept) so the connection is still there to carry the 413.
 */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > max) {
      req.resume()
      return reject(new TooLarge())
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= max) return void chunks.push(chunk)
      req.off('data', onData)
      chunks.length = 0
      req.resume()
      reject(new TooLarge())
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks, size)))
    req.on('error', reject)
  })
}

function answer(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' }
) {
  res.writeHead(status, headers)
  res.end(body)
}

export async function serve(handler: Handler, options: ServeOptions = {}): Promise<Server> {
  const max = options.maxBodyBytes ?? maxBodyBytes()
  const server = createServer({ maxHeaderSize: options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES }, (req, res) => {
    void (async () => {
      let raw: Buffer
      try {
        raw = await readBody(req, max)
      } catch (err) {
        if (!(err instanceof TooLarge)) return res.destroy()
        // Answer, then close: the rest of the body is not read.
        res.setHeader('connection', 'close')
        return answer(res, 413, JSON.stringify({ error: `request body larger than ${max} bytes` }))
      }
      const url = new URL(req.url ?? '/', 'http://localhost')
      const headers: Request['headers'] = {}
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v
      const request: Request = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.search.replace(/^\?/, ''),
        headers,
        body: raw.length ? raw.toString('utf8') : undefined,
      }
      try {
        const response = await handler(request)
        answer(res, response?.status ?? 200, response?.body ?? '', response?.headers ?? {})
      } catch (err) {
        answer(res, 500, JSON.stringify({ error: (err as Error).message ?? 'internal error' }))
      }
    })()
  })
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy()
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`)
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  return server
}
