/**
 * The one kind of cache the integration keeps across calls (compiled plans, OAuth tokens, key sets, DNS answers):
 * a map bounded in size (the oldest entry goes first), whose pending promises are forgotten when they fail, and that
 * tests can empty. What is in it is keyed by everything that determines it (a manifest's text, a hash of credentials,
 * a URL), so one tenant's entry is never another's.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>()

  constructor(readonly max: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key)
  }

  get size() {
    return this.entries.size
  }

  set(key: string, value: V): V {
    if (!this.entries.has(key) && this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, value)
    // A failed fetch is not kept: the next call tries again.
    if (value instanceof Promise) value.catch(() => this.forget(key, value))
    return value
  }

  /** Forgets `key`; with `value`, only while it still holds that value (a newer one is kept). */
  forget(key: string, value?: V) {
    if (value === undefined || this.entries.get(key) === value) this.entries.delete(key)
  }

  reset() {
    this.entries.clear()
  }
}
