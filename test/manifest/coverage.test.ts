/**
 * Nothing the language says is silently ignored: every property the schema gives a block is one its compiler reads
 * (src/manifest/compile/reads.ts, which the type checker holds to the generated types), and every event of the
 * matchers' `emit` has an extractor in the runtime and an applier in the binding. A property or an event added to the
 * schema (here in memory) is named until the code for it exists.
 */
import { describe, expect, it } from 'vitest'
import { readSource } from '../../scripts/gen-language'
import { APPLIERS } from '../../src/botpress/events'
import { READS } from '../../src/manifest/compile/reads'
import { EXTRACTORS } from '../../src/runtime/events'

type Schema = ReturnType<typeof readSource>
type Node = { properties?: Record<string, Node>; items?: Node; oneOf?: Node[]; enum?: string[] }

/** Where each block of READS is declared in the schema. */
function blocks(schema: Schema): Record<keyof typeof READS, Node> {
  const d = schema.definitions as Record<string, Node>
  const kind = (type: string) =>
    d.inbound!.oneOf!.find((k) => (k.properties!.type as { const?: string }).const === type)!
  const webhook = kind('webhook')
  return {
    step: d.step!,
    request: d.request!,
    matcher: d.matcher!,
    'matcher.agent': d.matcher!.properties!.agent!,
    'matcher.message': d.matcher!.properties!.message!,
    'inbound.webhook': webhook,
    'inbound.webhook.handshakes': webhook.properties!.handshakes!.items!,
    'inbound.poll': kind('poll'),
    'inbound.either': kind('either'),
    events: d.events!,
    messageOperation: d.messageOperation!,
    lifecycle: d.lifecycle!,
    'lifecycle.register': d.lifecycle!.properties!.register!,
    doctor: d.doctor!,
    'doctor.webhooks': d.doctor!.properties!.webhooks!,
  }
}

/** What the schema says that nothing reads or runs, one line each. */
function unread(schema: Schema): string[] {
  const found: string[] = []
  for (const [block, node] of Object.entries(blocks(schema))) {
    const read: readonly string[] = READS[block as keyof typeof READS]
    for (const property of Object.keys(node.properties ?? {}))
      if (!read.includes(property))
        found.push(`${block}.${property}: no compiler reads it (add it to READS['${block}'] and compile it)`)
  }
  const emits = (schema.definitions.matcher as Node).properties!.emit!.enum!
  for (const e of emits) {
    if (!(e in EXTRACTORS)) found.push(`emit '${e}': no extractor in src/runtime/events`)
    if (!(e in APPLIERS)) found.push(`emit '${e}': no applier in src/botpress/events`)
  }
  return found
}

describe('every word of the language is read and run', () => {
  it('has a compiler entry for every property and an extractor and applier for every event', () => {
    expect(unread(readSource())).toEqual([])
  })

  it('names a step option added to the schema until it is compiled', () => {
    const schema = readSource()
    ;(schema.definitions.step as Node).properties!.retryBudgetMs = {}
    expect(unread(schema)).toEqual([
      "step.retryBudgetMs: no compiler reads it (add it to READS['step'] and compile it)",
    ])
  })

  it('names a matcher event added to the schema until the runtime extracts it and the binding applies it', () => {
    const schema = readSource()
    ;(schema.definitions.matcher as Node).properties!.emit!.enum!.push('typing')
    expect(unread(schema)).toEqual([
      "emit 'typing': no extractor in src/runtime/events",
      "emit 'typing': no applier in src/botpress/events",
    ])
  })

  it('says which fields each block reads, and nothing it does not have', () => {
    for (const [block, node] of Object.entries(blocks(readSource())))
      expect([...READS[block as keyof typeof READS]].sort(), block).toEqual(Object.keys(node.properties ?? {}).sort())
  })
})
