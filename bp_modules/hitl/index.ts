/* eslint-disable */
/* tslint:disable */
// The hitl interface package, laid out as `bp add interface:hitl@2.1.0` installs it.

import * as sdk from '@botpress/sdk'
import definition from './definition/index'

export default {
  type: 'interface',
  id: undefined,
  uri: undefined,
  name: 'hitl',
  version: '2.1.0',
  definition,
  implementation: null,
} satisfies sdk.InterfacePackage
