/**
 * Agents' attachments whose URLs open only with the helpdesk's credentials (a matcher's `attachmentsNeedAuth`) or
 * work for a while only (`attachmentsExpire`), re-hosted in Botpress' file storage after the webhook is answered: a
 * vendor that blocks its API while it delivers a webhook never waits on us. While the webhook is handled, each such
 * attachment becomes a link to the installation's own webhook URL (`/files/<token>`), its token signed with a key of
 * the installation kept in Botpress, so no one can make the integration fetch anything else. The first time the link
 * is opened (by the end user's client, whatever instance serves it), the file is fetched (with the manifest's auth
 * from the API host, a redirect elsewhere followed without it; or, for a temporary link, without credentials from
 * where it points; at most 25 MiB; base64 inside JSON where the manifest says so) and uploaded under a key derived
 * from the conversation and the helpdesk's message id; every later opening is sent straight to that file.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { ProviderError } from '../../runtime/errors'
import type { Attachment } from '../../runtime/events'
import { webhookUrl, type Call } from '../call'
import { state } from '../states'

/** Where an installation's attachment links live, below its webhook URL. */
export const FILES_PREFIX = '/files/'

type Link = {
  url: string
  name?: string
  contentType?: string
  conversationId: string
  part: string
  matcher: string
  /** Fetched with the provider's credentials, or without (a temporary public URL). */
  how: 'auth' | 'public'
}
type Response = { status: number; headers: Record<string, string>; body: string }

/** The installation's signing key for attachment links, made by whichever call first needs it. */
async function linkKey(call: Call): Promise<Buffer> {
  const { key } = await state(call.client, 'hitlFiles', call.ctx.integrationId).getOrSet({
    key: randomBytes(32).toString('base64url'),
  })
  return Buffer.from(key, 'base64url')
}

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url')

/** The link the end user gets for an attachment of an agent's message: re-hosted when first opened. */
export async function attachmentLink(
  call: Call,
  conversationId: string,
  part: string,
  matcher: string,
  a: Attachment
): Promise<string> {
  const how = a.rehost ?? 'auth'
  const link: Link = { url: a.url, name: a.name, contentType: a.contentType, conversationId, part, matcher, how }
  const payload = Buffer.from(JSON.stringify(link)).toString('base64url')
  return `${webhookUrl(call.ctx.webhookId)}${FILES_PREFIX}${payload}.${sign(await linkKey(call), payload)}`
}

/** Serves an attachment link: its file in Botpress (uploaded now if it is the first opening), or why not. */
export async function serveAttachment(call: Call, path: string): Promise<Response> {
  const [payload, signature] = path.slice(FILES_PREFIX.length).split('.')
  const expected = payload ? Buffer.from(sign(await linkKey(call), payload)) : Buffer.alloc(0)
  const given = Buffer.from(signature ?? '')
  if (!payload || given.length !== expected.length || !timingSafeEqual(given, expected))
    return page(404, 'No such file.')
  const link = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Link
  const key = fileKey(link)
  const existing = await call.client.getFile({ id: key }).catch(() => undefined)
  if (existing?.file.status === 'upload_completed') return redirect(existing.file.url)
  let file
  try {
    const matcher = call.plan.events.matchers.find((m) => m.name === link.matcher)
    file = await call.runtime.fetchAttachment(link.url, link.how, matcher?.message?.attachmentContent)
  } catch (err) {
    // A refusal (404, too large, off the API host) is said; a transient failure asks to try again.
    const said = (await call.runtime.redactor.settled()).redact((err as Error).message)
    call.logger.forBot().warn(`Conversation ${link.conversationId}: attachment ${link.name ?? ''} not relayed: ${said}`)
    const transient = err instanceof ProviderError && err.details.transient
    return page(
      transient ? 503 : 404,
      `${link.name ?? 'This file'} stays in the helpdesk${transient ? ' for now: try again' : ''}.`
    )
  }
  const contentType = link.contentType && !link.contentType.endsWith('/*') ? link.contentType : file.contentType
  const { file: stored } = await call.client.uploadFile({
    key,
    content: file.bytes,
    contentType,
    accessPolicies: ['public_content'],
    publicContentImmediatelyAccessible: true,
    tags: { conversationId: link.conversationId },
  })
  return redirect(stored.url)
}

/** One file per conversation, message part and name: a second opening, or a redelivery, makes no second file. */
const fileKey = (l: Link) =>
  `hitl/${l.conversationId}/${l.part.replace(/[^\w.-]/g, '_')}/${(l.name ?? 'file').replace(/[^\w.-]/g, '_')}`

const redirect = (location: string): Response => ({
  status: 302,
  headers: { location, 'cache-control': 'private, max-age=300' },
  body: '',
})

const page = (status: number, text: string): Response => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body: text,
})
