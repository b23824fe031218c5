/**
 * bp_modules/hitl is the hitl interface 2.1.0 exactly as the official CLI installs it (npm run gen:hitl): every JSON
 * Schema of the committed package (actions' input and output, events, channel messages, the entity) equals the one of
 * the published definition in ../shared/interfaces/hitl, as the CLI maps them for `bp deploy`; titles, descriptions
 * and attributes too. A change to either side fails here until the package is regenerated.
 */
import * as sdk from '@botpress/sdk'
import { buildSync } from 'esbuild'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import hitl from '../../bp_modules/hitl'
import { skipTitle } from '../support/prerequisites'

const ROOT = join(__dirname, '..', '..')
const PUBLISHED = join(ROOT, '..', 'shared', 'interfaces', 'hitl', 'interface.definition.ts')
const available = existsSync(PUBLISHED)

/**
 * The CLI's code generator writes `additionalProperties: false` as `.catchall(z.never())`, which maps back to
 * `additionalProperties: { not: true }`: the same constraint, spelled two ways.
 */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === 'additionalProperties' && JSON.stringify(v) === '{"not":true}' ? false : normalise(v),
    ])
  )
}
/** A schema as `bp deploy` uploads it (the CLI's mapZodToJsonSchema uses sdk.transforms.toJSONSchema). */
const jsonOf = (schema: unknown) => normalise(sdk.transforms.toJSONSchema(schema as sdk.z.ZodTypeAny))

/** The published definition, bundled with its imports of @botpress/sdk left to this project's copy. */
function loadPublished(): sdk.InterfaceDefinition {
  const out = join(ROOT, 'node_modules', '.cache', 'hitl-interface', 'definition.cjs')
  mkdirSync(join(out, '..'), { recursive: true })
  buildSync({
    entryPoints: [PUBLISHED],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    external: ['@botpress/sdk'],
    logLevel: 'error',
  })
  delete require.cache[out]
  return require(out).default
}

const committed = hitl.definition as unknown as sdk.InterfaceDefinition

if (!available) {
  describe('hitl interface package', () => {
    it.skip(skipTitle('hitl'), () => {})
  })
}

describe.runIf(available)('bp_modules/hitl equals the published hitl interface', () => {
  const published = available ? loadPublished() : (undefined as never)

  it('is hitl 2.1.0 with the same actions, events, channels and entities', () => {
    expect(hitl).toMatchObject({ type: 'interface', name: 'hitl', version: '2.1.0', uri: 'interface:hitl@2.1.0' })
    expect([committed.name, committed.version]).toEqual([published.name, published.version])
    expect(Object.keys(committed.actions)).toEqual(Object.keys(published.actions))
    expect(Object.keys(committed.events)).toEqual(Object.keys(published.events))
    expect(Object.keys(committed.channels)).toEqual(Object.keys(published.channels))
    expect(Object.keys(committed.entities)).toEqual(Object.keys(published.entities))
  })

  it.each(Object.keys(hitl.definition.actions))('action %s: input and output schemas, texts and attributes', (name) => {
    const [mine, theirs] = [committed.actions[name]!, published.actions[name]!]
    expect(jsonOf(mine.input.schema)).toEqual(jsonOf(theirs.input.schema))
    expect(jsonOf(mine.output.schema)).toEqual(jsonOf(theirs.output.schema))
    expect([mine.title, mine.description, mine.attributes]).toEqual([
      theirs.title,
      theirs.description,
      theirs.attributes,
    ])
  })

  it.each(Object.keys(hitl.definition.events))('event %s: schema and attributes', (name) => {
    const [mine, theirs] = [committed.events[name]!, published.events[name]!]
    expect(jsonOf(mine.schema)).toEqual(jsonOf(theirs.schema))
    expect(mine.attributes).toEqual(theirs.attributes)
  })

  it.each(Object.keys(hitl.definition.channels.hitl.messages))('hitl channel message %s: schema', (type) => {
    expect(jsonOf(committed.channels.hitl!.messages[type]!.schema)).toEqual(
      jsonOf(published.channels.hitl!.messages[type]!.schema)
    )
  })

  it('entity hitlSession: schema and texts', () => {
    const [mine, theirs] = [committed.entities.hitlSession!, published.entities.hitlSession!]
    expect(jsonOf(mine.schema)).toEqual(jsonOf(theirs.schema))
    expect([mine.title, mine.description]).toEqual([theirs.title, theirs.description])
  })
})

describe('the hitl 2.1.0 contract the integration compiles against', () => {
  const json = (schema: unknown) => jsonOf(schema) as any

  it('createUser requires a name', () => {
    expect(json(hitl.definition.actions.createUser.input.schema).required).toEqual(['name'])
  })

  it('startHitl requires userId and messageHistory, and takes hitlSession as a reference to the entity', () => {
    const input = json(hitl.definition.actions.startHitl.input.schema)
    expect(input.required).toEqual(['userId', 'messageHistory'])
    expect(input.properties.hitlSession.$ref).toBe('hitlSession')
  })

  it('bloc messages take markdown items', () => {
    const bloc = json(hitl.definition.channels.hitl.messages.bloc.schema)
    const types = bloc.properties.items.items.anyOf.map((v: any) => v.properties.type.const)
    expect(types).toContain('markdown')
  })

  it('the hitl channel has no title or description of its own (the integration gives it one)', () => {
    const channel = hitl.definition.channels.hitl as { title?: string; description?: string }
    expect([channel.title, channel.description]).toEqual([undefined, undefined])
  })
})
