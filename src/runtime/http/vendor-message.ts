/** The vendor's own words in an error response: the manifest's http.errorMessage, else the usual places. */
import { widened, type Scope } from '../../manifest/expressions'
import type { Plan } from '../../manifest/plan'
import type { Redactor } from '../redact'
import type { HttpResponse } from './wire'

const MAX_LENGTH = 300

export async function vendorMessage(plan: Plan, scope: Scope, redactor: Redactor, response: HttpResponse) {
  let message: unknown
  if (plan.http.errorMessage)
    message = await plan.http.errorMessage.evaluate(widened(scope, { response })).catch(() => undefined)
  if (message === undefined) message = guessMessage(response.body)
  if (message === undefined || message === null || message === '') return undefined
  // Redacted whole, with every secret the call may meet, before it is cut: a cut secret would no longer be found.
  const text = (await redactor.settled()).redact(typeof message === 'string' ? message : JSON.stringify(message))
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text
}

function guessMessage(body: unknown): unknown {
  if (typeof body === 'string') return body.trim().startsWith('<') ? undefined : body
  if (!body || typeof body !== 'object') return undefined
  type Said = { message?: unknown; detail?: unknown }
  const b = body as Record<string, unknown> & {
    error?: Said | string
    validation?: Said[]
    errors?: (Said | string)[]
    messages?: (Said | string)[]
  }
  if (Array.isArray(b.validation) && b.validation.length)
    return b.validation.map((v) => v.message ?? JSON.stringify(v)).join('; ')
  return (
    (typeof b.error === 'object' ? b.error?.message : undefined) ??
    b.message ??
    b.error_description ??
    b.description ??
    b.detail ??
    b.details ??
    (Array.isArray(b.errors)
      ? b.errors.map((e) => (typeof e === 'string' ? e : (e.message ?? e.detail ?? JSON.stringify(e)))).join('; ')
      : undefined) ??
    (typeof b.error === 'string' ? b.error : undefined) ??
    (Array.isArray(b.messages) && b.messages.length
      ? b.messages.map((m) => (typeof m === 'string' ? m : (m.message ?? JSON.stringify(m)))).join('; ')
      : undefined)
  )
}
