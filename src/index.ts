/**
 * The integration bundle: the generic runtime with the manifests carried by this build (see build/esbuild.ts).
 * Loaded as an isolation worker (src/manifest/isolation.ts), the same bundle evaluates pasted manifests' expressions.
 */
import { providers, selected } from 'virtual:providers'
import { createIntegration } from './botpress'
import { setIsolationFile } from './manifest/expressions/isolation'
import { isIsolationWorker, runIsolationWorker } from './manifest/expressions/isolation-worker'

if (isIsolationWorker()) runIsolationWorker()
else setIsolationFile(__filename)

export default createIntegration({ providers, selected })
