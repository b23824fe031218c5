/**
 * stopped: hitlStopped once per session, for a close the helpdesk made first: the close is claimed in Botpress, so
 * a close the bot made (stopHitl claims it before asking the helpdesk) or another instance's sends nothing more.
 */
import { hitlEvent } from '../names'
import { claimClose, markClosed } from '../session/close'
import { landing } from '../session/settle'
import type { Applier } from './applier'

export const stopped: Applier<'stopped'> = async (call, session, _outcome, closed) => {
  const { client, logger, names } = call
  // Tagged closed: claimed and announced already (../session/close.ts).
  if (closed)
    return logger
      .forBot()
      .info(`Conversation ${session.id}: the session already stopped at ${closed.at}; hitlStopped not sent again`)
  const { won, payload, giveBack } = await claimClose(call, session.id, 'helpdesk')
  // Lost: the winner tags it once it has announced it (tagging it here could hide a give-back from redeliveries).
  if (!won)
    return logger
      .forBot()
      .info(
        `Conversation ${session.id}: closed ${payload.by === 'bot' ? 'by the bot' : 'elsewhere'}; hitlStopped not sent again`
      )
  await client
    .createEvent({
      type: hitlEvent(names, 'hitlStopped'),
      payload: { conversationId: session.id },
      conversationId: session.id,
      schedule: landing(call, session),
    })
    .catch(async (err: unknown) => {
      await giveBack()
      throw err
    })
  // Said to what reads the conversation anyway; a failure here answers 500 and the redelivery finds the claim taken.
  await markClosed(call, session.id, payload.at)
}
