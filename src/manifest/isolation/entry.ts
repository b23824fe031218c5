/**
 * An isolation worker's whole program: build/esbuild.ts bundles this file alone (the manifest loader and JSONata,
 * none of the sdk, the Botpress binding or the bundled manifests), and the integration's bundle carries that code as
 * text (`virtual:isolation-worker`), so a worker compiles a fraction of what the integration's bundle holds.
 */
import { runIsolationWorker } from './worker'

runIsolationWorker()
