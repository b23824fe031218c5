/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as hitlSession from "./hitlSession";
export * as hitlSession from "./hitlSession";

export const entities = {
  "hitlSession": hitlSession.hitlSession,
}
