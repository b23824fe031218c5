/** The HTTP side of the runtime: the client a manifest describes, and what travels through it. */
export { HttpClient } from './client'
export { retryDelay } from './retry'
export type { HttpResponse, OutgoingRequest } from './wire'
