/**
 * When a request is sent again, and after how long: 429 and 5xx (the manifest's retry statuses and a step's own),
 * honouring the vendor's Retry-After or reset header within a bounded budget. A GET, PUT or DELETE is repeatable;
 * a POST or PATCH only when its step is idempotent, or on a status that says it was not applied (429).
 */
import type { Plan } from '../../manifest/plan'

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE'])
/** Statuses that say a request was not applied, so even a POST may be sent again. */
const NOT_APPLIED = new Set([429])

export const repeatable = (method: string, idempotent?: boolean) => IDEMPOTENT.has(method) || !!idempotent

/** Whether a status is worth another attempt: listed (the manifest's statuses or the step's), and safe to repeat. */
export function retriable(
  status: number,
  retry: Plan['http']['retry'],
  retryOn: number[] | undefined,
  canRepeat: boolean
) {
  const listed = retry.statuses.includes(status) || !!retryOn?.includes(status)
  return { listed, retried: listed && (canRepeat || NOT_APPLIED.has(status) || !!retryOn?.includes(status)) }
}

/** Milliseconds to wait before the next attempt: the vendor's word first, else exponential backoff with jitter. */
export function retryDelay(
  headers: Record<string, string>,
  retry: Plan['http']['retry'],
  attempt: number,
  now = Date.now()
): number {
  for (const name of retry.retryAfterHeaders) {
    const v = headers[name]
    if (v === undefined) continue
    if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.ceil(Number(v) * 1000)
    const date = Date.parse(v)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  for (const name of retry.resetHeaders) {
    const v = Number(headers[name])
    if (!headers[name] || Number.isNaN(v)) continue
    if (v > 1e12) return Math.max(0, v - now) // epoch milliseconds
    if (v > 1e9) return Math.max(0, v * 1000 - now) // epoch seconds
    return Math.ceil(v * 1000) // seconds from now
  }
  return backoff(retry.baseDelayMs, attempt)
}

export function backoff(base: number, attempt: number): number {
  const d = base * 2 ** attempt
  return Math.round(d / 2 + Math.random() * (d / 2))
}
