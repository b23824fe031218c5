/** The integration's states in Botpress: values stored at registration, and what createUser and startHitl remember. */
import { STATES } from './names'
import { unlessMissing } from './errors'
import type { Client, HitlIntegration } from './types'

/**
 * The values a provider's registration stored (webhook ids, signing secrets). Values another provider stored (the
 * bot switched configurations) are not this one's: they are left as they are, and this provider starts from none.
 */
export async function readLifecycle(
  client: Client,
  integrationId: string,
  provider: string
): Promise<Record<string, unknown>> {
  const found = await unlessMissing(client.getState({ type: 'integration', name: STATES.lifecycle, id: integrationId }))
  const payload = found?.state.payload
  if (!payload || (payload.provider !== undefined && payload.provider !== provider)) return {}
  return payload.values ?? {}
}

export async function writeLifecycle(
  client: Client,
  integrationId: string,
  provider: string,
  values: Record<string, unknown>
) {
  await client.setState({
    type: 'integration',
    name: STATES.lifecycle,
    id: integrationId,
    payload: { values, provider },
  })
}

/** What createUser (type user) or startHitl (type conversation) asked to remember; undefined when nothing was. */
export async function readData(client: Client, type: 'user' | 'conversation', id: string): Promise<unknown> {
  const found =
    type === 'user'
      ? await unlessMissing(client.getState({ type, name: STATES.user, id }))
      : await unlessMissing(client.getState({ type, name: STATES.session, id }))
  return found?.state.payload.data
}

export async function writeData(client: Client, type: 'user' | 'conversation', id: string, data: unknown) {
  if (type === 'user') await client.setState({ type, name: STATES.user, id, payload: { data } })
  else await client.setState({ type, name: STATES.session, id, payload: { data } })
}

/** A connected account, as the integration's hitlConnection state holds it. */
export type Connection = HitlIntegration['states']['hitlConnection']['payload']

/** The account connected for this provider (authorization code), if any: another provider's is not this one's. */
export async function readConnection(
  client: Client,
  integrationId: string,
  provider: string
): Promise<Connection | undefined> {
  const found = await unlessMissing(
    client.getState({ type: 'integration', name: STATES.connection, id: integrationId })
  )
  const payload = found?.state.payload
  return payload && payload.provider === provider && payload.grant?.accessToken ? payload : undefined
}

export async function writeConnection(client: Client, integrationId: string, connection: Connection | null) {
  // Disconnected: an empty grant, which readConnection does not take (the runtime API has no state deletion).
  const payload = connection ?? { provider: '', identifier: '', values: {}, grant: { accessToken: '' } }
  await client.setState({ type: 'integration', name: STATES.connection, id: integrationId, payload })
}
