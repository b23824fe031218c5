/** Credentials that do not change during a call: none, basic, bearer (any scheme), an API key, a set of headers. */
import type { AuthPlan } from '../../manifest/plan'
import { withCredentials, type AuthContext, type Authenticator, type Credentials } from './types'

type Of<K extends AuthPlan['type']> = Extract<AuthPlan, { type: K }>

/** Worked out once per call, on first use; every secret it holds is taught to the call's redactor. */
function once(work: () => Promise<Credentials>): Authenticator {
  let credentials: Promise<Credentials> | undefined
  return withCredentials(() => (credentials ??= work()))
}

export const none = (): Authenticator => once(async () => ({ headers: [], query: [] }))

export const basic = (plan: Of<'basic'>, { scope, redactor }: AuthContext) =>
  once(async () => {
    const user = (await plan.username.text(scope)) ?? ''
    const pass = (await plan.password.text(scope)) ?? ''
    const encoded = Buffer.from(`${user}:${pass}`).toString('base64')
    redactor.add(pass)
    redactor.add(encoded)
    return { headers: [['authorization', `Basic ${encoded}`]], query: [] }
  })

export const bearer = (plan: Of<'bearer'>, { scope, redactor }: AuthContext) =>
  once(async () => {
    const token = (await plan.token.text(scope)) ?? ''
    redactor.add(token)
    return { headers: [['authorization', `${plan.scheme} ${token}`]], query: [] }
  })

export const apiKey = (plan: Of<'apiKey'>, { scope, redactor }: AuthContext) =>
  once(async () => {
    const value = (await plan.value.text(scope)) ?? ''
    redactor.add(value)
    return plan.in === 'header'
      ? { headers: [[plan.name, value]], query: [] }
      : { headers: [], query: [[plan.name, value]] }
  })

export const headerSet = (plan: Of<'headers'>, { scope, redactor }: AuthContext) =>
  once(async () => {
    const headers: [string, string][] = []
    for (const [k, t] of plan.headers) {
      const v = await t.text(scope)
      if (v === undefined) continue
      redactor.add(v)
      headers.push([k, v])
    }
    return { headers, query: [] }
  })
