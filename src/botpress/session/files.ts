/**
 * Agents' attachments whose URLs open only with the helpdesk's credentials (a matcher's `attachmentsNeedAuth`):
 * downloaded with the manifest's auth (API host only, size-capped) and re-hosted in Botpress' file storage, so the
 * end user gets a URL that works. The file's key is derived from the conversation and the helpdesk's message id:
 * a redelivered webhook overwrites the same file, never makes a second one.
 */
import { ProviderError } from '../../runtime/errors'
import type { Attachment } from '../../runtime/events'
import type { Call } from '../call'

export type Rehosted = { url: string; name?: string; contentType?: string } | { failed: string }

export async function rehost(call: Call, conversationId: string, partId: string, a: Attachment): Promise<Rehosted> {
  let file
  try {
    file = await call.runtime.fetchAttachment(a.url)
  } catch (err) {
    // A refusal (404, too large, off the API host) will not change on redelivery: the user is told, nothing retried.
    // A transient failure is thrown, so the helpdesk delivers the event again.
    if (err instanceof ProviderError && !err.details.transient) return { failed: err.message }
    throw err
  }
  const name = a.name ?? file.fileName
  const contentType = a.contentType && !a.contentType.endsWith('/*') ? a.contentType : file.contentType
  const { file: stored } = await call.client.uploadFile({
    key: `hitl/${conversationId}/${partId.replace(/[^\w.-]/g, '_')}/${name.replace(/[^\w.-]/g, '_')}`,
    content: file.bytes,
    contentType,
    accessPolicies: ['public_content'],
    publicContentImmediatelyAccessible: true,
    tags: { conversationId },
  })
  return { url: stored.url, name, contentType }
}
