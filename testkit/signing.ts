/** Signing helpers: how each vendor signs its webhooks, for fixtures and tests. */
import { createHmac } from 'node:crypto'

export const hmac = (
  algorithm: 'sha1' | 'sha256' | 'sha512',
  secret: string,
  payload: string,
  encoding: 'hex' | 'base64'
) => createHmac(algorithm, secret).update(payload).digest(encoding)
