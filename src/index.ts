/**
 * The integration bundle: the generic runtime with the manifests carried by this build (see build/esbuild.ts).
 * Loaded as an isolation worker (src/manifest/isolation/), the same bundle loads pasted manifests and evaluates
 * their expressions.
 */
import { providers, selected } from 'virtual:providers'
import { createIntegration } from './botpress'
import { setIsolationFile } from './manifest/isolation/pool'
import { isIsolationWorker, runIsolationWorker } from './manifest/isolation/worker'

if (isIsolationWorker()) runIsolationWorker()
else setIsolationFile(__filename)

export default createIntegration({ providers, selected })
