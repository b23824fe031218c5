/** bp_modules/hitl is the hitl interface 2.1.0 as `bp add` installs it, and matches the contract. */
import { describe, expect, it } from 'vitest'
import hitl from '../../bp_modules/hitl'

const json = (schema: any) => schema.toJSONSchema()
const HIDDEN = { bpActionHiddenInStudio: 'true' }

describe('hitl interface package', () => {
  it('is the interface package hitl@2.1.0', () => {
    expect(hitl).toMatchObject({ type: 'interface', name: 'hitl', version: '2.1.0' })
    expect(hitl.definition).toMatchObject({ name: 'hitl', version: '2.1.0' })
    expect(Object.keys(hitl.definition.actions)).toEqual(['createUser', 'startHitl', 'stopHitl'])
    expect(Object.keys(hitl.definition.events)).toEqual(['hitlAssigned', 'hitlStopped'])
    expect(Object.keys(hitl.definition.entities)).toEqual(['hitlSession'])
  })

  it('createUser takes name, pictureUrl and email, all optional, and returns userId', () => {
    const { createUser } = hitl.definition.actions
    const input = json(createUser.input.schema)
    expect(Object.keys(input.properties)).toEqual(['name', 'pictureUrl', 'email'])
    expect(input.required ?? []).toEqual([])
    expect(json(createUser.output.schema)).toMatchObject({ properties: { userId: { type: 'string' } }, required: ['userId'] })
    expect(createUser.attributes).toEqual(HIDDEN)
  })

  it('startHitl takes userId, optional title, description, hitlSession and messageHistory, and returns conversationId', () => {
    const { startHitl } = hitl.definition.actions
    const input = json(startHitl.input.schema)
    expect(Object.keys(input.properties)).toEqual(['userId', 'title', 'description', 'hitlSession', 'messageHistory'])
    expect(input.required).toEqual(['userId'])
    const variants = input.properties.messageHistory.items.anyOf
    const types = variants.map((v: any) => v.properties.type.const ?? v.properties.type.enum?.[0])
    expect(types.sort()).toEqual(['audio', 'bloc', 'card', 'carousel', 'choice', 'dropdown', 'file', 'image', 'location', 'markdown', 'text', 'video'])
    const source = variants[0].properties.source.anyOf
    expect(source.map((s: any) => s.properties.type.const ?? s.properties.type.enum?.[0])).toEqual(['user', 'bot'])
    expect(json(startHitl.output.schema)).toMatchObject({ properties: { conversationId: { type: 'string' } }, required: ['conversationId'] })
    expect(startHitl.attributes).toEqual(HIDDEN)
  })

  it('stopHitl takes conversationId and returns nothing', () => {
    const { stopHitl } = hitl.definition.actions
    expect(json(stopHitl.input.schema)).toMatchObject({ properties: { conversationId: { type: 'string' } }, required: ['conversationId'] })
    expect(json(stopHitl.output.schema).properties ?? {}).toEqual({})
    expect(stopHitl.attributes).toEqual(HIDDEN)
  })

  it('has the events hitlAssigned { conversationId, userId } and hitlStopped { conversationId }', () => {
    const { hitlAssigned, hitlStopped } = hitl.definition.events
    expect(json(hitlAssigned.schema)).toMatchObject({ properties: { conversationId: { type: 'string' }, userId: { type: 'string' } }, required: ['conversationId', 'userId'] })
    expect(json(hitlStopped.schema)).toMatchObject({ properties: { conversationId: { type: 'string' } }, required: ['conversationId'] })
    expect(hitlAssigned.attributes).toEqual(HIDDEN)
    expect(hitlStopped.attributes).toEqual(HIDDEN)
  })

  it('has the hitl channel with six message types, each with optional userId and additionalData (≤ 500)', () => {
    const { messages } = hitl.definition.channels.hitl
    expect(Object.keys(messages)).toEqual(['text', 'image', 'audio', 'video', 'file', 'bloc'])
    const own = { text: 'text', image: 'imageUrl', audio: 'audioUrl', video: 'videoUrl', file: 'fileUrl', bloc: 'items' } as const
    for (const [type, field] of Object.entries(own)) {
      const schema = json(messages[type as keyof typeof messages].schema)
      expect(schema.properties[field], type).toBeDefined()
      expect(schema.required, type).toEqual([field])
      expect(schema.properties.userId, type).toMatchObject({ type: 'string' })
      expect(schema.properties.additionalData, type).toMatchObject({ type: 'string', maxLength: 500 })
    }
  })
})
