/**
 * The IntegrationDefinition composed from the manifests: one configuration per bundled provider (its form made
 * from the manifest's fields), one that takes a pasted manifest, the hitlSession entity from the startHitl extra
 * fields, and, for a build for one provider, its renames and channel texts.
 */
import * as sdk from '@botpress/sdk'
import hitl from '../../bp_modules/hitl'
import { inboundWays, type Plan } from '../manifest/plan'
import type { Field } from '../manifest/types'
import { configurationSchema, connectLink, pastedManifestSchema, zuiField } from './configuration'
import { configurationName, TAGS } from './names'
import { stateDefinitions } from './states'

const { z } = sdk

export const INTEGRATION = { name: 'manifest-hitl', version: '0.1.0', title: 'Helpdesk HITL (manifests)' } as const

/**
 * The startHitl extra fields of every manifest, merged; each optional, described with the providers using it. A name
 * shared by several providers takes every value any of them allows (no list if one takes free text), and keeps a
 * default only if they all have the same: each call applies its own provider's default anyway.
 */
export function hitlSessionSchema(plans: Plan[]) {
  const fields = new Map<string, { field: Field; users: { title: string; field: Field }[] }>()
  for (const { manifest } of plans) {
    for (const [name, field] of Object.entries(manifest.hitlSession ?? {})) {
      const known = fields.get(name)
      if (known && known.field.type !== field.type) {
        throw new Error(
          `hitlSession.${name} is ${article(known.field.type)} for ${known.users.map((u) => u.title).join(', ')} but ${article(field.type)} for ${manifest.title}`
        )
      }
      if (known) known.users.push({ title: manifest.title, field })
      else fields.set(name, { field, users: [{ title: manifest.title, field }] })
    }
  }
  const shape: Record<string, sdk.z.ZodTypeAny> = {}
  const merged = plans.length > 1
  for (const [name, { field, users }] of fields) {
    if (!merged) {
      shape[name] = zuiField(field, field.required !== true)
      continue
    }
    const enums = users.map((u) => u.field.enum)
    const enumValues = enums.every((e) => e?.length) ? [...new Set(enums.flat())] : undefined
    const defaults = new Set(users.map((u) => JSON.stringify(u.field.default)))
    const differ = users.length > 1 && new Set(enums.map((e) => JSON.stringify(e ?? null))).size > 1
    const usedBy = users
      .map((u) => (differ && u.field.enum ? `${u.title}: ${u.field.enum.join(', ')}` : u.title))
      .join('; ')
    const description = `${field.description ?? ''}${field.description ? ' ' : ''}(Used by ${usedBy}.)`
    shape[name] = zuiField(
      {
        ...field,
        description,
        enum: enumValues as Field['enum'],
        default: defaults.size === 1 ? field.default : undefined,
      },
      true
    )
  }
  return z.object(shape).title('HITL session').describe('Extra inputs of startHitl, passed to the helpdesk')
}

/** "an integer", "a string": a field type in words. */
export const article = (type: string) => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`

/** The definition's texts of the hitl channel: the interface gives it none, and Botpress requires a description. */
export function channelTexts(single?: Plan): { title: string; description: string } {
  const helpdesk = single ? single.manifest.title : 'the helpdesk'
  const own = single?.manifest.definition?.channel
  return {
    title: own?.title ?? 'HITL session',
    description:
      own?.description ?? `The HITL session: a conversation between the end user and a human agent in ${helpdesk}`,
  }
}

/** Beside the hitl interface: what the bot's recurring event calls, for a helpdesk that is polled. */
const POLL_ACTIONS: NonNullable<sdk.IntegrationDefinitionProps['actions']> = {
  pollHelpdesk: {
    title: 'Poll the helpdesk',
    description:
      "Asks the helpdesk what happened in the open HITL sessions (a manifest that polls): call it from a bot's recurring event, every minute, say. Each session is polled at most every intervalSeconds; elsewhere it does nothing.",
    input: {
      schema: z.object({
        conversationId: z
          .string()
          .optional()
          .title('Conversation')
          .describe('Only this HITL conversation, whether it is due or not'),
      }),
    },
    output: {
      schema: z.object({
        polled: z.number().title('Sessions polled').describe('How many sessions were asked about'),
        events: z.number().title('Events found').describe('How many events they held'),
      }),
    },
  },
}

/**
 * `advanced` is the definition's `__advanced` (the esbuild options `bp build` bundles with: see build/esbuild.ts).
 */
export function buildDefinition(plans: Plan[], single?: Plan, advanced?: sdk.IntegrationDefinitionProps['__advanced']) {
  const chosen = single ? [single] : plans
  const overrides = single?.manifest.definition
  const mayPoll = !single || inboundWays(single.inbound).some((w) => w.type === 'poll')
  const configurations: Record<string, { title: string; description?: string; schema: sdk.z.AnyZodObject }> = {}
  if (!single) {
    for (const { manifest } of plans) {
      configurations[configurationName(manifest.id)] = {
        title: manifest.title,
        description: manifest.description ?? `Connects to ${manifest.title}`,
        schema: configurationSchema(manifest),
        ...connectLink(manifest),
      }
    }
  }
  const definition = new sdk.IntegrationDefinition({
    name: INTEGRATION.name,
    version: INTEGRATION.version,
    title: single ? `${single.manifest.title} HITL` : INTEGRATION.title,
    description: single
      ? `Human-in-the-loop with ${single.manifest.title}, driven by a provider manifest.`
      : 'Human-in-the-loop with any helpdesk: each one is a YAML provider manifest run by a generic runtime.',
    icon: 'icon.svg',
    readme: 'hub.md',
    configuration: single
      ? { schema: configurationSchema(single.manifest), ...connectLink(single.manifest) }
      : { schema: pastedManifestSchema },
    configurations,
    // The deployment's secrets the bundled manifests declare (bp deploy --secrets NAME=value), each optional: a
    // deployment sets those of the providers its bots use.
    secrets: Object.fromEntries(
      chosen.flatMap(({ manifest }) =>
        Object.entries(manifest.secrets ?? {}).map(([name, s]) => [
          name,
          { optional: true, description: `${s.description} (${manifest.title})` },
        ])
      )
    ),
    entities: {
      hitlSession: {
        title: 'HITL session',
        description: 'Extra inputs of startHitl',
        schema: hitlSessionSchema(chosen),
      },
    },
    states: stateDefinitions(),
    // Beside the hitl interface, in a build that may poll (every provider, pasted manifests, or one that polls):
    // what the bot's recurring event calls.
    actions: mayPoll ? POLL_ACTIONS : undefined,
    __advanced: advanced,
    user: {
      tags: {
        [TAGS.user.id]: { title: 'External user id', description: 'Id of the end user in the helpdesk' },
        [TAGS.user.agentId]: { title: 'External agent id', description: 'Id of the human agent in the helpdesk' },
        [TAGS.user.session]: {
          title: 'HITL session',
          description: 'The HITL conversation an agent user is for (an agent has one user per session)',
        },
      },
    },
  }).extend(hitl, ({ entities }) => ({
    entities: { hitlSession: entities.hitlSession },
    actions: overrides?.actions && pick(overrides.actions),
    events: overrides?.events && pick(overrides.events),
    channels: {
      hitl: {
        ...channelTexts(single),
        ...(overrides?.channel?.name ? { name: overrides.channel.name } : {}),
        conversation: {
          tags: {
            [TAGS.conversation.id]: {
              title: 'Ticket id',
              description: 'Id of the ticket or conversation in the helpdesk',
            },
            [TAGS.conversation.data]: {
              title: 'Session data',
              description: 'What startHitl kept for the session (JSON), when it is small and holds no secret',
            },
            [TAGS.conversation.closed]: {
              title: 'Closed at',
              description: 'When the session was closed (by the bot or the helpdesk); empty while it is open',
            },
            ...(mayPoll && {
              [TAGS.conversation.open]: {
                title: 'Open',
                description: 'true while a polled session is open (polling finds the open sessions by it)',
              },
            }),
          },
        },
        message: {
          tags: {
            [TAGS.message.id]: { title: 'External message id', description: 'Id of the message in the helpdesk' },
            [TAGS.message.relayed]: {
              title: 'Relayed',
              description: "A bot's message handled without an id of the helpdesk's: posted, or undelivered (closed)",
            },
          },
        },
      },
    },
  }))
  return definition
}

type Override = { name: string } | { title: string } | { description: string }

/** Keeps only the set fields of each rename (the SDK wants at least one per override, and one override at least). */
function pick<K extends string>(renames: Partial<Record<K, { name?: string; title?: string; description?: string }>>) {
  const out: Partial<Record<K, Override>> = {}
  for (const [k, v] of Object.entries(renames) as [K, Record<string, string | undefined> | undefined][]) {
    const set = Object.fromEntries(Object.entries(v ?? {}).filter(([, x]) => x !== undefined))
    if (Object.keys(set).length) out[k] = set as Override
  }
  return out as { [P in K]: Pick<Record<K, Override>, P> }[K]
}
