/**
 * The one kind of cache the integration keeps across calls (compiled plans, OAuth tokens, key sets, DNS answers):
 * a map bounded in size (the oldest entry goes first), whose pending promises are forgotten when they fail, and that
 * tests can empty. The bound counts entries, or, with a weigher, what the entries weigh (bytes, say); an entry that
 * weighs more than the whole bound is not kept. What is in it is keyed by everything that determines it (a
 * manifest's text, a hash of credentials, a URL), so one tenant's entry is never another's.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>()
  private total = 0

  constructor(
    readonly max: number,
    private readonly weigh: (value: V) => number = () => 1
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key)?.value
  }

  get size() {
    return this.entries.size
  }

  /** What the entries weigh together (their count without a weigher). */
  get weight() {
    return this.total
  }

  set(key: string, value: V): V {
    this.delete(key)
    const weight = this.weigh(value)
    if (weight > this.max) return value
    while (this.total + weight > this.max) this.delete(this.entries.keys().next().value!)
    this.entries.set(key, { value, weight })
    this.total += weight
    // A failed fetch is not kept: the next call tries again.
    if (value instanceof Promise) value.catch(() => this.forget(key, value))
    return value
  }

  /** Forgets `key`; with `value`, only while it still holds that value (a newer one is kept). */
  forget(key: string, value?: V) {
    if (value === undefined || this.entries.get(key)?.value === value) this.delete(key)
  }

  reset() {
    this.entries.clear()
    this.total = 0
  }

  private delete(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.total -= entry.weight
  }
}
