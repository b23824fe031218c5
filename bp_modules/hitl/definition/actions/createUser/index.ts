/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const createUser = {
  "input": input.input,
  "output": output.output,
  "title": "Create external user",
  "description": "Create an end user in the external service and in Botpress",
  "attributes": { "bpActionHiddenInStudio": "true" },
}
