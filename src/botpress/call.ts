/**
 * One call from Botpress, and everything made for it alone: the provider's plan chosen by the call's configuration,
 * a runtime with this call's credentials and its own redactor. Nothing of a call is kept where another can read it:
 * the build-level Binding holds only what every call shares (the catalog, the names of this build).
 */
import type { Plan } from '../manifest/load'
import { partsRead } from '../manifest/reads-scope'
import { isSecretState, ProviderRuntime } from '../runtime/provider'
import { Redactor } from '../runtime/redact'
import { toRuntimeError } from './errors'
import type { HitlNames } from './names'
import { checked, type ProviderCatalog } from './providers'
import { chosenAuth } from '../runtime/auth'
import type { GrantStore } from '../runtime/auth/authorization-code'
import { readConnection, readLifecycle, validatedManifests, writeConnection, type Connection } from './state'
import type { CallProps } from './types'

export type Binding = {
  catalog: ProviderCatalog
  names: HitlNames
  /** Waits between retries; replaced in tests. */
  sleep?: (ms: number) => Promise<void>
}

export type Call = CallProps & {
  plan: Plan
  runtime: ProviderRuntime
  names: HitlNames
  /** A runtime for this call with some configuration values replaced (the Connect page's). */
  withConfig: (values: Record<string, string>) => ProviderRuntime
  /** The account connected for this provider (authorization code). */
  connection?: Connection
}

/** Whether registration keeps a secret (generated, or a stored value named as one). */
function keepsSecrets(plan: Plan): boolean {
  const kept = [
    ...Object.keys(plan.manifest.lifecycle?.register?.store ?? {}),
    ...(plan.lifecycle.register?.generate ?? []).map((g) => g.name),
  ]
  return kept.some((name) => isSecretState(plan, name))
}

/** The webhook URL Botpress gives this installation (BP_WEBHOOK_URL moves it for local runs). */
export function webhookUrl(webhookId: string): string {
  return `${process.env.BP_WEBHOOK_URL ?? 'https://webhook.botpress.cloud'}/${webhookId}`
}

/**
 * What a handler's call may use of the plan (its HTTP settings and the parts it runs): what registration kept is
 * read from Botpress only when one of them reads `state`, or it holds a secret. Without it, the whole plan counts.
 */
export type Uses = { key: string; parts: (plan: Plan) => unknown[] }

export async function openCall(binding: Binding, props: CallProps, uses?: Uses): Promise<Call> {
  const { ctx, client } = props
  const env = { webhookUrl: webhookUrl(ctx.webhookId), botId: ctx.botId, integrationId: ctx.integrationId }
  const configured = await binding.catalog.select(ctx.configurationType, ctx.configuration, env, () =>
    validatedManifests(client, ctx.integrationId)
  )
  const { plan, config, secrets } = configured
  const stores = !!plan.lifecycle.register?.store
  const reads = stores && (!uses || partsRead(plan, uses.key, ['state'], uses.parts))
  const state = reads ? await readLifecycle(client, ctx.integrationId, plan.manifest.id) : {}
  // A manifest that offers two ways (`either`) uses the one this configuration chooses, for the whole call.
  const auth = await chosenAuth(plan.http.auth, { config, secrets, state, env })
  const connection =
    auth.type === 'oauth2AuthorizationCode'
      ? await readConnection(client, ctx.integrationId, plan.manifest.id)
      : undefined
  const grants = connection && grantStore(props, connection)
  const redactor = new Redactor()
  // What the builder entered on the Connect page is what the tokens were granted for: it wins, held to the same fields.
  const ofThisCall = { state, sleep: binding.sleep, grants, redactor, auth }
  const make = (values: Record<string, string>) =>
    new ProviderRuntime(
      plan,
      Object.keys(values).length
        ? { config: checked(plan, { ...config, ...values }, 'Connect page field '), secrets, env, ...ofThisCall }
        : { configured, ...ofThisCall }
    )
  const runtime = make(connection?.values ?? {})
  // Kept secrets the call does not read: its redactor learns them only if a failure or a vendor's words are about
  // to leave it (withCall), whatever a helpdesk echoes back, so a call that succeeds never reads them.
  if (stores && !reads && keepsSecrets(plan))
    redactor.learnLater(async () =>
      runtime.keepSecretsOf(await readLifecycle(client, ctx.integrationId, plan.manifest.id))
    )
  // Object.assign: a spread followed by names is slow on Node 20 (../manifest/expressions/ast.ts, widened).
  return Object.assign({}, props, { plan, runtime, names: binding.names, connection, withConfig: make })
}

/** The connection's grant as this call found it; refreshed grants written back to Botpress for every instance. */
function grantStore({ client, ctx }: CallProps, connection: Connection): GrantStore {
  let current = connection
  return {
    read: async () => current.grant,
    reload: async () => {
      current = (await readConnection(client, ctx.integrationId, connection.provider)) ?? current
      return current.grant
    },
    write: async (grant) => {
      current = { ...current, grant }
      await writeConnection(client, ctx.integrationId, current)
    },
  }
}

/** Runs a handler on its own call; any failure reaches Botpress as a RuntimeError with that call's secrets removed. */
export async function withCall<T>(
  binding: Binding,
  props: CallProps,
  run: (call: Call) => Promise<T>,
  uses?: Uses
): Promise<T> {
  let call: Call | undefined
  try {
    call = await openCall(binding, props, uses)
    return await run(call)
  } catch (err) {
    throw toRuntimeError(err, await call?.runtime.redactor.settled())
  }
}
