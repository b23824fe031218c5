/** The bundled integration, loaded for tests; calls go through the playground's Botpress caller. */
import { join } from 'node:path'
import type { IntegrationHandler } from '../../testkit/botpress-caller'

export { BotpressCaller, IDS, type IntegrationHandler } from '../../testkit/botpress-caller'

/** Every provider, built by the official CLI where it is available (test/support/global-setup.ts). */
export const TEST_BUNDLE = join(__dirname, '..', '..', 'dist', 'test', 'index.cjs')
/** Which tool built TEST_BUNDLE: 'bp build' or 'scripts/build.ts'. */
export const BUILT_BY = join(__dirname, '..', '..', 'dist', 'test', 'built-by')

export function loadIntegration(file = TEST_BUNDLE): { handler: IntegrationHandler } {
  delete require.cache[file]
  return require(file).default
}
