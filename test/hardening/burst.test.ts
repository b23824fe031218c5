/**
 * A burst of 200 outgoing messages at once against a helpdesk that rate-limits a third of them: every message
 * reaches the helpdesk exactly once and is acked with its own note id.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()

describe('burst of outgoing messages', () => {
  it('delivers 200 concurrent messages exactly once when a third are answered 429', async () => {
    const created = new Map<string, number>()
    const limited = new Set<string>()
    let notes = 0
    ctx.helpdesk
      .on('POST', '/api/oauth/token', () => ({ body: { access_token: 'burst-token', expires_in: 3600 } }))
      .on('POST', '/api/customers', () => ({ status: 201, body: { id: 'c1' } }))
      .on('GET', '/api/queues/default', () => ({ body: { id: 'q1' } }))
      .on('POST', '/api/tickets', () => ({ status: 201, body: { id: 77 } }))
      .on('POST', '/api/tickets/:id/notes', (r) => {
        const text = (r.json as { text: string }).text
        const n = Number(text.split(' ')[1])
        // The first attempt of every third message is refused; its retry goes through.
        if (n % 3 === 0 && !limited.has(text)) {
          limited.add(text)
          return { status: 429, headers: { 'retry-after': '0' }, body: { message: 'slow down' } }
        }
        created.set(text, (created.get(text) ?? 0) + 1)
        return { status: 201, body: { id: ++notes } }
      })
    const manifest = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
    const bp = caller(
      ctx,
      {
        manifest,
        settings: { clientId: 'cid', clientSecret: 'burst-secret', webhookToken: 'burst-hook' },
        apiBaseUrl: `${ctx.helpdesk.url}/api`,
      },
      null
    )
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Burst' })

    const texts = Array.from({ length: 200 }, (_, i) => `message ${i}`)
    const results = await Promise.all(texts.map((text) => bp.send(conversationId, 'text', { text, userId })))

    expect(results.filter((r) => r.status !== 200).map((r) => JSON.stringify(r.body))).toEqual([])
    expect(limited.size).toBe(67)
    expect(created.size).toBe(200)
    expect([...created.values()].every((count) => count === 1)).toBe(true)
    const acks = results.map((r) => ctx.api.messages.get(r.message.id)!.tags.id)
    expect(new Set(acks).size).toBe(200)
  })
})
