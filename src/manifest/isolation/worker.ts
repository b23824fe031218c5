/**
 * Inside an isolation worker (./pool.ts): says it is ready, then answers jobs one at a time. An expression is
 * compiled once and evaluated over the scope it was sent; a pasted manifest is loaded whole (YAML, schema, compile,
 * lint) and answered as its value or its problems. Every answer is bounded in bytes before it is sent (./protocol.ts).
 * Run by ./entry.ts, the worker's own bundle.
 */
import { parentPort } from 'node:worker_threads'
import { Expression } from '../expressions/expression'
import { loadManifest, ManifestError } from '../load'
import { copiedSize, MAX_ANSWER_BYTES, type Answer, type Job } from './protocol'

const MAX_COMPILED = 1000

export function runIsolationWorker() {
  const port = parentPort!
  const compiled = new Map<string, Expression>()

  async function evaluate(source: string, scope: Record<string, unknown>): Promise<unknown> {
    let expression = compiled.get(source)
    if (!expression) {
      if (compiled.size >= MAX_COMPILED) compiled.clear()
      compiled.set(source, (expression = new Expression(source, { checked: false })))
    }
    return expression.evaluateHere(scope)
  }

  /** The manifest's value once it passed every check, or its problems: what the main thread compiles from. */
  function load(text: string, file: string): Omit<Extract<Answer, { id: number }>, 'id'> {
    try {
      const plan = loadManifest(text, file, { pasted: true })
      return { value: plan.manifest, notes: plan.notes }
    } catch (err) {
      if (err instanceof ManifestError) return { problems: err.problems }
      throw err
    }
  }

  port.on('message', async (job: Job) => {
    let answer: Answer
    try {
      answer =
        job.kind === 'load'
          ? { id: job.id, ...load(job.text, job.file) }
          : { id: job.id, value: await evaluate(job.source, job.scope) }
      if (copiedSize(answer) === undefined)
        answer = {
          id: job.id,
          error: { message: `its value is larger than ${MAX_ANSWER_BYTES} bytes (as copied out)`, position: 0 },
        }
    } catch (err) {
      answer = {
        id: job.id,
        error: { message: (err as Error).message, position: (err as { position?: number }).position ?? 0 },
      }
    }
    try {
      port.postMessage(answer)
    } catch (err) {
      port.postMessage({
        id: job.id,
        error: { message: `its value cannot leave the evaluator (${(err as Error).message})`, position: 0 },
      })
    }
  })
  port.postMessage({ ready: true } satisfies Answer)
}
