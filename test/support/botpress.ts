/** The bundled integration, loaded for tests; calls go through the playground's Botpress caller. */
import { join } from 'node:path'
import type { IntegrationHandler } from '../../playground/botpress-caller'

export { BotpressCaller, IDS, type IntegrationHandler } from '../../playground/botpress-caller'

export function loadIntegration(file = join(__dirname, '..', '..', 'dist', 'test', 'index.js')): { handler: IntegrationHandler } {
  delete require.cache[file]
  return require(file).default
}
