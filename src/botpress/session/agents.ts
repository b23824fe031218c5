/**
 * The agents of a session: each has a Botpress user of its own in that session (tagged with the helpdesk's id and
 * the session), its name and picture kept up to date; hitlAssigned announces each once per session, claimed in
 * Botpress on that user (./../states.ts claim), so redeliveries to any instance, in any order, announce nothing more.
 */
import type { Agent } from '../../runtime/events'
import type { Call } from '../call'
import { hitlEvent, TAGS } from '../names'
import { claim } from '../states'
import { landing, type Session } from './settle'

/** The agent's Botpress user in this session. */
export async function agentUser(call: Call, conversationId: string, agent: Agent): Promise<string> {
  const { client } = call
  const { user } = await client.getOrCreateUser({
    tags: { [TAGS.user.agentId]: agent.id, [TAGS.user.session]: conversationId },
    name: agent.name,
    pictureUrl: agent.pictureUrl,
    discriminateByTags: [TAGS.user.agentId, TAGS.user.session],
  })
  if ((agent.name && user.name !== agent.name) || (agent.pictureUrl && user.pictureUrl !== agent.pictureUrl)) {
    await client.updateUser({ id: user.id, name: agent.name, pictureUrl: agent.pictureUrl })
  }
  return user.id
}

/** hitlAssigned for this agent in this session, unless it was already announced (by any instance). */
export async function assign(call: Call, conversation: Session, agentId: string, userId: string) {
  const { client, logger, names } = call
  const conversationId = conversation.id
  const { won, giveBack } = await claim(client, 'hitlAssigned', userId, { conversationId })
  if (!won)
    return logger
      .forBot()
      .debug(`Conversation ${conversationId}: agent ${agentId} was already announced; hitlAssigned not sent again`)
  await client
    .createEvent({
      type: hitlEvent(names, 'hitlAssigned'),
      payload: { conversationId, userId },
      conversationId,
      schedule: landing(call, conversation),
    })
    .catch(async (err: unknown) => {
      await giveBack()
      throw err
    })
}
