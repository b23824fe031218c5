/**
 * http.fileHosts: an agent's file on a host the manifest names (Slack's files.slack.com beside slack.com/api) is
 * fetched with the manifest's credentials; on any other host it is refused, and nothing else is ever sent there.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { loadManifest } from '../../src/manifest/load'
import { ProviderRuntime } from '../../src/runtime/provider'
import { FILE_BYTES, HelpdeskStandIn } from '../../testkit/helpdesk'

const helpdesk = new HelpdeskStandIn()
beforeAll(() => helpdesk.start())
afterAll(() => helpdesk.stop())

function runtime(fileHosts: string[]) {
  const m = parse(readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8'))
  m.configuration.token = { type: 'string', title: 'Token', description: 'API token.', secret: true }
  m.configuration.fileHost = { type: 'string', title: 'File host', description: 'Where files are.', required: false }
  m.http.auth = { type: 'bearer', token: '{{ config.token }}' }
  m.http.fileHosts = fileHosts
  const plan = loadManifest(stringify(m), 'tiny-desk.yaml')
  const storageHost = new URL(helpdesk.storageUrl).host
  const config = { apiBaseUrl: `${helpdesk.url}/api`, token: 'tok-123456', fileHost: storageHost }
  return new ProviderRuntime(plan, { config, state: {}, env: { webhookUrl: 'https://x' } })
}

describe('an agent file on a file host', () => {
  it('is fetched with the credentials when the manifest names the host', async () => {
    const url = `${helpdesk.storageUrl}/_downloads/label.png`
    const before = helpdesk.requests.length
    const file = await runtime(['{{ config.fileHost }}']).fetchAttachment(url, 'auth')
    expect(Buffer.from(file.bytes).equals(FILE_BYTES)).toBe(true)
    const [sent] = helpdesk.requests.slice(before)
    expect(sent!.headers.host).toBe(new URL(helpdesk.storageUrl).host)
    expect(sent!.headers.authorization).toBe('Bearer tok-123456')
  })

  it('is refused, and said why, when it does not', async () => {
    const url = `${helpdesk.storageUrl}/_downloads/label.png`
    const before = helpdesk.requests.length
    const r = runtime([])
    await expect(r.fetchAttachment(url, 'auth')).rejects.toThrow(/is not the manifest's API host/)
    expect(await r.attachmentRefusal(url)).toMatch(/neither the manifest's API host .* nor one of its file hosts/)
    expect(helpdesk.requests.length).toBe(before)
  })

  it('is no way out for anything but files: a step to a file host is refused', async () => {
    const r = runtime(['{{ config.fileHost }}'])
    await expect(
      r.http.send({
        step: 'probe',
        method: 'GET',
        path: `${helpdesk.storageUrl}/_downloads/label.png`,
        query: [],
        headers: [],
        accept: [],
      })
    ).rejects.toThrow(/is not the manifest's API host/)
  })
})
