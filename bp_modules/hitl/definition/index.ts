/* eslint-disable */
/* tslint:disable */
import * as sdk from '@botpress/sdk'

import { actions } from './actions'
import { channels } from './channels'
import { entities } from './entities'
import { events } from './events'
export { actions, channels, entities, events }

export default {
  name: 'hitl',
  version: '2.1.0',
  actions,
  channels,
  events,
  entities,
} satisfies sdk.InterfacePackage['definition']
