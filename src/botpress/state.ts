/** What createUser, startHitl, registration and Connect keep in Botpress, read and written through ./states.ts. */
import type { Problem } from '../manifest/problems'
import type { ValidatedStore } from '../manifest/load'
import { state } from './states'
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
  const payload = await state(client, 'lifecycle', integrationId).read()
  if (!payload || (payload.provider !== undefined && payload.provider !== provider)) return {}
  return payload.values ?? {}
}

export async function writeLifecycle(
  client: Client,
  integrationId: string,
  provider: string,
  values: Record<string, unknown>
) {
  await state(client, 'lifecycle', integrationId).write({ values, provider })
}

/** What createUser (type user) or startHitl (type conversation) asked to remember; undefined when nothing was. */
export async function readData(client: Client, type: 'user' | 'conversation', id: string): Promise<unknown> {
  return (await state(client, type === 'user' ? 'hitlUser' : 'hitlSession', id).read())?.data
}

export async function writeData(client: Client, type: 'user' | 'conversation', id: string, data: unknown) {
  await state(client, type === 'user' ? 'hitlUser' : 'hitlSession', id).write({ data })
}

/** A connected account, as the integration's hitlConnection state holds it. */
export type Connection = HitlIntegration['states']['hitlConnection']['payload']

/** The account connected for this provider (authorization code), if any: another provider's is not this one's. */
export async function readConnection(
  client: Client,
  integrationId: string,
  provider: string
): Promise<Connection | undefined> {
  const payload = await state(client, 'hitlConnection', integrationId).read()
  return payload && payload.provider === provider && payload.grant?.accessToken ? payload : undefined
}

export async function writeConnection(client: Client, integrationId: string, connection: Connection | null) {
  // Disconnected: an empty grant, which readConnection does not take (the runtime API has no state deletion).
  const payload = connection ?? { provider: '', identifier: '', values: {}, grant: { accessToken: '' } }
  await state(client, 'hitlConnection', integrationId).write(payload)
}

/**
 * The bot's pasted manifest as the isolation workers found it valid, for every instance (../manifest/load.ts,
 * ValidatedStore): one per installation, the last text loaded; another text's key is not this one's.
 */
export function validatedManifests(client: Client, integrationId: string): ValidatedStore {
  const kept = state(client, 'hitlManifest', integrationId)
  return {
    read: async (key) => {
      const payload = await kept.read()
      return payload?.key === key ? { manifest: payload.manifest, notes: payload.notes as Problem[] } : undefined
    },
    write: (key, { manifest, notes }) => kept.write({ key, manifest, notes }),
  }
}
