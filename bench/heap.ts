/**
 * Heap per pasted plan, run in a fresh process (node --expose-gc) by bench/run.ts from its esbuild bundle
 * (dist/bench/heap.js): 40 variants of zendesk-messaging.yaml pasted (their own text each, so each is validated in an isolation
 * worker, compiled here and cached, as loadPasted does for a bot builder's manifest), the heap of this thread measured
 * after a full collection before and after, and each plan's expressions then compiled as a call would meet them.
 */
import { providers } from 'virtual:providers'
import { programFile, setIsolationWorker } from '../src/manifest/isolation/pool'
import { loadPasted } from '../src/manifest/load'
import { compiledParts } from '../src/manifest/reads-scope'
import { Expression } from '../src/manifest/expressions'
import type { Plan } from '../src/manifest/plan'

declare const gc: () => void

/** This thread's heap, and the buffers outside it (a pasted plan's text is kept deflated in one). */
const held = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

/**
 * Every expression of a plan compiled (its fast path worked out), as the calls that use them would; none evaluated
 * by JSONata (over an empty scope, templates would fail, and their errors work out places that calls which succeed
 * never ask).
 */
function touch(plan: Plan): void {
  for (const part of compiledParts(plan))
    for (const e of part instanceof Expression ? [part] : part.expressions) e.fastValue({})
}

export async function run(isolationFile: string) {
  setIsolationWorker(programFile(isolationFile))
  // A manifest as a bot builder might paste it: one with no deployment secrets (a pasted one may declare none).
  const { text } = providers.find((p) => p.id === 'zendesk-messaging')!.source()
  const count = 40
  // Each text made when it is pasted and not kept here: a configuration's text comes with a call and goes with it, so
  // what a plan keeps of it is counted, and nothing the bench holds.
  const variant = (i: number) => `${text}\n# variant ${i}\n`
  // The pool started, and its first manifest, before measuring: what the 40 add is theirs.
  await loadPasted(`${text}\n# warm-up\n`, '<configuration: manifest>', 'bot_warm')
  gc()
  const before = held()
  const plans = []
  for (let i = 0; i < count; i++) plans.push(await loadPasted(variant(i), '<configuration: manifest>', `bot_${i}`))
  gc()
  const loaded = held()
  for (const p of plans) touch(p)
  gc()
  const used = held()
  return {
    pastedPlanKiB: (loaded - before) / count / 1024,
    usedPlanKiB: (used - before) / count / 1024,
    textKiB: text.length / 1024,
  }
}
