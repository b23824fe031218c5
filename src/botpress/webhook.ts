/**
 * The webhook handler: the request received by the call's runtime (its inbound kind: verified, parsed), each event
 * mapped by a matcher, and each outcome applied to Botpress (session/apply.ts). /oauth/* are the Connect pages
 * (connect.ts), /files/* agents' attachments re-hosted when first opened (session/files.ts). A failure answers 500
 * so the vendor delivers again; what was already applied is recognised and not repeated.
 */
import { WebhookRejection } from '../runtime/errors'
import type { Binding, Call } from './call'
import { openCall } from './call'
import { connectRoute } from './connect'
import { json, toRuntimeError } from './errors'
import { CONNECT_PREFIX } from './names'
import { applyOutcome } from './session/apply'
import { FILES_PREFIX, serveAttachment } from './session/files'
import { POLL_PATH, pollSessions } from './poll'
import type { IntegrationProps } from './types'

export function webhook(binding: Binding): IntegrationProps['handler'] {
  return async function webhookHandler(props) {
    const { logger } = props
    let call: Call | undefined
    let parsed: Awaited<ReturnType<Call['runtime']['receive']>>
    try {
      call = await openCall(binding, props)
      // The Connect pages (authorization code) live on the webhook URL too; they are not helpdesk events.
      if (props.req.path.startsWith(CONNECT_PREFIX)) return await connectRoute(call, props.req)
      // Agents' attachments, re-hosted when first opened (session/files.ts).
      if (props.req.path.startsWith(FILES_PREFIX)) return await serveAttachment(call, props.req.path)
      // A wake-up for a polled helpdesk (a scheduler of one's own, beside the bot's recurring event).
      if (props.req.path === POLL_PATH) return json(200, await pollSessions(call))
      parsed = await call.runtime.receive(props.req)
    } catch (err) {
      if (err instanceof WebhookRejection) {
        logger.forBot().warn(`Webhook refused (${err.status}): ${err.message}`)
        return json(err.status, { error: err.message })
      }
      return json(500, { error: toRuntimeError(err, call?.runtime.redactor, logger).message })
    }
    if (parsed.reply) return parsed.reply
    const failures: string[] = []
    for (const event of parsed.events) {
      try {
        await applyOutcome(call, await call.runtime.matchEvent(event, parsed.scope))
      } catch (err) {
        failures.push(toRuntimeError(err, call.runtime.redactor, logger).message)
      }
    }
    if (failures.length) return json(500, { error: failures.join('; ') })
    return json(200, { ok: true })
  }
}
