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
    ctx.helpdesk.answer(f.routes)
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

describe('HubSpot with several inboxes', () => {
  let bp: ReturnType<typeof caller>
  let messages = 0
  beforeAll(async () => {
    ctx.api.reset()
    ctx.helpdesk.requests.length = 0
    const f = fill(
      loadFixtures().find((x) => x.provider === 'hubspot')!,
      { helpdesk: ctx.helpdesk.url }
    )
    ctx.helpdesk.answer(f.routes)
    // Ours already exists for the first inbox (an earlier installation); the second is new.
    const ours = {
      id: '70',
      inboxId: '998877',
      deliveryIdentifier: { type: 'CHANNEL_SPECIFIC_OPAQUE_ID', value: 'botpress-hitl' },
    }
    ctx.helpdesk
      .on('GET', '/conversations/v3/custom-channels/:id/channel-accounts', () => ({
        body: { total: 1, results: [ours] },
      }))
      .on('POST', '/conversations/v3/custom-channels/:id/channel-accounts', (r) => ({
        status: 201,
        body: { id: `acc-${r.json.inboxId}`, inboxId: r.json.inboxId, authorized: true },
      }))
      // Each session its own thread.
      .on('POST', '/conversations/v3/custom-channels/:id/messages', () => ({
        status: 201,
        body: { id: `msg-${++messages}`, conversationsThreadId: `${8000200 + messages}`, direction: 'INCOMING' },
      }))
    bp = caller(
      ctx,
      { ...f.configuration, moreInboxIds: ['555'], apiBaseUrl: ctx.helpdesk.url },
      configurationName('hubspot')
    )
    expect((await bp.register()).status).toBe(200)
  })

  it('connects the channel to every inbox at registration, reusing the account it has', () => {
    expect(ctx.helpdesk.calls('POST', /channel-accounts$/).map((r) => r.json.inboxId)).toEqual(['555'])
    expect(ctx.helpdesk.calls('PATCH', /channel-accounts\/70$/).map((r) => r.json)).toEqual([{ authorized: true }])
  })

  it('starts each session in the inbox it names (else the first), and keeps to it', async () => {
    const { userId } = await bp.action('createUser', { name: 'Ada Lovelace' })
    const { conversationId } = await bp.action('startHitl', {
      userId,
      title: 'Invoice',
      hitlSession: { inboxId: '555' },
      messageHistory: [],
    })
    await bp.action('startHitl', { userId, title: 'Parcel', messageHistory: [] })
    await bp.send(conversationId, 'text', { text: 'Any news?', userId })
    const posts = ctx.helpdesk.calls('POST', /custom-channels\/1234\/messages$/).map((r) => r.json.channelAccountId)
    expect(posts).toEqual(['acc-555', '70', 'acc-555'])
  })

  it('lets every inbox go at unregister', async () => {
    expect((await bp.unregister()).status).toBe(200)
    const let_go = ctx.helpdesk
      .calls('PATCH')
      .filter((r) => r.json.authorized === false)
      .map((r) => r.path)
    expect(let_go.sort()).toEqual([
      '/conversations/v3/custom-channels/1234/channel-accounts/70',
      '/conversations/v3/custom-channels/1234/channel-accounts/acc-555',
    ])
  })
})
