/** createUser: the Botpress user, then the helpdesk's, linked by a user tag (and remembered data, if the manifest asks). */
import { withCall, type Binding } from '../call'
import { TAGS } from '../names'
import { writeData } from '../state'
import type { ActionHandler } from '../types'

export function createUser(binding: Binding): ActionHandler<'createUser'> {
  return function createUserHandler(props) {
    return withCall(binding, props, async ({ runtime, plan, client }) => {
      const { input } = props
      const { user } = await client.createUser({ name: input.name, pictureUrl: input.pictureUrl, tags: {} })
      const { externalId, data } = await runtime.createUser(input, { id: user.id })
      await client.updateUser({ id: user.id, tags: { [TAGS.user.id]: externalId } })
      if (plan.createUser.data) await writeData(client, 'user', user.id, data)
      return { userId: user.id }
    })
  }
}
