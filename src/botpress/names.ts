/** Botpress names of the hitl surface for a build: the interface's, or the selected provider's renames. */
import type { Manifest } from '../manifest/types'

export type HitlNames = {
  actions: { createUser: string; startHitl: string; stopHitl: string }
  events: { hitlAssigned: string; hitlStopped: string }
  channel: string
}

/**
 * Tags the runtime keeps: the external id of end users, agents, tickets and messages; on a session's conversation,
 * what a message or a webhook reads with it for free (what startHitl kept, when it is small and holds no secret; when
 * the session closed), so that neither costs a Botpress call of its own.
 */
/** Tags as Botpress hands them over (an entity's, by name); a tag never set is missing. */
export type Tags = Record<string, string | undefined>

export const TAGS = {
  user: { id: 'id', agentId: 'agentId', session: 'session' },
  conversation: { id: 'id', open: 'open', data: 'data', closed: 'closed' },
  message: { id: 'id', relayed: 'relayed' },
} as const

/** Where the Connect pages (OAuth authorization code) live below the installation's webhook URL. */
export const CONNECT_PREFIX = '/oauth/'

/** Renames apply only to a build for one provider; the build with every provider keeps the interface's names. */
export function hitlNames(single?: Manifest): HitlNames {
  const d = single?.definition
  return {
    actions: {
      createUser: d?.actions?.createUser?.name ?? 'createUser',
      startHitl: d?.actions?.startHitl?.name ?? 'startHitl',
      stopHitl: d?.actions?.stopHitl?.name ?? 'stopHitl',
    },
    events: {
      hitlAssigned: d?.events?.hitlAssigned?.name ?? 'hitlAssigned',
      hitlStopped: d?.events?.hitlStopped?.name ?? 'hitlStopped',
    },
    channel: d?.channel?.name ?? 'hitl',
  }
}

/** Name of the configuration of a bundled provider: its id in camelCase (my-desk → myDesk). */
export function configurationName(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/**
 * The one typed edge of renames: the integration's types (./types) know the interface's names, while a build for one
 * provider may call them otherwise. Botpress knows the channel and events by the build's names, so those are sent.
 */
export const hitlChannel = (names: HitlNames) => names.channel as 'hitl'
export const hitlEvent = <E extends keyof HitlNames['events']>(names: HitlNames, event: E) => names.events[event] as E
