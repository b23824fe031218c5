/**
 * The sandbox helpdesk's OAuth2 authorization server (RFC 6749 authorization code with PKCE, RFC 7636; refresh
 * tokens rotated on use; revocation, RFC 7009), for "Connect with …" on this machine. A person allows access on its
 * consent page; the integration exchanges the code, then refreshes. `expireAccessTokens()` plays an access token
 * running out mid-session.
 * The manifest connecting this way is testkit/connect-manifest.ts.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { escapeHtml } from '../src/manifest/html'
import { readBody, send } from './http'

type Code = { redirectUri: string; challenge?: string; workspace: string; expiresAt: number }
type Refresh = { workspace: string; access: Set<string> }

const CODE_MS = 60_000

export class SandboxAuthorizationServer {
  readonly clientId = 'sandbox-app'
  readonly clientSecret = `app-secret-${randomBytes(12).toString('hex')}`
  /** Access tokens and when they stop working (epoch ms). */
  readonly accessTokens = new Map<string, number>()
  readonly refreshTokens = new Map<string, Refresh>()
  private readonly codes = new Map<string, Code>()
  /** Token requests by grant, for the tests to see what the integration did. */
  readonly grants: string[] = []
  revoked = 0

  constructor(public tokenLifetimeSeconds = 3600) {}

  /** Is this bearer token one this server issued and still honours? */
  honours(token: string): boolean {
    return (this.accessTokens.get(token) ?? 0) > Date.now()
  }

  /** Every access token issued so far stops working (the refresh tokens still do). */
  expireAccessTokens() {
    for (const token of this.accessTokens.keys()) this.accessTokens.set(token, 0)
  }

  async serve(method: string, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams
    if (url.pathname === '/oauth/authorize' && method === 'GET') return this.consent(form, res)
    if (url.pathname === '/oauth/authorize' && method === 'POST') return this.decide(form, res)
    if (url.pathname === '/oauth/token' && method === 'POST') return this.token(form, req, res)
    if (url.pathname === '/oauth/revoke' && method === 'POST') return this.revoke(form, req, res)
    return json(res, 404, { error: 'not_found' })
  }

  private consent(q: URLSearchParams, res: ServerResponse) {
    const problem =
      q.get('response_type') !== 'code'
        ? 'response_type must be code'
        : q.get('client_id') !== this.clientId
          ? 'unknown client_id'
          : !q.get('redirect_uri')
            ? 'redirect_uri is missing'
            : q.get('code_challenge') && q.get('code_challenge_method') !== 'S256'
              ? 'only S256 challenges are accepted'
              : undefined
    if (problem) return json(res, 400, { error: 'invalid_request', error_description: problem })
    const hidden = [...q.entries()]
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
      .join('')
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox helpdesk: allow access</title></head>
<body style="font:16px system-ui;max-width:30rem;margin:3rem auto"><h1>Allow Botpress?</h1>
<p>Botpress asks to create tickets and post messages in workspace <strong>${escapeHtml(q.get('workspace') ?? 'default')}</strong>
(scope: ${escapeHtml(q.get('scope') ?? '')}).</p>
<form method="post" action="/oauth/authorize">${hidden}
<button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Deny</button></form></body></html>`)
  }

  private decide(f: URLSearchParams, res: ServerResponse) {
    const back = new URL(f.get('redirect_uri') ?? '')
    if (f.get('state')) back.searchParams.set('state', f.get('state')!)
    if (f.get('decision') !== 'allow') back.searchParams.set('error', 'access_denied')
    else {
      const code = randomBytes(16).toString('hex')
      this.codes.set(code, {
        redirectUri: f.get('redirect_uri')!,
        challenge: f.get('code_challenge') ?? undefined,
        workspace: f.get('workspace') ?? 'default',
        expiresAt: Date.now() + CODE_MS,
      })
      back.searchParams.set('code', code)
    }
    res.writeHead(302, { location: back.toString() })
    res.end()
  }

  private clientOk(f: URLSearchParams, req: IncomingMessage): boolean {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')
    const [id, secret] = basic
      ? Buffer.from(basic[1]!, 'base64').toString().split(':').map(decodeURIComponent)
      : [f.get('client_id'), f.get('client_secret')]
    return id === this.clientId && same(secret ?? '', this.clientSecret)
  }

  private token(f: URLSearchParams, req: IncomingMessage, res: ServerResponse) {
    if (!this.clientOk(f, req)) return json(res, 401, { error: 'invalid_client' })
    const grant = f.get('grant_type') ?? ''
    this.grants.push(grant)
    let workspace: string
    if (grant === 'authorization_code') {
      const code = this.codes.get(f.get('code') ?? '')
      this.codes.delete(f.get('code') ?? '') // one use, whatever happens
      const verifier = f.get('code_verifier') ?? ''
      const challenge = createHash('sha256').update(verifier).digest('base64url')
      if (!code || code.expiresAt < Date.now() || code.redirectUri !== f.get('redirect_uri'))
        return json(res, 400, { error: 'invalid_grant', error_description: 'unknown, used or expired code' })
      if (code.challenge && !same(challenge, code.challenge))
        return json(res, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' })
      workspace = code.workspace
    } else if (grant === 'refresh_token') {
      const old = this.refreshTokens.get(f.get('refresh_token') ?? '')
      if (!old) return json(res, 400, { error: 'invalid_grant', error_description: 'unknown or used refresh token' })
      // Rotated: the old refresh token and its access tokens stop working.
      this.refreshTokens.delete(f.get('refresh_token')!)
      for (const a of old.access) this.accessTokens.delete(a)
      workspace = old.workspace
    } else return json(res, 400, { error: 'unsupported_grant_type' })
    const access = `sbx-at-${randomBytes(16).toString('hex')}`
    const refresh = `sbx-rt-${randomBytes(16).toString('hex')}`
    this.accessTokens.set(access, Date.now() + this.tokenLifetimeSeconds * 1000)
    this.refreshTokens.set(refresh, { workspace, access: new Set([access]) })
    json(res, 200, {
      access_token: access,
      token_type: 'Bearer',
      expires_in: this.tokenLifetimeSeconds,
      refresh_token: refresh,
      workspace,
    })
  }

  private revoke(f: URLSearchParams, req: IncomingMessage, res: ServerResponse) {
    if (!this.clientOk(f, req)) return json(res, 401, { error: 'invalid_client' })
    const token = f.get('token') ?? ''
    const refresh = this.refreshTokens.get(token)
    if (refresh) for (const a of refresh.access) this.accessTokens.delete(a)
    if (this.refreshTokens.delete(token) || this.accessTokens.delete(token)) this.revoked++
    json(res, 200, {})
  }
}

function same(a: string, b: string) {
  const [x, y] = [Buffer.from(a), Buffer.from(b)]
  return x.length === y.length && timingSafeEqual(x, y)
}

/** OAuth answers are never cached (RFC 6749 §5.1). */
function json(res: ServerResponse, status: number, body: unknown) {
  send(res, status, body, { 'cache-control': 'no-store' })
}
