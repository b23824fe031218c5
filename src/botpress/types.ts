/**
 * The integration as Botpress types it, derived from the hitl interface the CLI generated (bp_modules/hitl): action
 * inputs and outputs, channel messages and events as the published 2.1.0 contract says, plus this integration's own
 * tags and states. Handlers are typed from it (sdk.IntegrationProps) the way `bp gen` types a hand-written one.
 */
import type * as sdk from '@botpress/sdk'
import type hitl from '../../bp_modules/hitl'
import type { TAGS } from './names'
import type { States } from './states'

type Hitl = typeof hitl.definition
/** The tags of users, conversations or messages, as names.ts defines them. */
type TagsOf<K extends keyof typeof TAGS> = { [T in (typeof TAGS)[K][keyof (typeof TAGS)[K]] & string]: string }
type Infer<S> = S extends sdk.z.ZodTypeAny ? sdk.z.infer<S> : never
type InterfaceActions = {
  [K in keyof Hitl['actions']]: {
    input: Infer<Hitl['actions'][K]['input']['schema']>
    output: Infer<Hitl['actions'][K]['output']['schema']>
  }
}
/** The extra fields of startHitl: the integration's hitlSession entity, made from the manifests. */
export type HitlSessionFields = Record<string, unknown>
type StartHitl = InterfaceActions['startHitl']

export type HitlIntegration = {
  name: string
  version: string
  configuration: Record<string, unknown>
  configurations: Record<string, Record<string, unknown>>
  actions: Omit<InterfaceActions, 'startHitl'> & {
    pollHelpdesk: { input: { conversationId?: string }; output: { polled: number; events: number } }
    startHitl: {
      input: Pick<StartHitl['input'], 'userId' | 'title' | 'description' | 'messageHistory'> & {
        hitlSession?: HitlSessionFields
      }
      output: StartHitl['output']
    }
  }
  channels: {
    hitl: {
      messages: {
        [M in keyof Hitl['channels']['hitl']['messages']]: Infer<Hitl['channels']['hitl']['messages'][M]['schema']>
      }
      message: { tags: TagsOf<'message'> }
      conversation: { tags: TagsOf<'conversation'> }
    }
  }
  events: { [K in keyof Hitl['events']]: Infer<Hitl['events'][K]['schema']> }
  states: States
  user: { tags: TagsOf<'user'> }
  entities: { hitlSession: HitlSessionFields }
}

export type IntegrationProps = sdk.IntegrationProps<HitlIntegration>
export type ActionName = keyof HitlIntegration['actions']
export type ActionProps<K extends ActionName> = Parameters<IntegrationProps['actions'][K]>[0]
export type ActionHandler<K extends ActionName> = IntegrationProps['actions'][K]
export type MessageType = keyof HitlIntegration['channels']['hitl']['messages']
export type MessageHandler = IntegrationProps['channels']['hitl']['messages'][MessageType]
export type MessageProps = Parameters<IntegrationProps['channels']['hitl']['messages']['text']>[0]
export type RegisterProps = Parameters<IntegrationProps['register']>[0]
export type UnregisterProps = Parameters<IntegrationProps['unregister']>[0]
export type WebhookProps = Parameters<IntegrationProps['handler']>[0]
/** What every handler gets: the call's context, its Botpress client and its logger. */
export type CallProps = Pick<RegisterProps, 'ctx' | 'client' | 'logger'>
export type Client = CallProps['client']
