/** Failures as Botpress sees them: a RuntimeError whose message names the place and the vendor's words, secrets removed. */
import * as sdk from '@botpress/sdk'
import { ManifestError } from '../manifest/load'
import { formatProblem } from '../manifest/problems'
import type { Redactor } from '../runtime/redact'
import type { CallProps } from './types'

/**
 * A RuntimeError for any failure, redacted with the secrets of the call it happened in. Thrown to the SDK (actions,
 * messages, registration), it is logged there, once; a handler that answers it itself (the webhook, the Connect
 * pages) passes `log` to have it logged for the bot.
 */
export function toRuntimeError(err: unknown, redactor?: Redactor, log?: CallProps['logger']): sdk.RuntimeError {
  if (err instanceof sdk.RuntimeError) {
    log?.forBot().error(err.message)
    return err
  }
  const text =
    err instanceof ManifestError
      ? `The provider manifest is invalid:\n${err.problems.map(formatProblem).join('\n')}`
      : err instanceof Error
        ? err.message
        : String(err)
  const message = redactor ? redactor.redact(text) : text
  log?.forBot().error(message)
  return new sdk.RuntimeError(message)
}

export function json(status: number, body: unknown): sdk.Response {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}
