/**
 * Freshchat with the topic given by its name (as Botpress' own Freshchat integration takes it): registration finds
 * its id among the account's channels and keeps it; sessions open in that topic. A name no channel has fails the
 * registration, saying which step. The fixture (test/fixtures/providers/freshchat.yaml) runs with the topic's id.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { configurationName } from '../../src/botpress/names'
import { loadFixtures } from '../../testkit/fixture'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()

describe('Freshchat topic by name', () => {
  const f = loadFixtures().find((x) => x.provider === 'freshchat')!
  const { channelId: _id, ...configuration } = f.configuration
  const bp = (topicName: string) =>
    caller(ctx, { ...configuration, topicName, apiBaseUrl: `${ctx.helpdesk.url}/v2` }, configurationName('freshchat'))

  beforeAll(() => {
    ctx.helpdesk.answer(f.routes)
    ctx.helpdesk.on('GET', '/v2/channels', () => ({
      body: {
        channels: [
          { id: 'chan-support', name: 'Support' },
          { id: 'chan-sales', name: 'Sales' },
        ],
      },
    }))
  })

  it('finds the topic at registration and opens sessions in it', async () => {
    const sales = bp('Sales')
    expect((await sales.register()).status).toBe(200)
    const { userId } = await sales.action('createUser', { name: 'Ada Lovelace' })
    await sales.action('startHitl', { userId, title: 'Late order', messageHistory: [] })
    const [created] = ctx.helpdesk.calls('POST', /\/v2\/conversations$/)
    expect(created!.json.channel_id).toBe('chan-sales')
  })

  it('refuses a topic name no channel has, at registration', async () => {
    const res = await bp('Billing').register()
    expect(res.status).not.toBe(200)
    expect(JSON.stringify(res.body)).toMatch(/step 'findTopic' \(GET \/channels\)/)
  })
})
