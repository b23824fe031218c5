/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as hitlAssigned from "./hitlAssigned";
export * as hitlAssigned from "./hitlAssigned";
import * as hitlStopped from "./hitlStopped";
export * as hitlStopped from "./hitlStopped";

export const events = {
  "hitlAssigned": hitlAssigned.hitlAssigned,
  "hitlStopped": hitlStopped.hitlStopped,
}
