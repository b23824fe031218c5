/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as hitl from "./hitl/index";
export * as hitl from "./hitl/index";

export const channels = {
  "hitl": hitl.hitl,
}
