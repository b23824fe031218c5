/**
 * Matchers dispatched on the field most of them test (src/runtime/events/dispatch.ts) take the same matcher as
 * trying every one in order: for every bundled manifest, over its fixture's webhooks and over generated events
 * whose dispatch field holds each matcher's value, another value, an array, a number, null or nothing.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readBundle } from '../../build/providers'
import { ProviderCatalog } from '../../src/botpress/providers'
import type { Plan } from '../../src/manifest/plan'
import { candidates } from '../../src/runtime/events/dispatch'
import { truthy } from '../../src/runtime/truth'
import { loadFixtures } from '../../testkit/fixture'

const plans = new ProviderCatalog(readBundle('')).plans
const scope = { config: {}, state: {}, env: {} }

async function first(plan: Plan, matchers: Plan['events']['matchers'], event: unknown) {
  const eventScope = { ...scope, event }
  for (const m of matchers) {
    try {
      if (truthy(await m.when.evaluate(eventScope))) return m.name
    } catch (err) {
      return `throws: ${(err as Error).message}`
    }
  }
  return undefined
}

/** An object with `value` at `names` (below `event`), among other fields. */
function at(names: string[], value: unknown, extra: Record<string, unknown>) {
  const event: Record<string, unknown> = { ...extra }
  let node = event
  for (const name of names.slice(1, -1)) node = (node[name] = { ...(extra[name] as object) }) as Record<string, unknown>
  if (names.length > 1) node[names[names.length - 1]!] = value
  return event
}

describe('matchers dispatched on one field', () => {
  it('are dispatched for the manifests whose matchers test one field', () => {
    const dispatched = plans.filter((p) => candidates(p, { ...scope, event: {} }) !== p.events.matchers)
    expect(dispatched.length).toBeGreaterThan(3)
  })

  it("take the matcher trying every one in order would, for each fixture's webhooks", async () => {
    for (const fixture of loadFixtures()) {
      const plan = plans.find((p) => p.manifest.id === fixture.provider)!
      for (const w of fixture.webhooks?.events ?? []) {
        const event = w.body
        expect(await first(plan, candidates(plan, { ...scope, event }), event), `${plan.manifest.id}: ${w.name}`).toBe(
          await first(plan, plan.events.matchers, event)
        )
      }
    }
  })

  it('take the matcher trying every one in order would, for any event', async () => {
    for (const plan of plans) {
      const required = plan.events.matchers.map((m) => m.when.requiredEquality()).filter((r) => r !== null)
      if (!required.length) continue
      const values = fc.oneof(
        fc.constantFrom(...required.map((r) => r.value)),
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(fc.constantFrom(...required.map((r) => r.value)), { maxLength: 2 })
      )
      const fields = fc.dictionary(fc.constantFrom('type', 'status', 'public', 'id', 'event'), fc.jsonValue(), {
        maxKeys: 3,
      })
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...required), values, fields, async (r, value, extra) => {
          const event = at(r.names, value, extra)
          expect(await first(plan, candidates(plan, { ...scope, event }), event)).toBe(
            await first(plan, plan.events.matchers, event)
          )
        }),
        { numRuns: 60 }
      )
    }
  })
})
