/**
 * The baseline of the cold start: an integration that does nothing, on the same @botpress/sdk, bundled by
 * bench/run.ts as the integration is (the CLI's entry code and esbuild defaults).
 */
import * as sdk from '@botpress/sdk'

export default new sdk.Integration({
  register: async () => {},
  unregister: async () => {},
  actions: {},
  channels: {},
  handler: async () => {},
})
