/**
 * Where a pasted manifest runs: a small pool of worker threads, so that no tenant's manifest can block the event loop
 * that serves every other tenant, nor take the process down with it. Each pasted manifest is loaded there (YAML,
 * schema, compile and lint: ./worker.ts), and each of its expressions JSONata evaluates is evaluated there.
 * - Each worker has a heap of its own (resourceLimits): a job that allocates without end kills its worker only; the
 *   job fails with a clear error.
 * - A hard wall-clock bound backs JSONata's own (checked only between steps). Its clock starts when the job reaches a
 *   worker that is ready: a worker's start-up is never counted against a job.
 * - A warm spare: the pool keeps one started worker more than it runs jobs on, so a worker stopped for a runaway job
 *   is replaced at once, and no other tenant waits for a new one to start. Workers start one after another, the
 *   first at the first job (or before it: warmIsolation): on a small machine the first job waits for one worker's
 *   start, not for all of theirs.
 * - Turns per bot: each bot has one job in the pool at a time, bots taken in turn. A bot installed many times (or
 *   flooding) waits behind itself, never ahead of the others.
 * - Answers are bounded in bytes as they would be copied (./protocol.ts), in the worker before they are sent.
 * The workers run their own bundle (./entry.ts: the manifest loader and JSONata, the same code the main thread runs,
 * without the sdk, the binding or the bundled manifests), which the integration's bundle carries as text, deflated
 * (build/esbuild.ts): a worker compiles a quarter of what the integration's bundle holds. Bundled manifests, reviewed
 * in this repository, stay in process.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Problem } from '../problems'
import { MAX_ANSWER_BYTES, type Answer, type Job } from './protocol'

/** Wall-clock bound of one isolated evaluation (JSONata's own bound is 1 s, checked between steps). */
export const HARD_TIMEOUT_MS = 2_000
/** Wall-clock bound of loading one pasted manifest (at most 512 KiB of YAML: parse, schema, compile, lint). */
export const LOAD_TIMEOUT_MS = 15_000
/** Heap of each worker. */
export const WORKER_HEAP_MB = 256
/** Started workers beyond those running jobs. */
export const SPARE_WORKERS = 1

export { MAX_ANSWER_BYTES }

/**
 * What a worker runs: ./entry.ts bundled, as code (the integration's bundle carries it, made into text when the first
 * worker starts: an import that never starts one never holds it) or as a file (the bench's); and its digest (the
 * SHA-256 of its code), which names what found a pasted manifest valid (../load.ts, ValidatedStore).
 */
export type WorkerProgram = ({ code: () => string } | { file: string }) & { digest: string }

/** A job that failed in a worker: JSONata's message and position, or why the worker was stopped. */
export class IsolatedFailure extends Error {
  constructor(
    message: string,
    readonly position = 0
  ) {
    super(message)
  }
}

type Work = Job extends infer J ? (J extends { id: number } ? Omit<J, 'id'> : never) : never
type Pending = { job: Job; owner: string; resolve: (answer: Answered) => void; reject: (e: Error) => void }
type Answered = { value?: unknown; problems?: Problem[]; notes?: Problem[] }
type Slot = { worker: Worker; ready: boolean; pending?: Pending; timer?: NodeJS.Timeout }

class Pool {
  private slots: Slot[] = []
  /** Jobs waiting, by bot; a bot is in `running` while one of its jobs is in a worker. */
  private queues = new Map<string, Pending[]>()
  private running = new Set<string>()
  private next = 0

  constructor(
    private readonly program: WorkerProgram,
    /** Jobs run at once. */
    private readonly size: number
  ) {}

  run(owner: string, work: Work): Promise<Answered> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(owner) ?? []
      queue.push({ job: { ...work, id: this.next++ } as Job, owner, resolve, reject })
      this.queues.set(owner, queue)
      this.fill()
      this.dispatch()
    })
  }

  /**
   * Keeps size + SPARE_WORKERS workers started, one starting at a time (the next when it is ready): started together
   * on a small machine, they would all be ready late, and the first job waits for one only. Called ahead of any job
   * too (warmIsolation): the first starts then.
   */
  fill() {
    if (this.slots.length < this.size + SPARE_WORKERS && this.slots.every((s) => s.ready)) this.spawn()
  }

  private spawn(): Slot {
    const program = this.program
    const worker = new Worker('code' in program ? program.code() : program.file, {
      eval: 'code' in program,
      // The program alone: none of this process's flags (a loader, an inspector) is a worker's.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    })
    const slot: Slot = { worker, ready: false }
    worker.on('message', (answer: Answer) => {
      if ('ready' in answer) {
        slot.ready = true
        this.fill()
        return this.dispatch()
      }
      const pending = slot.pending
      if (!pending || pending.job.id !== answer.id) return
      this.settle(slot)
      if (answer.error) pending.reject(new IsolatedFailure(answer.error.message, answer.error.position))
      else pending.resolve({ value: answer.value, problems: answer.problems, notes: answer.notes })
    })
    const lost = (why: string) => {
      const pending = slot.pending
      this.retire(slot)
      pending?.reject(new IsolatedFailure(why))
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
    if (slot.pending) this.running.delete(slot.pending.owner)
    slot.pending = undefined
    slot.timer = undefined
    this.dispatch()
  }

  /** The worker is gone or going: the spare takes its place, and a new spare starts. */
  private retire(slot: Slot) {
    if (!this.slots.includes(slot)) return
    this.slots = this.slots.filter((s) => s !== slot)
    void slot.worker.terminate()
    this.settle(slot)
    if (this.queues.size || this.running.size) this.fill()
  }

  private dispatch() {
    for (;;) {
      if (this.running.size >= this.size) return
      const owner = [...this.queues.keys()].find((o) => !this.running.has(o))
      if (owner === undefined) return
      const slot = this.slots.find((s) => s.ready && !s.pending)
      if (!slot) return
      const queue = this.queues.get(owner)!
      const pending = queue.shift()!
      // In turn: this bot goes to the back of the line.
      this.queues.delete(owner)
      if (queue.length) this.queues.set(owner, queue)
      slot.pending = pending
      slot.worker.ref()
      this.running.add(owner)
      const limit = pending.job.kind === 'load' ? LOAD_TIMEOUT_MS : HARD_TIMEOUT_MS
      slot.timer = setTimeout(() => {
        this.retire(slot)
        pending.reject(new IsolatedFailure(`took longer than ${limit} ms: its evaluator was stopped`))
      }, limit)
      slot.worker.postMessage(pending.job)
    }
  }
}

/** What names a workers' program: the SHA-256 of its code (the build names the bundle's so). */
export const programDigest = (code: string | Buffer) => createHash('sha256').update(code).digest('hex')

/** A program the workers run from a file (the bench's). */
export const programFile = (file: string): WorkerProgram => ({ file, digest: programDigest(readFileSync(file)) })

let pool: Pool | undefined
let program: WorkerProgram | undefined

/** What the workers run (the integration's bundle sets it); without it, nothing is isolated (sources run by tests). */
export function setIsolationWorker(worker: WorkerProgram | undefined) {
  program = worker
}

export function isolationAvailable(): boolean {
  return program !== undefined
}

/** The digest of the program the workers run, if they run one. */
export function isolationDigest(): string | undefined {
  return program?.digest
}

function thePool(): Pool {
  if (!program) throw new Error('no isolation worker: the integration bundle sets it')
  return (pool ??= new Pool(program, Math.max(2, Math.min(4, cpus().length))))
}

/**
 * Starts a worker ahead of the first job, where none is started: a pasted manifest compiled without the workers
 * loading it (../load.ts, ValidatedStore) will want one for the first expression only JSONata evaluates.
 */
export function warmIsolation() {
  if (program) thePool().fill()
}

/** Evaluates `source` over `scope` in the pool, in `owner`'s turn (a bot). */
export async function evaluateIsolated(
  owner: string,
  source: string,
  scope: Record<string, unknown>
): Promise<unknown> {
  return (await thePool().run(owner, { kind: 'evaluate', source, scope })).value
}

/** Loads a pasted manifest in the pool, in `owner`'s turn: the manifest's value, or its problems. */
export async function loadIsolated(owner: string, text: string, file: string): Promise<Answered> {
  return thePool().run(owner, { kind: 'load', text, file })
}
