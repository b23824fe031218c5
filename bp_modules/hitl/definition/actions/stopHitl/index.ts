/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const stopHitl = {
  "input": input.input,
  "output": output.output,
  "title": "Stop HITL session",
  "description": "Stop an existing HITL session in the external service",
  "attributes": { "bpActionHiddenInStudio": "true" },
}
