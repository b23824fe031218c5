/** register and unregister: the manifest's lifecycle steps, with what they store kept in integration state. */
import { withCall, type Binding } from './call'
import { writeLifecycle } from './state'
import type { IntegrationProps } from './types'

export const register =
  (binding: Binding): IntegrationProps['register'] =>
  (props) =>
    withCall(binding, props, async ({ runtime, plan, client, ctx, logger }) => {
      const values = await runtime.register()
      if (plan.lifecycle.register) await writeLifecycle(client, ctx.integrationId, plan.manifest.id, values)
      if (plan.manifest.webhook.manualSetup) {
        logger
          .forBot()
          .info(
            `${plan.manifest.title} needs a manual webhook setup: point it at ${props.webhookUrl}. See the integration's readme.`
          )
      }
    })

export const unregister =
  (binding: Binding): IntegrationProps['unregister'] =>
  (props) =>
    withCall(binding, props, async ({ runtime, plan, client, ctx }) => {
      await runtime.unregister()
      if (plan.lifecycle.register) await writeLifecycle(client, ctx.integrationId, plan.manifest.id, {})
    })
