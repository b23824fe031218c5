/**
 * npm run doctor -- --provider <id> [--configuration <file>] [--webhook-url <url>]: whether a configuration works,
 * in plain words, each problem with its fix. The configuration comes from HITL_<FIELD> variables (as
 * `npm start -- --provider` reads it) or a JSON or YAML file; the webhook URL is the installation's, as Botpress
 * shows it. It checks that the configuration holds to the manifest's fields, that the credentials work (the
 * manifest's doctor.credentials read), that this machine's clock agrees with the helpdesk's within the replay
 * window, that a webhook subscription calls the webhook URL (doctor.webhooks), and that a test event signed with
 * the configuration's secret is accepted there. Exit status 1 when something is wrong.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { readBundle } from '../build/providers'
import { ProviderCatalog } from '../src/botpress/providers'
import { inboundWays, type InboundPlan, type Plan } from '../src/manifest/plan'
import { fieldProblems, withDefaults } from '../src/manifest/values'
import { chosenAuth } from '../src/runtime/auth'
import { ProviderError } from '../src/runtime/errors'
import { chosenInbound } from '../src/runtime/inbound'
import { ProviderRuntime } from '../src/runtime/provider'
import { formatTimestamp, hmac, keyBytes } from '../src/runtime/signing'
import { configurationFromEnv, envName } from './env-configuration'

export type Check = { name: string; ok: boolean; said: string; fix?: string }

export type DoctorOptions = {
  provider: string
  configuration?: Record<string, unknown>
  env?: NodeJS.ProcessEnv
  webhookUrl?: string
  /** The clock this machine reads (tests move it). */
  now?: () => number
}

type Webhook = Extract<InboundPlan, { type: 'webhook' }>

/** Every check, in order; later ones are skipped (not failed) when an earlier one makes them meaningless. */
export async function diagnose(options: DoctorOptions): Promise<Check[]> {
  const now = options.now ?? Date.now
  const plan = new ProviderCatalog(readBundle('')).plans.find((p) => p.manifest.id === options.provider)
  if (!plan) {
    const known = new ProviderCatalog(readBundle('')).plans.map((p) => p.manifest.id).join(', ')
    return [{ name: 'Provider', ok: false, said: `no provider '${options.provider}'`, fix: `one of: ${known}` }]
  }
  const m = plan.manifest
  const checks: Check[] = []
  const fromEnv = configurationFromEnv(m, options.env ?? {})
  const given = options.configuration ?? fromEnv.configuration
  const config = withDefaults(m.configuration, given)
  const problems = fieldProblems(m.configuration, config, 'configuration field ')
  const fix = options.configuration
    ? 'correct the configuration file'
    : `set ${Object.keys(m.configuration ?? {})
        .map(envName)
        .slice(0, 3)
        .join(', ')}… (each field's HITL_ variable)`
  checks.push(
    problems.length
      ? { name: 'Configuration', ok: false, said: problems.join('; '), fix }
      : { name: 'Configuration', ok: true, said: `${m.title}: every field holds` }
  )
  if (problems.length) return checks

  const env = { webhookUrl: options.webhookUrl ?? 'https://webhook.botpress.cloud/doctor' }
  const auth = await chosenAuth(plan.http.auth, { config, secrets: {}, state: {}, env })
  const runtime = new ProviderRuntime(plan, { config, state: {}, env, auth })
  const said = (err: unknown) => runtime.redactor.redact((err as Error).message)

  // Credentials, and the helpdesk's clock from its answer.
  let helpdeskTime: number | undefined
  let reached = false
  try {
    const answer = await runtime.credentialsCheck()
    if (!answer) {
      checks.push({
        name: 'Credentials',
        ok: true,
        said: 'not checked: the manifest names no read to check them with (doctor.credentials)',
      })
    } else {
      reached = true
      helpdeskTime = answer.date ? Date.parse(answer.date) : undefined
      checks.push({ name: 'Credentials', ok: true, said: `the helpdesk accepts them (HTTP ${answer.status})` })
    }
  } catch (err) {
    const status = err instanceof ProviderError ? err.details.status : undefined
    const secrets = Object.entries(m.configuration ?? {})
      .filter(([, f]) => f.secret)
      .map(([name, f]) => `${f.title} (${name})`)
    checks.push({
      name: 'Credentials',
      ok: false,
      said:
        status === 401 || status === 403
          ? `refused by the helpdesk (HTTP ${status})`
          : status
            ? `the helpdesk answered HTTP ${status}: ${said(err)}`
            : `the helpdesk could not be reached: ${said(err)}`,
      fix:
        status === 401 || status === 403
          ? `check ${secrets.join(', ') || 'the credentials'}: make new ones, with the rights the manifest's links.api says`
          : status === 404
            ? "check the fields that make the helpdesk's address (subdomain, region, API base URL)"
            : 'check the address fields, and that this machine reaches the helpdesk',
    })
  }

  // The clock, where signed webhooks carry a timestamp checked against a window.
  const chosen = await chosenInbound(plan.inbound, { config, secrets: {}, state: {}, env })
  const webhook = chosen.type === 'webhook' ? chosen : undefined
  const window = webhook && 'timestamp' in webhook.verify ? webhook.verify.timestamp?.toleranceSeconds : undefined
  if (helpdeskTime !== undefined && !Number.isNaN(helpdeskTime)) {
    const skew = Math.round((now() - helpdeskTime) / 1000)
    const limit = window ?? 300
    checks.push(
      Math.abs(skew) <= limit
        ? { name: 'Clock', ok: true, said: `within ${Math.abs(skew)} s of the helpdesk's` }
        : {
            name: 'Clock',
            ok: false,
            said: `${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} the helpdesk's${window ? `: its signed webhooks older than ${window} s are refused` : ''}`,
            fix: "set this machine's clock by NTP (timedatectl set-ntp true)",
          }
    )
  }

  checks.push(
    ...(await eventChecks(plan, chosen, runtime, { config, env, reached, webhookUrl: options.webhookUrl, now }, said))
  )
  return checks
}

async function eventChecks(
  plan: Plan,
  chosen: Exclude<InboundPlan, { type: 'either' }>,
  runtime: ProviderRuntime,
  o: {
    config: Record<string, unknown>
    env: { webhookUrl: string }
    reached: boolean
    webhookUrl?: string
    now: () => number
  },
  said: (err: unknown) => string
): Promise<Check[]> {
  if (chosen.type === 'poll') {
    return [
      {
        name: 'Events',
        ok: true,
        said: `polled every ${chosen.intervalMs / 1000} s: the bot must call pollHelpdesk on a schedule (README, "Helpdesks that are polled")`,
      },
    ]
  }
  const checks: Check[] = []
  const polls = inboundWays(plan.inbound).some((w) => w.type === 'poll')
  if (!o.webhookUrl) {
    return [
      {
        name: 'Webhook',
        ok: true,
        said: 'not checked: no webhook URL given',
        fix: "pass --webhook-url <the installation's webhook URL, as Botpress shows it>",
      },
    ]
  }
  if (plan.doctor.webhooks && o.reached) {
    try {
      const urls = (await runtime.webhookUrls()) ?? []
      checks.push(
        urls.includes(o.webhookUrl)
          ? { name: 'Webhook', ok: true, said: 'a subscription of the helpdesk calls the webhook URL' }
          : {
              name: 'Webhook',
              ok: false,
              said: urls.length
                ? `no subscription calls ${o.webhookUrl}; the helpdesk's call: ${urls.join(', ')}`
                : 'the helpdesk has no webhook subscription',
              fix: chosen.manualSetup
                ? 'set it up as hub.md says (manual setup)'
                : "save the integration's configuration in Botpress again: registration subscribes it",
            }
      )
    } catch (err) {
      checks.push({ name: 'Webhook', ok: false, said: `its subscriptions could not be listed: ${said(err)}` })
    }
  } else if (chosen.manualSetup) {
    checks.push({
      name: 'Webhook',
      ok: true,
      said: `set up by hand (it cannot be listed from here)${polls ? '; or leave it, and the helpdesk is polled' : ''}`,
      fix: 'follow the manual setup in hub.md',
    })
  }
  checks.push(await testEvent(chosen, o))
  return checks
}

/** A test event signed with the configuration's secret, as the helpdesk signs, posted to the webhook URL. */
async function testEvent(
  webhook: Webhook,
  o: { config: Record<string, unknown>; env: { webhookUrl: string }; webhookUrl?: string; now: () => number }
): Promise<Check> {
  const name = 'Test event'
  const body = JSON.stringify({ botpressDoctor: 'ping' })
  const signed = await signAsVendor(webhook, body, { config: o.config, state: {}, env: o.env }, o.now())
  if ('why' in signed) return { name, ok: true, said: `not sent: ${signed.why}` }
  let status: number
  try {
    const url = new URL(o.webhookUrl!)
    for (const [k, v] of Object.entries(signed.query)) url.searchParams.set(k, v)
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed.headers },
      body: signed.body ?? body,
      signal: AbortSignal.timeout(15_000),
    })
    status = res.status
  } catch (err) {
    return {
      name,
      ok: false,
      said: `the webhook URL could not be reached: ${(err as Error).message}`,
      fix: 'check the URL (the installation’s, as Botpress shows it)',
    }
  }
  if (status === 200) return { name, ok: true, said: 'signed with the configuration’s secret, accepted' }
  if (status === 401)
    return {
      name,
      ok: false,
      said: 'refused (401): the integration does not accept what the configuration’s secret signs',
      fix: 'the secret here and the one the installation has differ: save the same value in both (and in the helpdesk)',
    }
  if (status === 404)
    return { name, ok: false, said: 'answered 404: the installation does not expect webhooks', fix: 'check the URL' }
  return { name, ok: false, said: `answered HTTP ${status}` }
}

type Signed = { headers: Record<string, string>; query: Record<string, string>; body?: string } | { why: string }

/** Headers (or a query parameter) that make `body` pass the manifest's verification, where the configuration holds the secret. */
async function signAsVendor(
  webhook: Webhook,
  body: string,
  scope: Record<string, unknown>,
  now: number
): Promise<Signed> {
  const v = webhook.verify
  if (v.type === 'none') return { headers: {}, query: {} }
  if (v.type === 'token') {
    const value = await v.value.text(scope)
    if (!value)
      return { why: 'the webhook token is kept by the installation (made at registration), not in the configuration' }
    if (v.in === 'header') return { headers: { [v.name]: value }, query: {} }
    if (v.in === 'query') return { headers: {}, query: { [v.name]: value } }
    // In a field of the body: the test event carries it where the vendor writes it.
    const event: Record<string, unknown> = JSON.parse(body)
    const names = v.name.split('.')
    let node = event
    for (const key of names.slice(0, -1)) node = (node[key] = {}) as Record<string, unknown>
    node[names.at(-1)!] = value
    return { headers: {}, query: {}, body: JSON.stringify(event) }
  }
  if (v.type !== 'hmac') return { why: `only the helpdesk can sign (${v.type}: its private key)` }
  const secret = await v.secret.text(scope)
  if (!secret)
    return { why: 'the signing secret is kept by the installation (made at registration), not in the configuration' }
  if (v.signature.pattern || v.timestamp?.pattern)
    return { why: 'the signature shares its header with other parts, which the doctor does not write' }
  const headers: Record<string, string> = {}
  const timestamp = v.timestamp ? formatTimestamp(now, v.timestamp.format) : undefined
  if (v.timestamp) headers[v.timestamp.header.toLowerCase()] = timestamp!
  const payload = (await v.signedPayload.text({ ...scope, rawBody: body, headers, timestamp })) ?? ''
  const signature = hmac(v.algorithm, keyBytes(secret, v.keyEncoding), payload).toString(v.signature.encoding)
  headers[v.signature.header] = `${v.signature.prefix ?? ''}${signature}`
  return { headers, query: {} }
}

async function main() {
  const { values } = parseArgs({
    options: {
      provider: { type: 'string' },
      configuration: { type: 'string' },
      'webhook-url': { type: 'string' },
    },
  })
  if (!values.provider) {
    console.error('usage: npm run doctor -- --provider <id> [--configuration <file>] [--webhook-url <url>]')
    process.exit(2)
  }
  const configuration = values.configuration ? parse(readFileSync(values.configuration, 'utf8')) : undefined
  const checks = await diagnose({
    provider: values.provider,
    configuration,
    env: process.env,
    webhookUrl: values['webhook-url'],
  })
  for (const c of checks) {
    console.log(`${c.ok ? '✓' : '✗'} ${c.name}: ${c.said}`)
    if (c.fix && (!c.ok || c.said.startsWith('not checked'))) console.log(`    fix: ${c.fix}`)
  }
  process.exit(checks.every((c) => c.ok) ? 0 : 1)
}

if (require.main === module) void main()
