/** The integration bundle: the generic runtime with the manifests carried by this build (see scripts/build.ts). */
import { providers, selected } from 'virtual:providers'
import { createIntegration } from './botpress/integration'

export default createIntegration({ providers, selected })
