/** The caches kept across calls (plans, OAuth tokens, key sets, DNS answers): bounded, failures forgotten, resettable. */
import { describe, expect, it } from 'vitest'
import { BoundedCache } from '../../src/bounded-cache'
import { planCache } from '../../src/manifest/load'
import { tokenCache } from '../../src/runtime/auth'
import { dnsCache } from '../../src/runtime/network'
import { keySets } from '../../src/runtime/verify/jwt'

describe('BoundedCache', () => {
  it('keeps at most its bound, the oldest going first', () => {
    const c = new BoundedCache<number>(2)
    c.set('a', 1)
    c.set('b', 2)
    c.set('c', 3)
    expect([c.get('a'), c.get('b'), c.get('c'), c.size]).toEqual([undefined, 2, 3, 2])
  })

  it('forgets a pending value that fails, and only the value it was asked to forget', async () => {
    const c = new BoundedCache<Promise<number>>(10)
    const failing = Promise.reject(new Error('token endpoint down'))
    c.set('k', failing)
    await failing.catch(() => undefined)
    await Promise.resolve()
    expect(c.get('k')).toBeUndefined()
    const newer = Promise.resolve(2)
    c.set('k', newer)
    c.forget('k', Promise.resolve(1))
    expect(c.get('k')).toBe(newer)
  })

  it('is what every cache across calls is, each bounded and resettable', () => {
    for (const cache of [planCache, tokenCache, keySets, dnsCache] as BoundedCache<unknown>[]) {
      expect(cache).toBeInstanceOf(BoundedCache)
      expect(cache.max).toBeGreaterThan(0)
      cache.reset()
      expect(cache.size).toBe(0)
    }
  })
})
