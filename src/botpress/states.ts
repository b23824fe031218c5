/**
 * The integration's states in Botpress, each defined once: its type (integration, user, conversation), its payload's
 * schema (which the definition declares and the types are inferred from) and what it is for. Read and written only
 * through `state(call, name, id)`, typed by the name; claims through `claim`, which decides a "once" across every
 * instance of the integration.
 */
import * as sdk from '@botpress/sdk'
import { randomUUID } from 'node:crypto'
import { unlessMissing } from './not-found'

const { z } = sdk

const early = () => z.object({ receivedAt: z.number(), outcome: z.any() })

export const STATE_DEFINITIONS = {
  lifecycle: {
    type: 'integration',
    schema: () =>
      z.object({
        values: z
          .record(z.string(), z.any())
          .title('Registration values')
          .describe('Values stored by the manifest at registration (webhook id, signing secret)'),
        provider: z
          .string()
          .optional()
          .title('Provider')
          .describe('Id of the manifest whose registration stored them: another provider does not read them'),
      }),
  },
  hitlUser: {
    type: 'user',
    schema: () =>
      z.object({
        data: z.any().optional().title('End user data').describe('What createUser asked to remember'),
      }),
  },
  hitlSession: {
    type: 'conversation',
    schema: () =>
      z.object({
        data: z.any().optional().title('Session data').describe('What startHitl asked to remember'),
      }),
  },
  hitlAssigned: {
    type: 'user',
    schema: () =>
      z.object({
        conversationId: z.string().title('Session').describe('The HITL conversation this agent was announced in'),
        claim: z.string().title('Claim').describe('Token of the call that announced it (hitlAssigned is sent once)'),
      }),
  },
  hitlClosed: {
    type: 'conversation',
    schema: () =>
      z.object({
        at: z.string().title('Closed at').describe('When the session was first seen closed: hitlStopped is sent once'),
        by: z.enum(['bot', 'helpdesk']).optional().title('Closed by').describe('Who closed it first'),
        claim: z.string().optional().title('Claim').describe('Token of the call that closed it'),
      }),
  },
  hitlSent: {
    type: 'conversation',
    schema: () =>
      z.object({
        sent: z
          .array(
            z.object({
              text: z.string(),
              at: z.number(),
              echo: z.string().optional().describe('The helpdesk message recognised as its echo'),
            })
          )
          .title('Recently posted')
          .describe(
            'Texts posted to the helpdesk in the last minutes, recorded before posting: their echoes are dropped'
          ),
      }),
  },
  hitlConnection: {
    type: 'integration',
    schema: () =>
      z.object({
        provider: z.string().title('Provider').describe('Id of the manifest the account was connected for'),
        identifier: z.string().title('Account').describe('The connected account, as Botpress shows it'),
        values: z
          .record(z.string(), z.string())
          .title('Connect page values')
          .describe('What the Connect page asked for (a subdomain, say)'),
        grant: z
          .object({
            accessToken: z.string().secret(),
            refreshToken: z.string().secret().optional(),
            expiresAt: z.number().optional(),
          })
          .title('Grant')
          .describe('The OAuth2 tokens, refreshed as they expire'),
      }),
  },
  hitlConnecting: {
    type: 'integration',
    schema: () =>
      z.object({
        provider: z.string().title('Provider').describe('Id of the manifest being connected'),
        state: z.string().title('State').describe('One-time state sent to the authorize URL'),
        verifier: z.string().secret().title('PKCE verifier').describe('Sent with the code'),
        values: z.record(z.string(), z.string()).title('Connect page values').describe('What the page asked for'),
        at: z.number().title('Started at').describe('When the flow started (epoch ms): it expires after 10 minutes'),
      }),
  },
  hitlPoll: {
    type: 'conversation',
    schema: () =>
      z.object({
        cursor: z.any().optional().title('Cursor').describe('Where the last poll of this session left off'),
        nextAt: z.number().title('Next poll').describe('When this session is next polled (epoch ms)'),
        failures: z.number().title('Failures').describe('Polls that failed in a row (the wait doubles with each)'),
      }),
  },
  hitlPollTurn: {
    type: 'conversation',
    schema: () =>
      z.object({
        claim: z.string().title('Claim').describe('Token of the call polling this session now (one at a time)'),
        until: z.number().title('Until').describe('When its turn lapses if it never gives it back (epoch ms)'),
      }),
  },
  hitlPolling: {
    type: 'integration',
    schema: () =>
      z.object({
        stopped: z.boolean().title('Stopped').describe('The integration was unregistered: nothing is polled'),
      }),
  },
  hitlFiles: {
    type: 'integration',
    schema: () =>
      z.object({
        key: z
          .string()
          .secret()
          .title('Link key')
          .describe("Signs the links of agents' attachments re-hosted when first opened (made once, by any instance)"),
      }),
  },
  hitlManifest: {
    type: 'integration',
    schema: () =>
      z.object({
        key: z
          .string()
          .title('Key')
          .describe("Names the pasted manifest's text and the program that validated it (hashes of both)"),
        manifest: z.any().title('Manifest').describe('The pasted manifest, as the isolation workers found it valid'),
        notes: z.array(z.any()).title('Notes').describe('What its lint said of it, as the workers said it'),
      }),
  },
  hitlEarly: {
    type: 'integration',
    schema: () =>
      z.object({
        outcomes: z
          .array(early())
          .title('Early outcomes')
          .describe('Webhook outcomes for tickets whose session did not exist yet, applied when startHitl makes it'),
      }),
  },
} as const satisfies Record<string, { type: 'integration' | 'user' | 'conversation'; schema: () => sdk.z.ZodTypeAny }>

export type StateName = keyof typeof STATE_DEFINITIONS
type Schema<N extends StateName> = ReturnType<(typeof STATE_DEFINITIONS)[N]['schema']>
export type StatePayload<N extends StateName> = sdk.z.infer<Schema<N>>
/** The states as the SDK's integration type wants them. */
export type States = { [N in StateName]: { type: (typeof STATE_DEFINITIONS)[N]['type']; payload: StatePayload<N> } }

/**
 * The states as the definition declares them, each schema made now: a call needs a state's type only, and making
 * the schemas (zui objects) took 2.5–4.5 ms of every import when they were made with the module.
 */
export function stateDefinitions(): {
  [N in StateName]: { type: (typeof STATE_DEFINITIONS)[N]['type']; schema: Schema<N> }
} {
  return Object.fromEntries(
    Object.entries(STATE_DEFINITIONS).map(([name, { type, schema }]) => [name, { type, schema: schema() }])
  ) as ReturnType<typeof stateDefinitions>
}

type StateKey = { type: string; name: string; id: string }
type Found = { state: { payload: unknown } }
/** The Botpress client's state operations, as the calls of any handler have them (typed for these states). */
type Client = {
  getState(x: never): Promise<unknown>
  setState(x: never): Promise<unknown>
  getOrSetState(x: never): Promise<unknown>
}
/** Those operations taking the keys made here (the client's own types name the same states). */
type StateOps = {
  getState(x: StateKey): Promise<Found>
  setState(x: StateKey & { payload: unknown; expiry?: number }): Promise<unknown>
  getOrSetState(x: StateKey & { payload: unknown; expiry?: number }): Promise<Found>
}

/** One state of one entity, typed by its name. */
export function state<N extends StateName>(botpress: Client, name: N, id: string) {
  const client = botpress as unknown as StateOps
  const key = { type: STATE_DEFINITIONS[name].type, name, id }
  return {
    /** Its payload, or undefined when it was never set. */
    read: async (): Promise<StatePayload<N> | undefined> =>
      (await unlessMissing(client.getState(key)))?.state.payload as StatePayload<N> | undefined,
    write: async (payload: StatePayload<N>, expiry?: number) => {
      await client.setState({ ...key, payload, ...(expiry ? { expiry } : {}) })
    },
    /** Its payload, set to `payload` first if it was never set (Botpress decides which call sets it). */
    getOrSet: async (payload: StatePayload<N>, expiry?: number): Promise<StatePayload<N>> =>
      (await client.getOrSetState({ ...key, payload, ...(expiry ? { expiry } : {}) })).state.payload as StatePayload<N>,
  }
}

/**
 * A "once" decided in Botpress, whatever instance asks and in whatever order: the state is set with this call's own
 * unique token unless it is already set, and the call won if the stored token is its own. (Botpress' `meta.cached`
 * says whether a cache served the read, not who set the state: nothing is decided on it.) A winner whose work then
 * failed (Botpress refused the event) gives the claim back, so the helpdesk's redelivery can win it again; only
 * then can two calls racing for a given-back claim both win, and only a failure leads there. `lapsed` says when a
 * claim held by another may be taken all the same (a turn whose holder vanished); `expiry` (ms idle) lets Botpress
 * forget it.
 */
export async function claim<N extends 'hitlAssigned' | 'hitlClosed' | 'hitlPollTurn'>(
  client: Client,
  name: N,
  id: string,
  payload: Omit<StatePayload<N>, 'claim'>,
  options: { lapsed?: (stored: StatePayload<N>) => boolean; expiry?: number } = {}
): Promise<{ won: boolean; payload: StatePayload<N>; giveBack: () => Promise<void> }> {
  const token = randomUUID()
  const mine = { ...payload, claim: token } as StatePayload<N>
  const s = state(client, name, id)
  let stored = await s.getOrSet(mine, options.expiry)
  if (stored.claim === GIVEN_BACK || (stored.claim !== token && options.lapsed?.(stored))) {
    await s.write(mine, options.expiry)
    stored = (await s.read()) ?? stored
  }
  return {
    won: stored.claim === token,
    payload: stored,
    giveBack: () => s.write({ ...stored, claim: GIVEN_BACK } as StatePayload<N>, options.expiry),
  }
}

/** The token of a claim whose winner failed to do its work. */
const GIVEN_BACK = ''
