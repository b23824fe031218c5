/** The IntegrationDefinition composed from the manifests: configurations, the hitlSession entity, renames. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONNECT_LINK_SCRIPT } from '../../src/botpress/configuration'
import { buildDefinition } from '../../src/botpress/definition'
import { CONNECT_PREFIX } from '../../src/botpress/names'
import { connectManifest } from '../../testkit/connect-manifest'
import { readBundle } from '../../build/providers'
import { ProviderCatalog } from '../../src/botpress/providers'
import { loadManifest } from '../../src/manifest/load'

const json = (schema: any) => schema.toJSONSchema()
const catalog = new ProviderCatalog(readBundle(''))

describe('definition of the build with every provider', () => {
  const def = buildDefinition(catalog.plans)

  it('has one named configuration per bundled provider, its form made from the manifest', () => {
    expect(Object.keys(def.configurations ?? {}).sort()).toEqual(
      catalog.plans.map((p) => p.manifest.id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase())).sort()
    )
    for (const { manifest } of catalog.plans) {
      const key = manifest.id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase())
      const config = def.configurations![key]!
      expect(config.title).toBe(manifest.title)
      const schema = json(config.schema)
      expect(Object.keys(schema.properties).sort()).toEqual(
        [...Object.keys(manifest.configuration ?? {}), 'apiBaseUrl'].sort()
      )
      for (const [name, field] of Object.entries(manifest.configuration ?? {})) {
        expect(schema.properties[name]['x-zui'].title, `${manifest.id}.${name}`).toBe(field.title)
        if (field.secret) expect(schema.properties[name]['x-zui']?.secret, `${manifest.id}.${name} secret`).toBe(true)
        const required = field.required !== false && field.default === undefined
        expect((schema.required ?? []).includes(name), `${manifest.id}.${name} required`).toBe(required)
      }
    }
  })

  it('takes a pasted manifest in its default configuration', () => {
    const schema = json(def.configuration!.schema)
    expect(Object.keys(schema.properties)).toEqual(['manifest', 'settings', 'apiBaseUrl'])
    expect(schema.required).toEqual(['manifest'])
  })

  it('merges every provider’s startHitl fields into the hitlSession entity, all optional, naming their users', () => {
    const schema = json(def.entities!.hitlSession!.schema)
    const expected = new Map<string, string[]>()
    for (const { manifest } of catalog.plans)
      for (const name of Object.keys(manifest.hitlSession ?? {}))
        expected.set(name, [...(expected.get(name) ?? []), manifest.title])
    expect(Object.keys(schema.properties).sort()).toEqual([...expected.keys()].sort())
    expect(schema.required ?? []).toEqual([])
    for (const [name, users] of expected) {
      const description = schema.properties[name].description as string
      for (const user of users) expect(description, name).toContain(user)
    }
  })

  it('lets each provider’s values through a field several providers share, forcing no one’s default on the others', () => {
    const priority = json(def.entities!.hitlSession!.schema).properties.priority
    const allowed: string[] = []
    for (const { manifest } of catalog.plans)
      allowed.push(...((manifest.hitlSession?.priority?.enum as string[] | undefined) ?? []))
    // Jira Service Management takes any priority name: no list at all.
    const free = catalog.plans.some((p) => p.manifest.hitlSession?.priority && !p.manifest.hitlSession.priority.enum)
    if (free) expect(priority.enum).toBeUndefined()
    else expect([...priority.enum].sort()).toEqual([...new Set(allowed)].sort())
    expect(priority.default).toBeUndefined() // the sandbox's 'normal' means nothing to Zoho Desk
    expect(priority.description).toContain('Zoho Desk: High, Medium, Low')
    const parsed = def.entities!.hitlSession!.schema.safeParse({ priority: 'High' })
    expect(parsed.success).toBe(true)
    expect(def.entities!.hitlSession!.schema.parse({})).toEqual({})
  })

  it('implements the hitl interface under its own names, with tags and states', () => {
    expect(Object.keys(def.interfaces!)).toEqual(['hitl<hitlSession>'])
    expect(def.interfaces!['hitl<hitlSession>']).toMatchObject({
      name: 'hitl',
      version: '2.1.0',
      actions: { createUser: { name: 'createUser' }, startHitl: { name: 'startHitl' }, stopHitl: { name: 'stopHitl' } },
      events: { hitlAssigned: { name: 'hitlAssigned' }, hitlStopped: { name: 'hitlStopped' } },
      channels: { hitl: { name: 'hitl' } },
      entities: { hitlSession: { name: 'hitlSession' } },
    })
    expect(Object.keys(def.channels!.hitl!.messages).sort()).toEqual([
      'audio',
      'bloc',
      'file',
      'image',
      'text',
      'video',
    ])
    // Pasted manifests may poll: the open tag polling finds sessions by, and the action a bot's schedule calls.
    expect(Object.keys(def.channels!.hitl!.conversation!.tags!)).toEqual(['id', 'data', 'closed', 'open'])
    expect(Object.keys(def.actions!)).toContain('pollHelpdesk')
    expect(Object.keys(def.channels!.hitl!.message!.tags!)).toEqual(['id', 'relayed'])
    expect(Object.keys(def.user!.tags!).sort()).toEqual(['agentId', 'id', 'session'])
    expect(Object.keys(def.states!).sort()).toEqual([
      'hitlAssigned',
      'hitlClosed',
      'hitlConnecting',
      'hitlConnection',
      'hitlEarly',
      'hitlFiles',
      'hitlManifest',
      'hitlPoll',
      'hitlPollTurn',
      'hitlPolling',
      'hitlSent',
      'hitlSession',
      'hitlUser',
      'lifecycle',
    ])
    const startInput = json(def.actions!.startHitl!.input.schema)
    expect(Object.keys(startInput.properties).sort()).toEqual([
      'description',
      'hitlSession',
      'messageHistory',
      'title',
      'userId',
    ])
    expect(def.actions!.startHitl!.attributes).toEqual({ bpActionHiddenInStudio: 'true' })
  })

  it('is what integration.definition.ts exports', async () => {
    const mod = await import('../../integration.definition')
    expect(mod.default.name).toBe(def.name)
    expect(Object.keys(mod.default.configurations ?? {})).toEqual(Object.keys(def.configurations ?? {}))
  })
})

describe('definition of a build for one provider', () => {
  const plan = loadManifest(
    readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'kitchen-sink.yaml'), 'utf8'),
    'kitchen-sink.yaml'
  )
  const def = buildDefinition([plan], plan)

  it('applies the manifest’s renames and texts', () => {
    // It never polls: no pollHelpdesk, no open tag.
    expect(Object.keys(def.actions ?? {}).sort()).toEqual(['closeConversation', 'createUser', 'openConversation'])
    expect(Object.keys(def.channels!.desk!.conversation!.tags!)).toEqual(['id', 'data', 'closed'])
    expect(def.actions!.openConversation).toMatchObject({ title: 'Open a conversation', description: 'Opens one.' })
    expect(Object.keys(def.events ?? {}).sort()).toEqual(['conversationClosed', 'hitlAssigned'])
    expect(def.events!.hitlAssigned!.title).toBe('Agent took it')
    expect(Object.keys(def.channels ?? {})).toEqual(['desk'])
    expect(def.channels!.desk).toMatchObject({
      title: 'Desk conversation',
      description: 'A Kitchen Sink conversation.',
    })
    expect(def.interfaces!['hitl<hitlSession>']).toMatchObject({
      actions: { startHitl: { name: 'openConversation' }, stopHitl: { name: 'closeConversation' } },
      events: { hitlStopped: { name: 'conversationClosed' } },
      channels: { hitl: { name: 'desk' } },
    })
  })

  it('has the provider’s own configuration as its only one, and only its startHitl fields', () => {
    expect(def.configurations).toEqual({})
    expect(Object.keys(json(def.configuration!.schema).properties)).toEqual([
      'apiKey',
      'account',
      'inboxId',
      'ratio',
      'verbose',
      'labels',
      'tier',
      'signingSecret',
      'publicKey',
      'apiBaseUrl',
    ])
    const session = json(def.entities!.hitlSession!.schema)
    expect(Object.keys(session.properties)).toEqual(['urgency', 'queue', 'score', 'vip', 'topics'])
    expect(session.properties.urgency).toMatchObject({
      enum: ['low', 'high'],
      default: 'low',
      description: 'How urgent.',
      'x-zui': { title: 'Urgency' },
    })
    expect(session.properties.topics).toMatchObject({ type: 'array', items: { type: 'string' } })
  })
})

describe('a build for a provider that polls', () => {
  it('declares pollHelpdesk and the open tag polling finds sessions by', () => {
    const freshdesk = catalog.plans.find((p) => p.manifest.id === 'freshdesk')!
    const def = buildDefinition(catalog.plans, freshdesk)
    expect(Object.keys(def.actions ?? {})).toContain('pollHelpdesk')
    expect(Object.keys(def.channels!.hitl!.conversation!.tags!)).toEqual(['id', 'data', 'closed', 'open'])
  })
})

describe('a provider that connects with OAuth (authorization code)', () => {
  const plan = loadManifest(connectManifest(), 'sandbox-connect.yaml')

  it("gets Botpress' Connect link, a script opening the installation's Connect page, in every build it is in", () => {
    const link = { linkTemplateScript: CONNECT_LINK_SCRIPT }
    expect(buildDefinition([plan], plan).configuration!.identifier).toEqual(link)
    const [other] = catalog.plans
    const all = buildDefinition([other!, plan])
    expect(all.configurations!.sandboxConnect!.identifier).toEqual(link)
    expect(all.configurations![Object.keys(all.configurations!)[0]!]!.identifier).toBeUndefined()
    // The script the CLI reads (bp lint refuses a missing one) ends at the page connect.ts serves.
    const script = readFileSync(join(__dirname, '..', '..', CONNECT_LINK_SCRIPT), 'utf8')
    expect(script).toContain(`webhookUrl + "${CONNECT_PREFIX}start"`)
  })
})
