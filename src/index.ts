/**
 * The integration bundle: the generic runtime with the manifests carried by this build (see build/esbuild.ts), and,
 * in a build that takes pasted manifests, the isolation workers' own program, carried as text (deflated).
 */
import { providers, selected } from 'virtual:providers'
import { workerCode, workerDigest } from 'virtual:isolation-worker'
import { createIntegration } from './botpress'
import { setIsolationWorker } from './manifest/isolation/pool'

setIsolationWorker(workerCode === undefined ? undefined : { code: workerCode, digest: workerDigest! })

export default createIntegration({ providers, selected })
