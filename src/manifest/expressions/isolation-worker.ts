/**
 * The evaluator inside an isolation worker (./isolation.ts): compiles each expression once, evaluates it over the
 * scope it was sent, and answers its value or JSONata's error. Started by src/index.ts when the bundle is loaded as
 * such a worker.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { Expression } from './expression'
import { WORKER_ROLE, type EvaluationAnswer, type EvaluationRequest } from './isolation'

const MAX_COMPILED = 1000

export function isIsolationWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | undefined)?.role === WORKER_ROLE
}

export function runIsolationWorker() {
  const port = parentPort!
  const compiled = new Map<string, Expression>()
  port.on('message', async ({ id, source, scope }: EvaluationRequest) => {
    let answer: EvaluationAnswer
    try {
      let expression = compiled.get(source)
      if (!expression) {
        if (compiled.size >= MAX_COMPILED) compiled.clear()
        compiled.set(source, (expression = new Expression(source, { checked: false })))
      }
      answer = { id, value: await expression.evaluateHere(scope) }
    } catch (err) {
      answer = {
        id,
        error: { message: (err as Error).message, position: (err as { position?: number }).position ?? 0 },
      }
    }
    try {
      port.postMessage(answer)
    } catch (err) {
      port.postMessage({
        id,
        error: { message: `its value cannot leave the evaluator (${(err as Error).message})`, position: 0 },
      })
    }
  })
}
