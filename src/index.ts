/** The integration bundle: the generic runtime with the manifests carried by this build (see build/esbuild.ts). */
import { providers, selected } from 'virtual:providers'
import { createIntegration } from './botpress'

export default createIntegration({ providers, selected })
