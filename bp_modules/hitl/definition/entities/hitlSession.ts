/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const hitlSession = {
  title: "HITL session",
  description:
    "A HITL session, often referred to as a ticket or conversation in external systems",
  schema: z.object({}).catchall(z.never()),
};
