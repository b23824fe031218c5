/**
 * An OAuth2 token endpoint (RFC 6749 §3.2): a form POST authenticated with the client's id and secret (in the body
 * or as HTTP basic), answered with JSON holding access_token. Used by every grant: client credentials, refresh
 * token, authorization code; and by revocation (RFC 7009). Every secret sent or received is taught to the redactor.
 */
import type { Template } from '../../manifest/expressions'
import { ProviderError } from '../errors'
import { transmit, Unreached } from '../http/transport'
import { readResponse } from '../http/wire'
import { checkTarget } from '../network'
import type { AuthContext } from './types'

export type TokenAnswer = { access_token: string; refresh_token?: string; expires_in?: number } & Record<
  string,
  unknown
>
const STEP = 'oauth2Token'

export type Client = { id: Template; secret: Template; auth: 'body' | 'basic' }

/** An absolute URL (checked by the network policy), or a path below the API's base URL. */
export async function endpointUrl(template: Template, what: string, { scope, baseUrl }: AuthContext): Promise<URL> {
  const raw = (await template.text(scope)) ?? ''
  if (/^https?:\/\//i.test(raw)) return checkTarget(raw, what)
  const base = await baseUrl()
  return new URL(base.origin + base.pathname.replace(/\/$/, '') + raw)
}

/** POSTs the form with the client's credentials; `expectToken`: the answer must carry an access token. */
export async function postForm(
  url: URL,
  form: URLSearchParams,
  client: Client,
  ctx: AuthContext,
  what: string
): Promise<{ status: number; body: unknown }> {
  const { scope, redactor, timeoutMs } = ctx
  const clientId = (await client.id.text(scope)) ?? ''
  const clientSecret = (await client.secret.text(scope)) ?? ''
  redactor.add(clientSecret)
  for (const name of ['refresh_token', 'code', 'code_verifier', 'token']) redactor.add(form.get(name) ?? undefined)
  const headers: Record<string, string> = { accept: 'application/json' }
  if (client.auth === 'basic') {
    const encoded = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString(
      'base64'
    )
    redactor.add(encoded)
    headers.authorization = `Basic ${encoded}`
  } else {
    form.set('client_id', clientId)
    form.set('client_secret', clientSecret)
  }
  // Sent once, not retried: a code or a rotating refresh token is spent by the first attempt the vendor saw.
  let result
  try {
    const response = await transmit(url, { method: 'POST', body: form, headers, timeoutMs }, what, ctx.guard)
    result = await readResponse(response)
  } catch (err) {
    if (!(err instanceof Unreached)) throw err
    throw new ProviderError(redactor.redact(`${what} request to ${url.host}${url.pathname} failed: ${err.why}`), {
      step: STEP,
      transient: true,
    })
  }
  return { status: result.status, body: result.body }
}

/** A token request: the answer's access token (and refresh token) redacted from then on. */
export async function requestToken(
  url: URL,
  form: URLSearchParams,
  client: Client,
  ctx: AuthContext,
  what: string
): Promise<TokenAnswer> {
  const { status, body } = await postForm(url, form, client, ctx, what)
  const answer = body as Partial<TokenAnswer> & { error?: unknown; error_description?: unknown }
  if (status !== 200 || typeof answer?.access_token !== 'string' || !answer.access_token) {
    // RFC 6749 §5.2: error is a code (invalid_grant, …), safe to show; the description is the vendor's words.
    const said = typeof answer?.error === 'string' ? ` (${answer.error})` : ''
    throw new ProviderError(
      ctx.redactor.redact(`${what} request to ${url.host}${url.pathname} failed: HTTP ${status}${said}`),
      { status, step: STEP, vendorMessage: typeof answer?.error === 'string' ? answer.error : undefined }
    )
  }
  ctx.redactor.add(answer.access_token)
  if (typeof answer.refresh_token === 'string') ctx.redactor.add(answer.refresh_token)
  return answer as TokenAnswer
}
