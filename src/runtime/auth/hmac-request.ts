/**
 * Signed requests (kind hmacRequest): every request the manifest sends carries an HMAC of a string built from the
 * request itself, as it will be sent (method, path with its query, body bytes, a timestamp), in a header. Applied
 * last, once the body is encoded, so what is signed is exactly what goes.
 */
import { widened } from '../../manifest/expressions'
import type { AuthPlan } from '../../manifest/plan'
import { formatTimestamp, hmac, keyBytes } from '../signing'
import type { AuthContext, Authenticator, PreparedRequest } from './types'

type Plan = Extract<AuthPlan, { type: 'hmacRequest' }>

export function hmacRequest(plan: Plan, ctx: AuthContext): Authenticator {
  let key: Promise<Buffer | string> | undefined
  const keyOf = () =>
    (key ??= (async () => {
      const secret = (await plan.secret.text(ctx.scope)) ?? ''
      ctx.redactor.add(secret)
      return keyBytes(secret, plan.keyEncoding)
    })())
  return {
    apply: async (request: PreparedRequest) => {
      const timestamp = formatTimestamp(Date.now(), plan.timestampFormat)
      const scope = widened(ctx.scope, {
        request: {
          method: request.method,
          path: request.url.pathname + request.url.search,
          query: Object.fromEntries(request.url.searchParams),
          body: request.body ? Buffer.from(request.body).toString('utf8') : '',
          timestamp,
        },
      })
      const signed = (await plan.signedString.text(scope)) ?? ''
      const signature = hmac(plan.algorithm, await keyOf(), signed).toString(plan.encoding)
      request.headers[plan.header.toLowerCase()] = `${plan.prefix}${signature}`
      if (plan.timestampHeader) request.headers[plan.timestampHeader.toLowerCase()] = timestamp
      for (const [name, template] of plan.headers ?? []) {
        const value = await template.text(scope)
        if (value !== undefined) request.headers[name.toLowerCase()] = value
      }
    },
  }
}
