/** The integration's states in Botpress: values stored at registration, and what createUser and startHitl remember. */
import { STATES } from './names'
import { isNotFound } from './errors'
import type { Client } from './types'

/**
 * The values a provider's registration stored (webhook ids, signing secrets). Values another provider stored (the
 * bot switched configurations) are not this one's: they are left as they are, and this provider starts from none.
 */
export async function readLifecycle(
  client: Client,
  integrationId: string,
  provider: string
): Promise<Record<string, unknown>> {
  try {
    const { state } = await client.getState({ type: 'integration', name: STATES.lifecycle, id: integrationId })
    if (state.payload.provider !== undefined && state.payload.provider !== provider) return {}
    return state.payload.values ?? {}
  } catch (err) {
    if (isNotFound(err)) return {}
    throw err
  }
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
  try {
    const { state } =
      type === 'user'
        ? await client.getState({ type, name: STATES.user, id })
        : await client.getState({ type, name: STATES.session, id })
    return state.payload.data
  } catch (err) {
    if (isNotFound(err)) return undefined
    throw err
  }
}

export async function writeData(client: Client, type: 'user' | 'conversation', id: string, data: unknown) {
  if (type === 'user') await client.setState({ type, name: STATES.user, id, payload: { data } })
  else await client.setState({ type, name: STATES.session, id, payload: { data } })
}
