/** Test wiring: both stand-ins started, BP_API_URL pointed at the Botpress one, the bundled integration loaded. */
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { BotpressApiStandIn } from '../../testkit/botpress-api'
import { BotpressCaller, loadIntegration } from './botpress'
import { HelpdeskStandIn } from '../../testkit/helpdesk'

export function useStandIns(options: { bundle?: string } = {}) {
  const api = new BotpressApiStandIn()
  const helpdesk = new HelpdeskStandIn()
  const ctx = { api, helpdesk, integration: undefined as unknown as ReturnType<typeof loadIntegration> }
  beforeAll(async () => {
    process.env.BP_API_URL = await api.start()
    await helpdesk.start()
    ctx.integration = loadIntegration(options.bundle)
  })
  afterAll(async () => {
    await api.stop()
    await helpdesk.stop()
  })
  afterEach(() => {
    // Every call the integration made to Botpress must fit Botpress' own API description.
    expect(api.violations).toEqual([])
  })
  return ctx
}

export function caller(
  ctx: ReturnType<typeof useStandIns>,
  configuration: Record<string, unknown>,
  configurationType: string | null
) {
  return new BotpressCaller(ctx.integration, ctx.api, configuration, configurationType)
}
