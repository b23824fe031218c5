/** Errors the runtime raises; the Botpress binding turns them into RuntimeErrors. */

/** A request to the helpdesk failed: says which step, which call, and what the vendor answered. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly details: {
      step?: string
      method?: string
      path?: string
      status?: number
      vendorMessage?: string
      transient?: boolean
      /** The helpdesk refused because the ticket is closed (the manifest's http.closedWhen held). */
      closed?: boolean
      /** A deployment secret the request would have carried off its hosts (./secret-guard.ts). */
      secretRefused?: string
    },
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'ProviderError'
  }
}

/** An incoming webhook was refused (bad signature, replay, malformed body): answered with `status`. */
export class WebhookRejection extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
    this.name = 'WebhookRejection'
  }
}
