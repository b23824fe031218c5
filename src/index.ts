/**
 * The integration bundle: the generic runtime with the manifests carried by this build (see build/esbuild.ts).
 * Loaded as an isolation worker (src/manifest/isolation/), the same bundle loads pasted manifests and evaluates
 * their expressions; there, the Botpress binding and the sdk are never loaded (required below, only on the main
 * thread: a worker starts in a fraction of the time).
 */
import { providers, selected } from 'virtual:providers'
import type * as binding from './botpress'
import { setIsolationFile } from './manifest/isolation/pool'
import { isIsolationWorker, runIsolationWorker } from './manifest/isolation/worker'

function integration(): ReturnType<typeof binding.createIntegration> {
  setIsolationFile(__filename)
  const { createIntegration } = require('./botpress') as typeof binding
  return createIntegration({ providers, selected })
}

/** In a worker, no integration: what the CLI's entry reads of one (its handler) is there, and never called. */
const inWorker = { handler: () => Promise.reject(new Error('an isolation worker serves no Botpress call')) }

export default isIsolationWorker() ? (runIsolationWorker(), inWorker as never) : integration()
