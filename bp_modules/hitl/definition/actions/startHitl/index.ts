/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const startHitl = {
  "input": input.input,
  "output": output.output,
  "title": "Start new HITL session",
  "description": "Create a new HITL session in the external service and in Botpress",
  "attributes": { "bpActionHiddenInStudio": "true" },
}
