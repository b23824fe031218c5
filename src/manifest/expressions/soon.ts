/**
 * Values that are there at once or later. An expression on the fast path answers at once; only JSONata's evaluator
 * (here, or in an isolation worker) answers with a promise. Code that reads several such values is written once, as a
 * generator yielding each `Soon` it needs, and `soon` runs it: resumed at once with each value, and, from the first
 * promise on, as a promise. A webhook whose reads are all on the fast path is then verified, parsed and matched without
 * a turn of the event loop per value (an `await` costs one even when the value is there).
 */

/** A value at once, or a promise of it. Expressions' values are never themselves promises. */
export type Soon<T> = T | Promise<T>

/** Steps written as a generator: each `yield` a Soon, resumed with its value; its return value the result. */
export type Steps<T> = Generator<unknown, T, unknown>

/**
 * `f` of a value at once when it is there, else when it comes: for a step of one value, where a generator (a `yield*`
 * of steps of its own) would cost an object and its resumptions on every event. For the same reason steps yield a
 * value only when it is a promise (`if (v instanceof Promise) v = yield v`): a yield costs a resumption even for a
 * value there at once.
 */
export function after<T, U>(value: Soon<T>, f: (v: T) => Soon<U>): Soon<U> {
  return value instanceof Promise ? value.then(f) : f(value)
}

/** Runs steps at once while every value they yield is there; from the first promise, the rest as a promise. */
export function soon<T>(steps: Steps<T>): Soon<T> {
  let next = steps.next()
  while (!next.done) {
    if (next.value instanceof Promise) return later(steps, next.value)
    next = steps.next(next.value)
  }
  return next.value
}

async function later<T>(steps: Steps<T>, first: Promise<unknown>): Promise<T> {
  let pending = first
  for (;;) {
    // A promise that fails is thrown where its value was asked for (the generator's own try/catch sees it); a throw
    // of the generator itself ends it, and throwing into an ended generator throws that error again.
    let next: IteratorResult<unknown, T>
    try {
      next = steps.next(await pending)
    } catch (err) {
      next = steps.throw(err)
    }
    while (!next.done && !(next.value instanceof Promise)) next = steps.next(next.value)
    if (next.done) return next.value
    pending = next.value as Promise<unknown>
  }
}
