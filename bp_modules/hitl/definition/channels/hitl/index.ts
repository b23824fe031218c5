/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { messages } from './messages/index'
export * from './messages/index'

export const hitl = {
  messages: messages,
}