/**
 * One call from Botpress, and everything made for it alone: the provider's plan chosen by the call's configuration,
 * a runtime with this call's credentials and its own redactor. Nothing of a call is kept where another can read it:
 * the build-level Binding holds only what every call shares (the catalog, the names of this build).
 */
import type { Plan } from '../manifest/load'
import { ProviderRuntime } from '../runtime/provider'
import { toRuntimeError } from './errors'
import type { HitlNames } from './names'
import type { ProviderCatalog } from './providers'
import { readLifecycle } from './state'
import type { CallProps } from './types'

export type Binding = {
  catalog: ProviderCatalog
  names: HitlNames
  /** Waits between retries; replaced in tests. */
  sleep?: (ms: number) => Promise<void>
}

export type Call = CallProps & { plan: Plan; runtime: ProviderRuntime; names: HitlNames }

/** The webhook URL Botpress gives this installation (BP_WEBHOOK_URL moves it for local runs). */
export function webhookUrl(webhookId: string): string {
  return `${process.env.BP_WEBHOOK_URL ?? 'https://webhook.botpress.cloud'}/${webhookId}`
}

export async function openCall(binding: Binding, props: CallProps): Promise<Call> {
  const { ctx, client } = props
  const { plan, config } = binding.catalog.select(ctx.configurationType, ctx.configuration)
  const state = plan.lifecycle.register?.store ? await readLifecycle(client, ctx.integrationId, plan.manifest.id) : {}
  const env = { webhookUrl: webhookUrl(ctx.webhookId), botId: ctx.botId, integrationId: ctx.integrationId }
  const runtime = new ProviderRuntime(plan, { config, state, env, sleep: binding.sleep })
  return { ...props, plan, runtime, names: binding.names }
}

/** Runs a handler on its own call; any failure reaches Botpress as a RuntimeError with that call's secrets removed. */
export async function withCall<T>(binding: Binding, props: CallProps, run: (call: Call) => Promise<T>): Promise<T> {
  let call: Call | undefined
  try {
    call = await openCall(binding, props)
    return await run(call)
  } catch (err) {
    throw toRuntimeError(err, props.logger, call?.runtime.redactor)
  }
}
