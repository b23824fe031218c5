/**
 * A bot that switches its configuration from one helpdesk to another: the second registration neither reads nor tries
 * to remove what the first one stored (another provider's webhook ids mean nothing to it), and each keeps its own.
 */
import { describe, expect, it } from 'vitest'
import { configurationName } from '../../src/botpress/names'
import { fill, loadFixtures } from '../../testkit/fixture'
import { IDS } from '../support/botpress'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()

describe('switching provider', () => {
  it('registers the new provider without unregistering the old one with the wrong values', async () => {
    const fixtures = new Map(loadFixtures().map((f) => [f.provider, f]))
    const bots = ['gorgias', 'chatwoot'].map((id) => {
      const f = fill(fixtures.get(id)!, { files: ctx.helpdesk.filesUrl, webhookUrl: 'x', helpdesk: ctx.helpdesk.url })
      ctx.helpdesk.answer(f.routes)
      return {
        f,
        bp: caller(
          ctx,
          { ...f.configuration, apiBaseUrl: `${ctx.helpdesk.url}${f.apiPath ?? ''}` },
          configurationName(id)
        ),
      }
    })
    const state = () => ctx.api.states.get(`integration/${IDS.integrationId}/lifecycle`)?.payload
    expect((await bots[0]!.bp.register()).status).toBe(200)
    expect(state()).toMatchObject({ provider: 'gorgias', values: bots[0]!.f.register!.state })
    ctx.helpdesk.requests.length = 0
    const second = await bots[1]!.bp.register()
    expect(second.status, JSON.stringify(second.body)).toBe(200)
    // Gorgias' values were not handed to Chatwoot's unregister steps (they name no webhook of Chatwoot's).
    expect(ctx.helpdesk.calls('DELETE')).toEqual([])
    expect(state()).toMatchObject({ provider: 'chatwoot', values: bots[1]!.f.register!.state })
  })
})
