/**
 * The pieces every signature shares, whichever side makes it: the integration verifying a vendor's webhook
 * (./verify), the integration signing its own requests (./auth/hmac-request.ts), the fixture runner signing a
 * webhook as the vendor would (testkit): keys read as the manifest says they are written, HMACs, timestamps.
 */
import { createHmac } from 'node:crypto'

export type KeyEncoding = 'text' | 'hex' | 'base64'
export type TimestampFormat = 'unixSeconds' | 'unixMilliseconds' | 'unix' | 'iso8601'

/** From here a unix timestamp is in milliseconds (seconds reach it in the year 5138; milliseconds passed it in 1973). */
const MILLISECONDS_FROM = 1e11

/** The bytes of a key as written: its UTF-8 text (as it is: crypto reads a text key as UTF-8), or the bytes its hex or base64 stands for. */
export function keyBytes(key: string, encoding: KeyEncoding = 'text'): Buffer | string {
  if (encoding === 'text') return key
  const clean = key.trim()
  // Buffer.from skips what is not hex or base64: a key that is not what the manifest says is refused, not shortened.
  const valid = encoding === 'hex' ? /^(?:[0-9a-f]{2})+$/i.test(clean) : /^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)
  if (!valid) throw new Error(`the key is not ${encoding}`)
  return Buffer.from(clean, encoding === 'base64' && /[-_]/.test(clean) ? 'base64url' : encoding)
}

export function hmac(algorithm: string, key: Buffer | string, data: string | Buffer): Buffer {
  return createHmac(algorithm, key).update(data).digest()
}

/** A moment written as a vendor writes timestamps. */
export function formatTimestamp(ms: number, format: TimestampFormat): string {
  if (format === 'iso8601') return new Date(ms).toISOString()
  // `unix` (seconds or milliseconds, the vendor does not say): written in milliseconds.
  return String(format === 'unixSeconds' ? Math.floor(ms / 1000) : ms)
}

/** A timestamp read back (epoch milliseconds), or NaN. */
export function parseTimestamp(text: string, format: TimestampFormat): number {
  if (format === 'iso8601') return Date.parse(text)
  const n = Number(text)
  const seconds = format === 'unixSeconds' || (format === 'unix' && Math.abs(n) < MILLISECONDS_FROM)
  return n * (seconds ? 1000 : 1)
}
