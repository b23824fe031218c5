/* eslint-disable */
/* tslint:disable */
import { z, messages } from '@botpress/sdk'

const hiddenInStudio = { bpActionHiddenInStudio: 'true' }

const messageSource = z.union([
  z.object({ type: z.literal('user'), userId: z.string() }),
  z.object({ type: z.literal('bot') }),
])

const historyMessageTypes = { ...messages.defaults, markdown: messages.markdown }
const historyMessage = z.union(
  Object.entries(historyMessageTypes).map(([type, { schema }]) =>
    z.object({ source: messageSource, type: z.literal(type), payload: schema })
  ) as unknown as [z.AnyZodObject, z.AnyZodObject, ...z.AnyZodObject[]]
)

export const actions = {
  createUser: {
    title: 'Create external user',
    description: 'Create an end user in the external service and in Botpress',
    billable: false,
    cacheable: false,
    attributes: hiddenInStudio,
    input: {
      schema: z.object({
        name: z.string().optional().title('Display name').describe('Display name of the end user'),
        pictureUrl: z.string().optional().title('Picture URL').describe('URL of the end user avatar'),
        email: z.string().optional().title('Email').describe('Email address of the end user'),
      }),
    },
    output: {
      schema: z.object({
        userId: z.string().title('Botpress user ID').describe('ID of the Botpress user representing the end user'),
      }),
    },
  },
  startHitl: {
    title: 'Start new HITL session',
    description: 'Create a new HITL session in the external service and in Botpress',
    billable: false,
    cacheable: false,
    attributes: hiddenInStudio,
    input: {
      schema: z.object({
        userId: z.string().title('User ID').describe('ID of the Botpress user representing the end user'),
        title: z.string().optional().title('Title').describe('Title of the HITL session'),
        description: z.string().optional().title('Description').describe('Description of the HITL session'),
        hitlSession: z.object({}).optional().title('Extra parameters').describe('Additional parameters to pass to the HITL session'),
        messageHistory: z
          .array(historyMessage)
          .optional()
          .title('Message history')
          .describe('Message history to display in the HITL session'),
      }),
    },
    output: {
      schema: z.object({
        conversationId: z.string().title('HITL session ID').describe('ID of the Botpress conversation representing the HITL session'),
      }),
    },
  },
  stopHitl: {
    title: 'Stop HITL session',
    description: 'Stop an existing HITL session in the external service',
    billable: false,
    cacheable: false,
    attributes: hiddenInStudio,
    input: {
      schema: z.object({
        conversationId: z.string().title('HITL session ID').describe('ID of the Botpress conversation representing the HITL session'),
      }),
    },
    output: {
      schema: z.object({}),
    },
  },
}
