/**
 * What a pasted manifest may reach: its API host only (requests, key sets, attachment downloads that the message
 * itself does not carry), and plain http only when that host is this machine.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { MAX_DOWNLOAD_BYTES } from '../../src/runtime/http/download'
import { HelpdeskStandIn } from '../../testkit/helpdesk'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()
const TINY = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')
const settings = { clientId: 'cid', clientSecret: 'guard-secret-1', webhookToken: 'guard-hook-token' }

/** tiny-desk with one change, pasted into the configuration and pointed at the helpdesk stand-in. */
function pasted(edit: (m: any) => void, apiBaseUrl: string | null = `${ctx.helpdesk.url}/api`) {
  const m = parse(TINY)
  edit(m)
  return caller(ctx, { manifest: stringify(m), settings, ...(apiBaseUrl ? { apiBaseUrl } : {}) }, null)
}

describe('a pasted manifest stays on its API host', () => {
  beforeEach(() => {
    ctx.api.reset()
    ctx.helpdesk.requests.length = 0
    ctx.helpdesk
      .on('POST', '/api/oauth/token', () => ({ body: { access_token: 'guard-token', expires_in: 3600 } }))
      .on('POST', '/api/customers', () => ({ status: 201, body: { id: 'c1' } }))
      .on('GET', '/api/queues/default', () => ({ body: { id: 'q1' } }))
      .on('POST', '/api/tickets', () => ({ status: 201, body: { id: 5 } }))
      .on('POST', '/api/tickets/:id/notes', () => ({ status: 201, body: { id: 9 } }))
      .on('POST', '/api/uploads', () => ({ status: 201, body: { id: 'u1' } }))
  })

  it('refuses a step that names another host, and sends nothing there', async () => {
    const bp = pasted((m) => (m.actions.createUser.steps[0].request.path = 'https://collector.example/steal'))
    await expect(bp.action('createUser', { name: 'Ada' })).rejects.toThrow(
      /refused: collector\.example is not the manifest's API host 127\.0\.0\.1:\d+/
    )
    expect(ctx.helpdesk.calls('POST', /customers/)).toHaveLength(0)
  })

  it('refuses a path that tries to leave the host through the authority part', async () => {
    for (const path of ['//collector.example/x', '@collector.example/x', '/..//collector.example']) {
      const bp = pasted((m) => (m.actions.createUser.steps[0].request.path = path))
      const outcome = await bp.action('createUser', { name: 'Ada' }).then(
        () => 'sent',
        (e: Error) => e.message
      )
      // Either refused, or sent to the stand-in itself (which has no such route): never to collector.example.
      expect(outcome).not.toBe('sent')
      expect(outcome).not.toMatch(/collector\.example.*(ENOTFOUND|EAI_AGAIN|fetch failed)/)
    }
  })

  it('downloads only the URLs the message carries, or files on the API host', async () => {
    const bp = pasted((m) => {
      m.messages.image = {
        steps: [
          {
            name: 'upload',
            request: {
              method: 'POST',
              path: '/uploads',
              body: {
                multipart: {
                  files: [
                    {
                      field: 'file',
                      url: "{{ message.payload.title = 'probe' ? 'http://169.254.169.254/latest/meta-data' : message.url }}",
                    },
                  ],
                },
              },
            },
            capture: { id: 'response.body.id' },
          },
        ],
        result: { messageId: '{{ id }}' },
      }
    })
    const { userId } = await bp.action('createUser', { name: 'Ada' })
    const { conversationId } = await bp.action('startHitl', { userId, title: 'Help' })
    const image = `${ctx.helpdesk.filesUrl}/photo.png`
    expect((await bp.send(conversationId, 'image', { imageUrl: image })).status).toBe(200)
    expect(ctx.helpdesk.calls('POST', /uploads/)).toHaveLength(1)

    // A manifest template that points the download at an address of its own making is refused before any request.
    const res = await bp.send(conversationId, 'image', { imageUrl: image, title: 'probe' })
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(
      /refused to download from 169\.254\.169\.254: neither the API host nor a URL of the message being sent/
    )
    expect(ctx.helpdesk.calls('POST', /uploads/)).toHaveLength(1)
  })

  it('refuses plain http unless the API host is this machine', async () => {
    const remote = pasted((m) => (m.http.baseUrl = 'http://tiny-desk.example/api'), null)
    await expect(remote.action('createUser', { name: 'Ada' })).rejects.toThrow(
      /http\.baseUrl: plain http is refused for tiny-desk\.example; use https/
    )
    const local = pasted(() => {}, `${ctx.helpdesk.url}/api`)
    expect((await local.action('createUser', { name: 'Ada' })).userId).toMatch(/^user_/)
  })

  it("re-hosts agents' attachments that need the provider's auth, fetched from the API host only", async () => {
    const attacker = new HelpdeskStandIn()
    await attacker.start()
    try {
      let unavailable = 3 // more than the manifest retries (2)
      ctx.helpdesk
        .on('GET', '/api/files/label.png', (r) =>
          r.headers.authorization !== 'Bearer guard-token'
            ? { status: 401, body: { error: 'unauthorized' } }
            : unavailable-- > 0
              ? { status: 503, body: { error: 'try later' } }
              : { headers: { 'content-type': 'image/png' }, body: 'PNG-BYTES' }
        )
        .on('GET', '/api/files/huge.bin', () => ({ body: 'x'.repeat(MAX_DOWNLOAD_BYTES + 1) }))
        .on('GET', '/api/files/notes.txt', (r) =>
          r.headers.authorization === 'Bearer guard-token'
            ? { headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'NOTES' }
            : { status: 401, body: { error: 'unauthorized' } }
        )
      attacker.on('GET', '/steal.png', () => ({ body: 'stolen' }))
      const bp = pasted((m) => {
        m.events.matchers[0].message.attachments = "event.files.{ 'url': url, 'name': name }"
        m.events.matchers[0].message.attachmentsNeedAuth = true
      })
      const { userId } = await bp.action('createUser', { name: 'Ada' })
      const { conversationId } = await bp.action('startHitl', { userId, title: 'Help' })
      const files = [
        { url: `${ctx.helpdesk.url}/api/files/label.png`, name: 'label.png' },
        { url: `${attacker.url}/steal.png`, name: 'steal.png' },
        { url: `${ctx.helpdesk.url}/api/files/huge.bin`, name: 'huge.bin' },
        // A path below the API's base, as some helpdesks give them.
        { url: '/files/notes.txt' },
        // Named, but not given (no URL): the end user is told, not left in silence.
        { name: 'scan.tiff' },
      ]
      const deliver = () =>
        bp.webhook({
          headers: { 'content-type': 'application/json', 'x-tiny-token': settings.webhookToken },
          body: JSON.stringify({
            kind: 'reply',
            ticket: 5,
            id: 77,
            agent: { id: 3, name: 'Kim' },
            text: 'Here',
            files,
          }),
        })

      // Nothing is fetched while the webhook is handled: it is answered at once, and again on redelivery.
      expect((await deliver()).status).toBe(200)
      expect((await deliver()).status, 'redelivered').toBe(200)
      const agentMessages = () => ctx.api.messagesIn(conversationId).filter((m) => m.direction === 'incoming')
      const got = agentMessages()
      expect(got.map((m) => m.type)).toEqual(['text', 'image', 'text', 'file', 'file', 'text'])
      expect(ctx.helpdesk.calls('GET', /\/api\/files\//), 'nothing fetched yet').toEqual([])
      const [, image, off, huge, notes, kept] = got
      expect(kept!.payload.text).toBe('[scan.tiff: kept in the helpdesk]')
      // Another host never sees the credentials, and the end user is told at once.
      expect(off!.payload.text).toBe('[steal.png: kept in the helpdesk]')
      // The helpdesk is briefly unavailable when the end user first opens the picture: try again, then it is there.
      const busy = await bp.open(image!.payload.imageUrl)
      expect([busy.status, await busy.text()]).toEqual([503, 'label.png stays in the helpdesk for now: try again.'])
      const served = await bp.open(image!.payload.imageUrl)
      expect(served.url.startsWith(ctx.api.url), "Botpress' file").toBe(true)
      expect([served.headers.get('content-type'), await served.text()]).toEqual(['image/png', 'PNG-BYTES'])
      expect(notes!.payload.title, 'named from its path').toBe('notes.txt')
      const read = await bp.open(notes!.payload.fileUrl)
      expect([read.headers.get('content-type'), await read.text()]).toEqual(['text/plain', 'NOTES'])
      // A file over the cap is not relayed: said when opened.
      const tooBig = await bp.open(huge!.payload.fileUrl)
      expect([tooBig.status, await tooBig.text()]).toEqual([404, 'huge.bin stays in the helpdesk.'])
      // Opened again: one file each in Botpress, nothing fetched again.
      await bp.open(image!.payload.imageUrl)
      expect(ctx.api.files.size, 'one file each, however often opened or delivered').toBe(2)
      expect(ctx.helpdesk.calls('GET', /label\.png$/).length).toBe(4)
      expect(attacker.calls()).toEqual([])
      // A link no one signed opens nothing.
      const forged = image!.payload.imageUrl.replace(/\.[\w-]+$/, '.forged')
      expect((await bp.open(forged)).status).toBe(404)
    } finally {
      await attacker.stop()
    }
  })

  it('fetches a JWT key set only from the API host', async () => {
    const bp = pasted(
      (m) =>
        (m.inbound.verify = { type: 'jwt', header: 'X-Hook-JWT', jwksUrl: 'https://keys.collector.example/jwks.json' })
    )
    const res = await bp.webhook({ headers: { 'content-type': 'application/json', 'x-hook-jwt': 'a.b.c' }, body: '{}' })
    expect(res.status).toBe(500)
    expect(JSON.stringify(res.body)).toMatch(/refused: keys\.collector\.example is not the manifest's API host/)
  })
})
