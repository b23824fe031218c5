/**
 * Matchers dispatched on the field most of them test (src/runtime/events/dispatch.ts) take the same matcher as
 * trying every one in order: for every bundled manifest, over its fixture's webhooks and over generated events
 * whose dispatch field holds each matcher's value, another value, an array, a number, null or nothing.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { programOf } from '../../build/fast-code'
import { readBundle, ROOT } from '../../build/providers'
import { dispatchKey, dispatchTable, type DispatchTable } from '../../src/manifest/dispatch-table'
import * as ops from '../../src/manifest/expressions/fast-ops'
import { useBuilt, type BuiltCode } from '../../src/manifest/expressions/fast-path'
import { loadManifest } from '../../src/manifest/load'
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

describe('the dispatch a build carries', () => {
  it('is the table a plan works out, for every bundled manifest, and what a plan of those conditions dispatches by', () => {
    const { providers } = readBundle('')
    for (const source of providers) {
      const module = { exports: undefined as unknown as BuiltCode }
      new Function('module', programOf(source))(module)
      const [[key, table]] = [...(module.exports(ops).dispatches ?? [])] as [string, DispatchTable | null][]
      const plan = plans.find((p) => p.manifest.id === source.manifest.id)!
      const whens = plan.events.matchers.map((m) => m.when)
      expect(key).toBe(dispatchKey(whens.map((w) => w.source)))
      expect(table, source.manifest.id).toEqual(dispatchTable(whens.map((w) => w.requiredEquality())))
    }
    // A plan compiled after the build's code is taken dispatches by the carried table, not one of its own: one that
    // sends every event to the last matcher alone shows it.
    const zendesk = providers.find((p) => p.manifest.id === 'zendesk')!
    const whens = new ProviderCatalog({ providers: [zendesk] }).plans[0]!.events.matchers.map((m) => m.when.source)
    const last = whens.length - 1
    useBuilt(() => ({
      readers: [],
      dispatches: [[dispatchKey(whens), { field: ['event', 'type'], byValue: [], rest: [last] }]],
    }))
    // (Under another name: the plan the tests above dispatched is kept, with its dispatch.)
    const plan = loadManifest(readFileSync(join(ROOT, zendesk.file), 'utf8'), 'providers/zendesk-again.yaml')
    const taken = candidates(plan, { ...scope, event: { type: 'zen:event-type:ticket.comment_added' } })
    expect(taken.map((m) => m.name)).toEqual([plan.events.matchers[last]!.name])
  })
})
