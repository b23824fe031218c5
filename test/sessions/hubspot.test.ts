/**
 * HubSpot without CRM contacts (the default, as Botpress' own HubSpot integration): the end user is known to the inbox
 * by the channel's opaque id and name only; nothing is written to the CRM, and no e-mail is needed. The fixture
 * (test/fixtures/providers/hubspot.yaml) runs the other way, createContacts on.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { configurationName } from '../../src/botpress/names'
import { fill, loadFixtures } from '../../testkit/fixture'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()

describe('HubSpot without CRM contacts', () => {
  let bp: ReturnType<typeof caller>
  beforeAll(async () => {
    const f = fill(
      loadFixtures().find((x) => x.provider === 'hubspot')!,
      { helpdesk: ctx.helpdesk.url }
    )
    for (const r of f.routes)
      ctx.helpdesk.on(r.method, r.path, () => ({ status: r.status ?? 200, headers: r.headers, body: r.body }))
    const { createContacts: _on, ...configuration } = f.configuration
    bp = caller(ctx, { ...configuration, apiBaseUrl: ctx.helpdesk.url }, configurationName('hubspot'))
    expect((await bp.register()).status).toBe(200)
  })

  it('writes nothing to the CRM and starts the conversation on the channel id alone', async () => {
    const { userId } = await bp.action('createUser', { name: 'Ada Lovelace' })
    expect(ctx.api.users.get(userId)!.tags.id, 'known by its Botpress id').toBe(userId)
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Late order', messageHistory: [] })
    expect(ctx.api.conversations.get(conversationId)!.tags.id).toBe('8000123')
    expect(ctx.helpdesk.calls('POST', /crm\/v3\/objects\/contacts/)).toEqual([])
    const [first] = ctx.helpdesk.calls('POST', /custom-channels\/1234\/messages/)
    expect(first!.json).not.toHaveProperty('associateWithContactId')
    expect(first!.json.senders).toEqual([
      { deliveryIdentifier: { type: 'CHANNEL_SPECIFIC_OPAQUE_ID', value: userId }, name: 'Ada Lovelace' },
    ])
  })
})
