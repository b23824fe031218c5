/**
 * Where a pasted manifest's expressions run: a small pool of worker threads, so that a runaway evaluation can neither
 * block the event loop that serves every other tenant nor take the process down with it.
 * - Each worker has a heap of its own (resourceLimits): an expression that allocates without end kills its worker,
 *   which is replaced; the evaluation fails with a clear error.
 * - A hard wall-clock bound backs JSONata's own (checked only between steps): a worker still busy after it is
 *   terminated and replaced.
 * - A worker runs one evaluation at a time, and one manifest has at most one evaluation in the pool at a time, taken
 *   in turn with the others: one tenant's flood waits behind itself, not ahead of the others.
 * The workers run this integration's own bundle (src/index.ts starts the evaluator when loaded as one), so they
 * evaluate exactly as the main thread would: the same bounds, helpers and linear-time regexes. Bundled manifests,
 * reviewed in this repository, keep the in-process path.
 */
import { cpus } from 'node:os'
import { Worker } from 'node:worker_threads'

export const WORKER_ROLE = 'hitl-expressions'
/** Wall-clock bound of one isolated evaluation (JSONata's own bound is 1 s, checked between steps). */
export const HARD_TIMEOUT_MS = 2_000
/** Heap of each worker. */
export const WORKER_HEAP_MB = 256

export type EvaluationRequest = { id: number; source: string; scope: Record<string, unknown> }
export type EvaluationAnswer = { id: number; value?: unknown; error?: { message: string; position: number } }

/** An evaluation that failed in a worker: JSONata's message and position, or why the worker was stopped. */
export class IsolatedFailure extends Error {
  constructor(
    message: string,
    readonly position = 0
  ) {
    super(message)
  }
}

type Job = { request: EvaluationRequest; owner: string; resolve: (v: unknown) => void; reject: (e: Error) => void }
type Slot = { worker: Worker; job?: Job; timer?: NodeJS.Timeout }

class Pool {
  private slots: Slot[] = []
  private queues = new Map<string, Job[]>()
  private running = new Set<string>()
  private next = 0

  constructor(
    private readonly file: string,
    private readonly size: number
  ) {}

  evaluate(owner: string, source: string, scope: Record<string, unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(owner) ?? []
      queue.push({ request: { id: this.next++, source, scope }, owner, resolve, reject })
      this.queues.set(owner, queue)
      this.dispatch()
    })
  }

  private spawn(): Slot {
    const worker = new Worker(this.file, {
      workerData: { role: WORKER_ROLE },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    })
    const slot: Slot = { worker }
    worker.on('message', (answer: EvaluationAnswer) => {
      const job = slot.job
      if (!job || job.request.id !== answer.id) return
      this.settle(slot)
      if (answer.error) job.reject(new IsolatedFailure(answer.error.message, answer.error.position))
      else job.resolve(answer.value)
    })
    const lost = (why: string) => {
      const job = slot.job
      this.retire(slot)
      job?.reject(new IsolatedFailure(why))
    }
    worker.on('error', (err: NodeJS.ErrnoException) =>
      lost(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `ran out of memory (its evaluator has ${WORKER_HEAP_MB} MB)`
          : `its evaluator failed: ${err.message}`
      )
    )
    worker.on('exit', () => lost('its evaluator stopped'))
    // An idle worker keeps nothing alive (a script, a bench exits when its work is done); a busy one does, until it
    // answers (settle). Listeners attached after unref() would hold it again, so this comes last.
    worker.unref()
    this.slots.push(slot)
    return slot
  }

  /** The slot is free again (its job answered, or failed). */
  private settle(slot: Slot) {
    slot.worker.unref()
    if (slot.timer) clearTimeout(slot.timer)
    if (slot.job) this.running.delete(slot.job.owner)
    slot.job = undefined
    slot.timer = undefined
    this.dispatch()
  }

  /** The worker is gone or going: its slot leaves the pool, a new one is made when needed. */
  private retire(slot: Slot) {
    if (!this.slots.includes(slot)) return
    this.slots = this.slots.filter((s) => s !== slot)
    void slot.worker.terminate()
    this.settle(slot)
  }

  private dispatch() {
    for (;;) {
      const owner = [...this.queues.keys()].find((o) => !this.running.has(o))
      if (owner === undefined) return
      let slot = this.slots.find((s) => !s.job)
      if (!slot && this.slots.length < this.size) slot = this.spawn()
      if (!slot) return
      const queue = this.queues.get(owner)!
      const job = queue.shift()!
      // In turn: this owner goes to the back of the line.
      this.queues.delete(owner)
      if (queue.length) this.queues.set(owner, queue)
      slot.job = job
      slot.worker.ref()
      this.running.add(owner)
      const busy = slot
      slot.timer = setTimeout(() => {
        this.retire(busy)
        job.reject(new IsolatedFailure(`took longer than ${HARD_TIMEOUT_MS} ms: its evaluator was stopped`))
      }, HARD_TIMEOUT_MS)
      slot.worker.postMessage(job.request)
    }
  }
}

let pool: Pool | undefined
let workerFile: string | undefined

/** The file a worker loads (the integration's bundle); without one, nothing is isolated (sources run by tests). */
export function setIsolationFile(file: string | undefined) {
  workerFile = file
}

export function isolationAvailable(): boolean {
  return workerFile !== undefined
}

/** Evaluates `source` over `scope` in the pool, for `owner` (one manifest). */
export function evaluateIsolated(owner: string, source: string, scope: Record<string, unknown>): Promise<unknown> {
  if (!workerFile) throw new Error('no isolation file: the integration bundle sets it')
  pool ??= new Pool(workerFile, Math.max(2, Math.min(4, cpus().length)))
  return pool.evaluate(owner, source, scope)
}
