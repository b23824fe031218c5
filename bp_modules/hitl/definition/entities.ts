/* eslint-disable */
/* tslint:disable */
import { z } from '@botpress/sdk'

export const entities = {
  hitlSession: {
    title: 'HITL session',
    description: 'The extra inputs of startHitl: each integration maps this entity to its own fields',
    schema: z.object({}).title('HITL session').describe('Fields passed to the external service when a HITL session starts'),
  },
}
