/** register and unregister: the manifest's lifecycle steps, with what they store kept in integration state. */
import { withCall, type Binding } from './call'
import { writeConnection, writeLifecycle } from './state'
import { state } from './states'
import type { IntegrationProps } from './types'

export function register(binding: Binding): IntegrationProps['register'] {
  return function registerHandler(props) {
    return withCall(binding, props, async ({ runtime, plan, client, ctx, logger, connection }) => {
      if (runtime.connect && !connection) {
        // Installed, not connected yet: the Connect link does it, and Botpress registers again once it is done.
        return logger
          .forBot()
          .info(`${plan.manifest.title} is not connected yet: open the Connect link (${props.webhookUrl}/oauth/start)`)
      }
      const values = await runtime.register()
      await state(client, 'hitlPolling', ctx.integrationId).write({ stopped: false })
      if (plan.lifecycle.register) await writeLifecycle(client, ctx.integrationId, plan.manifest.id, values)
      if (plan.inbound.type === 'webhook' && plan.inbound.manualSetup) {
        logger
          .forBot()
          .info(
            `${plan.manifest.title} needs a manual webhook setup: point it at ${props.webhookUrl}. See the integration's readme.`
          )
      }
    })
  }
}

export function unregister(binding: Binding): IntegrationProps['unregister'] {
  return function unregisterHandler(props) {
    return withCall(binding, props, async ({ runtime, plan, client, ctx, logger, connection }) => {
      if (runtime.connect && !connection) return
      await state(client, 'hitlPolling', ctx.integrationId).write({ stopped: true })
      await runtime.unregister()
      if (plan.lifecycle.register) await writeLifecycle(client, ctx.integrationId, plan.manifest.id, {})
      if (connection) {
        // The account is let go: its grant revoked where the vendor can, and forgotten here either way.
        await runtime
          .connect!.revoke(connection.grant)
          .catch((err: Error) =>
            logger
              .forBot()
              .warn(`Revoking the ${plan.manifest.title} grant failed: ${runtime.redactor.redact(err.message)}`)
          )
        await writeConnection(client, ctx.integrationId, null)
      }
    })
  }
}
