/* eslint-disable */
/* tslint:disable */
import { z } from '@botpress/sdk'

const hiddenInStudio = { bpActionHiddenInStudio: 'true' }

export const events = {
  hitlAssigned: {
    title: 'HITL session assigned',
    description: 'A human agent was assigned to the HITL session',
    attributes: hiddenInStudio,
    schema: z.object({
      conversationId: z.string().title('HITL session ID').describe('ID of the Botpress conversation representing the HITL session'),
      userId: z.string().title('Human agent user ID').describe('ID of the Botpress user representing the human agent assigned to the HITL session'),
    }),
  },
  hitlStopped: {
    title: 'HITL session stopped',
    description: 'The HITL session was stopped in the external service',
    attributes: hiddenInStudio,
    schema: z.object({
      conversationId: z.string().title('HITL session ID').describe('ID of the Botpress conversation representing the HITL session'),
    }),
  },
}
