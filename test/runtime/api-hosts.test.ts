/**
 * http.hosts: a helpdesk whose API spans hosts (LiveChat's accounts server beside its chat API). A step naming one
 * goes below its base with the manifest's headers and auth; absolute URLs may name it too; any other host is refused,
 * and a redirect leaving the request's own host is not followed with the credentials.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { loadManifest } from '../../src/manifest/load'
import { ManifestError } from '../../src/manifest/problems'
import { ProviderRuntime } from '../../src/runtime/provider'
import { HelpdeskStandIn } from '../../testkit/helpdesk'

const helpdesk = new HelpdeskStandIn()
beforeAll(() => helpdesk.start())
afterAll(() => helpdesk.stop())

function manifest(edit: (m: any) => void = () => {}) {
  const m = parse(readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8'))
  m.configuration.token = { type: 'string', title: 'Token', description: 'API token.', secret: true }
  m.configuration.accountsUrl = { type: 'string', title: 'Accounts', description: 'Accounts server.' }
  m.http.auth = { type: 'bearer', token: '{{ config.token }}' }
  m.http.headers = { 'x-org': 'acme' }
  m.http.hosts = { accounts: '{{ config.accountsUrl }}' }
  edit(m)
  return stringify(m)
}

function runtime() {
  const plan = loadManifest(manifest(), 'tiny-desk.yaml')
  const config = {
    apiBaseUrl: `${helpdesk.url}/api`,
    token: 'tok-123456',
    accountsUrl: `${helpdesk.storageUrl}/accounts`,
  }
  return new ProviderRuntime(plan, { config, state: {}, env: { webhookUrl: 'https://x' } })
}

const request = (path: string, host?: string) => ({
  step: 'probe',
  method: 'POST',
  host,
  path,
  query: [] as [string, string][],
  headers: [] as [string, string][],
  accept: [],
})

describe('a second API host', () => {
  it("takes a step naming it below its base, with the manifest's headers and auth", async () => {
    helpdesk.on('POST', '/accounts/token', () => ({ body: { ok: true } }))
    const before = helpdesk.requests.length
    const res = await runtime().http.send(request('/token', 'accounts'))
    expect(res.body).toEqual({ ok: true })
    const [sent] = helpdesk.requests.slice(before)
    expect(sent!.headers.host).toBe(new URL(helpdesk.storageUrl).host)
    expect(sent!.path).toBe('/accounts/token')
    expect(sent!.headers).toMatchObject({ authorization: 'Bearer tok-123456', 'x-org': 'acme' })
  })

  it('takes an absolute URL on it, and refuses one on any other host', async () => {
    helpdesk.on('POST', '/accounts/token', () => ({ body: { ok: true } }))
    const r = runtime()
    expect((await r.http.send(request(`${helpdesk.storageUrl}/accounts/token`))).status).toBe(200)
    const before = helpdesk.requests.length
    await expect(r.http.send(request('http://127.0.0.2:9/accounts/token'))).rejects.toThrow(
      /127\.0\.0\.2:9 is not the manifest's API host/
    )
    expect(helpdesk.requests.length).toBe(before)
  })

  it("does not follow a redirect off the request's own host with the credentials", async () => {
    helpdesk.on('POST', '/accounts/moved', () => ({
      status: 307,
      headers: { location: `${helpdesk.url}/api/elsewhere` },
    }))
    const before = helpdesk.requests.length
    await expect(runtime().http.send(request('/moved', 'accounts'))).rejects.toThrow(/redirected to .*: not followed/)
    expect(helpdesk.requests.slice(before).map((r) => r.path)).toEqual(['/accounts/moved'])
  })

  it('is named in the manifest: a step naming an undeclared host is refused where it stands', () => {
    const text = manifest((m) => {
      m.actions.stopHitl.steps[0].request.host = 'acounts'
    })
    let error: unknown
    try {
      loadManifest(text, 'tiny-desk.yaml')
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ManifestError)
    expect((error as Error).message).toMatch(
      /tiny-desk\.yaml:\d+:\d+: actions\.stopHitl\.steps\[0\]\.request\.host: 'acounts' is not one of http\.hosts \(accounts\)/
    )
  })
})
