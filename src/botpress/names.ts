/** Botpress names of the hitl surface for a build: the interface's, or the selected provider's renames. */
import type { Manifest } from '../manifest/types'

export type HitlNames = {
  actions: { createUser: string; startHitl: string; stopHitl: string }
  events: { hitlAssigned: string; hitlStopped: string }
  channel: string
}

/** Tags the runtime keeps: the external id of end users, agents, tickets and messages. */
export const TAGS = {
  user: { id: 'id', agentId: 'agentId' },
  conversation: { id: 'id' },
  message: { id: 'id' },
} as const

/** Where the Connect pages (OAuth authorization code) live below the installation's webhook URL. */
export const CONNECT_PREFIX = '/oauth/'

export const STATES = {
  lifecycle: 'lifecycle',
  user: 'hitlUser',
  session: 'hitlSession',
  /** The agent the last hitlAssigned named, per session: a redelivered assignment names no one new. */
  agent: 'hitlAgent',
  /** Set once, by the first close (getOrSetState): hitlStopped is emitted by whoever set it, and never again. */
  closed: 'hitlClosed',
  /** When the last held-back outcome of a session lands (outcomes keep their order while the session settles). */
  schedule: 'hitlSchedule',
  /** Outcomes for tickets whose session does not exist yet, kept until startHitl makes it (bounded). */
  early: 'hitlEarly',
  /** What was posted to the helpdesk lately, recorded before posting: its echo is known whatever arrives first. */
  sent: 'hitlSent',
  /** A connected helpdesk account (authorization code): its grant and what the Connect page asked for. */
  connection: 'hitlConnection',
  /** A Connect flow under way: its one-time state and PKCE verifier, until the helpdesk calls back. */
  connecting: 'hitlConnecting',
} as const

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
