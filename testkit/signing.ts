/** Signing helpers for tests: a vendor's HMAC of a payload, written as the vendor writes it (the runtime's mechanics). */
import { hmac as digest, keyBytes } from '../src/runtime/signing'

export const hmac = (
  algorithm: 'sha1' | 'sha256' | 'sha512',
  secret: string,
  payload: string,
  encoding: 'hex' | 'base64'
) => digest(algorithm, keyBytes(secret), payload).toString(encoding)
