/**
 * The webhook handler: the request verified and parsed by the call's runtime, each event mapped by a matcher, and
 * each outcome applied to Botpress (outcomes.ts); /oauth/* are the Connect pages (connect.ts). A failure answers 500 so the vendor delivers again; what was
 * already applied is recognised and not repeated.
 */
import { WebhookRejection } from '../runtime/errors'
import type { Binding, Call } from './call'
import { openCall } from './call'
import { connectRoute } from './connect'
import { json, toRuntimeError } from './errors'
import { CONNECT_PREFIX } from './names'
import { applyOutcome } from './session/apply'
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
      parsed = await call.runtime.receive(props.req)
    } catch (err) {
      if (err instanceof WebhookRejection) {
        logger.forBot().warn(`Webhook refused (${err.status}): ${err.message}`)
        return json(err.status, { error: err.message })
      }
      return json(500, { error: toRuntimeError(err, logger, call?.runtime.redactor).message })
    }
    if (parsed.reply) return parsed.reply
    const failures: string[] = []
    for (const event of parsed.events) {
      try {
        await applyOutcome(call, await call.runtime.matchEvent(event, parsed.scope))
      } catch (err) {
        failures.push(toRuntimeError(err, logger, call.runtime.redactor).message)
      }
    }
    if (failures.length) return json(500, { error: failures.join('; ') })
    return json(200, { ok: true })
  }
}
