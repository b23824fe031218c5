/** ignore: nothing happens in Botpress; the reason is logged. */
import type { Applier } from './applier'

export const ignore: Applier<'ignore'> = async (call, outcome) => {
  call.logger.forBot().debug(`Webhook event ignored: ${outcome.reason}`)
}
