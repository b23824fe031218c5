/* eslint-disable */
/* tslint:disable */
import { z, messages } from '@botpress/sdk'

const withHitlFields = <S extends z.AnyZodObject>(schema: S) =>
  schema.extend({
    userId: z.string().optional().describe('Allows sending a message pretending to be a certain user'),
    additionalData: z.string().max(500).optional().describe('Opaque data attached to the message (at most 500 characters)'),
  })

export const channels = {
  hitl: {
    title: 'HITL',
    description: 'The HITL session: a conversation with a human agent in the external service',
    messages: {
      text: { schema: withHitlFields(messages.defaults.text.schema) },
      image: { schema: withHitlFields(messages.defaults.image.schema) },
      audio: { schema: withHitlFields(messages.defaults.audio.schema) },
      video: { schema: withHitlFields(messages.defaults.video.schema) },
      file: { schema: withHitlFields(messages.defaults.file.schema) },
      bloc: { schema: withHitlFields(messages.defaults.bloc.schema) },
    },
  },
}
