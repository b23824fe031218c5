/**
 * The Botpress binding: the integration's handlers, typed against the hitl interface, wired once under this build's
 * names (a build for one provider may rename actions and the channel). No provider is named here.
 */
import * as sdk from '@botpress/sdk'
import { createUser } from './actions/create-user'
import { pollHelpdesk } from './actions/poll-helpdesk'
import { startHitl } from './actions/start-hitl'
import { stopHitl } from './actions/stop-hitl'
import type { Binding } from './call'
import { sendMessage } from './channel'
import { register, unregister } from './lifecycle'
import { hitlNames } from './names'
import { ProviderCatalog, type CarriedBundle } from './providers'
import type { HitlIntegration, IntegrationProps } from './types'
import { webhook } from './webhook'

export function createIntegration(bundle: CarriedBundle, options: { sleep?: (ms: number) => Promise<void> } = {}) {
  const catalog = new ProviderCatalog(bundle)
  const names = hitlNames(catalog.selected?.manifest)
  const binding: Binding = { catalog, names, sleep: options.sleep }
  const send = sendMessage(binding)
  const props: IntegrationProps = {
    register: register(binding),
    unregister: unregister(binding),
    handler: webhook(binding),
    actions: {
      createUser: createUser(binding),
      startHitl: startHitl(binding),
      stopHitl: stopHitl(binding),
      pollHelpdesk: pollHelpdesk(binding),
    },
    channels: { hitl: { messages: { text: send, image: send, audio: send, video: send, file: send, bloc: send } } },
  }
  // The edge where renames apply: Botpress calls actions and the channel by this build's names, which the types
  // (made from the interface) cannot know. Handlers stay typed; only their keys change here.
  const renamed = {
    ...props,
    actions: {
      [names.actions.createUser]: props.actions.createUser,
      [names.actions.startHitl]: props.actions.startHitl,
      [names.actions.stopHitl]: props.actions.stopHitl,
      pollHelpdesk: props.actions.pollHelpdesk,
    },
    channels: { [names.channel]: props.channels.hitl },
  } as unknown as IntegrationProps
  return new sdk.Integration<HitlIntegration>(renamed)
}
