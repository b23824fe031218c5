/**
 * One at a time per key, in arrival order: webhook outcomes of one HITL session are applied serially within an
 * instance (a redelivery racing the original, a close racing a reply). Keys of idle sessions are forgotten.
 */
const queues = new Map<string, Promise<unknown>>()

export function serially<T>(key: string, run: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve()
  const result = before.then(run, run)
  const settled = result.then(
    () => undefined,
    () => undefined
  )
  queues.set(key, settled)
  void settled.then(() => queues.get(key) === settled && queues.delete(key))
  return result
}
