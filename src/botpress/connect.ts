/**
 * "Connect with …" (a manifest with oauth2AuthorizationCode auth), served on the installation's webhook URL:
 * - GET  /oauth/start     a page asking for the manifest's askFor fields (pre-filled), and the redirect URI to register;
 * - POST /oauth/start     a one-time state and PKCE verifier kept in Botpress (10 minutes), then off to the vendor;
 * - GET  /oauth/callback  the state checked and spent, the code exchanged, the grant kept in integration state,
 *                         configureIntegration called with the account's identifier (Botpress registers again).
 * Whoever knows the webhook URL can open these pages: once an account is connected, only the same account may be
 * connected again (to renew a revoked grant); another account needs the integration to be reinstalled (unregister
 * revokes and forgets the connection).
 */
import { timingSafeEqual } from 'node:crypto'
import { escapeHtml } from '../manifest/html'
import { ProviderError } from '../runtime/errors'
import type { Call } from './call'
import { webhookUrl } from './call'
import { toRuntimeError } from './errors'
import { CONNECT_PREFIX } from './names'
import { readConnection, writeConnection } from './state'
import { state as stateOf } from './states'
import type { IntegrationProps } from './types'

type Request = Parameters<IntegrationProps['handler']>[0]['req']
type Response = { status: number; headers: Record<string, string>; body: string }

const FLOW_MS = 10 * 60_000

function page(status: number, title: string, body: string): Response {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https: http:",
      'x-frame-options': 'DENY',
    },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1d2433}
label{display:block;margin:1rem 0 .2rem;font-weight:600}input{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
small{color:#5b6475}button{margin-top:1.5rem;padding:.6rem 1.2rem;font:inherit;background:#2f5bea;color:#fff;border:0;border-radius:6px}
code{background:#eef1f6;padding:.1rem .3rem;word-break:break-all}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
  }
}

const redirectUri = (call: Call) => `${webhookUrl(call.ctx.webhookId)}${CONNECT_PREFIX}callback`

export async function connectRoute(call: Call, req: Request): Promise<Response> {
  const flow = call.runtime.connect
  const title = call.plan.manifest.title
  if (!flow) return page(404, 'Nothing to connect', `<p>${escapeHtml(title)} does not connect with OAuth.</p>`)
  const route = `${req.method.toUpperCase()} ${req.path}`
  try {
    if (route === `GET ${CONNECT_PREFIX}start`) return (await offHosts(call)) ?? startPage(call, flow.askFor)
    if (route === `POST ${CONNECT_PREFIX}start`) return await start(call, req)
    if (route === `GET ${CONNECT_PREFIX}callback`) return await callback(call, req)
  } catch (err) {
    // The vendor's refusal (redacted) is for the builder to read; nothing was kept.
    const said = toRuntimeError(err, call.runtime.redactor, call.logger).message
    return page(502, 'Not connected', `<p>${escapeHtml(said)}</p><p>Start again from the Connect link.</p>`)
  }
  return page(404, 'Not found', `<p>No page ${escapeHtml(route)}.</p>`)
}

/**
 * The deployment's own OAuth client is for the hosts its manifest names: a configuration whose endpoints lie
 * elsewhere (an apiBaseUrl of its own) must bring its own client. Said before the builder is sent anywhere.
 */
async function offHosts(call: Call): Promise<Response | undefined> {
  const { verifier, state } = call.runtime.connect!.secrets()
  try {
    await call.runtime.connect!.authorizeUrl({ redirectUri: redirectUri(call), state, verifier })
    return undefined
  } catch (err) {
    // Anything else (a field the page is about to ask for) is for the page and the callback to say.
    if (!(err instanceof ProviderError) || !err.details.secretRefused) return undefined
    const title = call.plan.manifest.title
    return page(
      403,
      `Connect ${title}`,
      `<p>This configuration sends ${escapeHtml(title)}'s sign-in to a host the deployment's own OAuth client is not
for (secret ${escapeHtml(err.details.secretRefused)}), so that client is not used here.</p>
<p>Enter your own OAuth client id and secret in the integration's configuration, save, and open the Connect link again.</p>`
    )
  }
}

function startPage(call: Call, askFor: string[]): Response {
  const { manifest } = call.plan
  const config = call.runtime.config
  const fields = askFor
    .map((name) => {
      const f = manifest.configuration?.[name]
      const value = typeof config[name] === 'string' && !f?.secret ? (config[name] as string) : ''
      return `<label for="${escapeHtml(name)}">${escapeHtml(f?.title ?? name)}</label>
<input id="${escapeHtml(name)}" name="${escapeHtml(name)}" type="${f?.secret ? 'password' : 'text'}" value="${escapeHtml(value)}" required>
${f?.description ? `<small>${escapeHtml(f.description)}</small>` : ''}`
    })
    .join('\n')
  return page(
    200,
    `Connect ${manifest.title}`,
    `<p>Botpress hands conversations to ${escapeHtml(manifest.title)} with the account you connect here.</p>
<form method="post" action="start">${fields}<button type="submit">Connect with ${escapeHtml(manifest.title)}</button></form>
<p><small>Redirect URI to register in ${escapeHtml(manifest.title)}'s app: <code>${escapeHtml(redirectUri(call))}</code></small></p>`
  )
}

async function start(call: Call, req: Request): Promise<Response> {
  const flow = call.runtime.connect!
  const form = new URLSearchParams(req.body ?? '')
  const values: Record<string, string> = {}
  for (const name of flow.askFor) {
    const v = form.get(name)?.trim()
    if (!v) return page(400, 'Missing value', `<p>Fill in ${escapeHtml(name)}.</p>`)
    values[name] = v
  }
  const { state, verifier } = flow.secrets()
  const { client, ctx, plan } = call
  await stateOf(client, 'hitlConnecting', ctx.integrationId).write(
    { provider: plan.manifest.id, state, verifier, values, at: Date.now() },
    FLOW_MS
  )
  // The authorize URL is built with what the builder just entered (a subdomain, say).
  const location = await call
    .withConfig(values)
    .connect!.authorizeUrl({ redirectUri: redirectUri(call), state, verifier })
  return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' }
}

async function callback(call: Call, req: Request): Promise<Response> {
  const { client, ctx, plan, logger } = call
  const query = new URLSearchParams(req.query ?? '')
  const refused = (why: string) => page(400, 'Not connected', `<p>${escapeHtml(why)}</p>`)
  const connecting = stateOf(client, 'hitlConnecting', ctx.integrationId)
  const pending = await connecting.read()
  const given = Buffer.from(query.get('state') ?? '')
  if (
    !pending?.state ||
    pending.provider !== plan.manifest.id ||
    Date.now() - pending.at > FLOW_MS ||
    given.length !== Buffer.byteLength(pending.state) ||
    !timingSafeEqual(given, Buffer.from(pending.state))
  )
    return refused('This link has expired or was already used. Start again from the Connect link.')
  // Spent at once: a state opens one exchange, however often the callback is opened.
  await connecting.write({ ...pending, state: '' }, FLOW_MS)
  const error = query.get('error')
  if (error) return refused(`${plan.manifest.title} did not grant access (${error}).`)
  const code = query.get('code')
  if (!code) return refused('The answer carried no authorization code.')

  const flow = call.withConfig(pending.values).connect!
  const { grant, identifier } = await flow.exchange({
    code,
    redirectUri: redirectUri(call),
    verifier: pending.verifier,
  })
  const existing = await readConnection(client, ctx.integrationId, plan.manifest.id)
  if (existing && existing.identifier !== identifier) {
    await flow.revoke(grant).catch(() => undefined)
    logger.forBot().warn(`Connect refused: this bot is connected to ${existing.identifier}, not ${identifier}`)
    return refused(
      `This bot is connected to ${existing.identifier}. To connect ${identifier} instead, reinstall the integration.`
    )
  }
  await writeConnection(client, ctx.integrationId, {
    provider: plan.manifest.id,
    identifier,
    values: pending.values,
    grant,
  })
  await client.configureIntegration({ identifier })
  logger.forBot().info(`${plan.manifest.title} connected as ${identifier}`)
  return page(
    200,
    `${plan.manifest.title} connected`,
    `<p>Connected as <strong>${escapeHtml(identifier)}</strong>. You can close this window.</p>`
  )
}
