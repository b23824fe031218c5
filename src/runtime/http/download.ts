/**
 * Attachments the integration fetches to upload: bounded in size and time, only from a URL the message itself
 * carries or from the API host, and every redirect hop checked again by the network policy (../network.ts).
 */
import { ProviderError } from '../errors'
import { checkTarget } from '../network'
import type { SecretGuard } from '../secret-guard'
import { transmit, Unreached, type Answer } from './transport'

export const MAX_REDIRECTS = 5
export const MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024

export type Downloaded = { bytes: Uint8Array; contentType: string; fileName: string }

export async function download(
  url: string,
  allowed: { apiHost: string; messageUrls: string[] },
  timeoutMs: number,
  guard?: SecretGuard,
  maxBytes = MAX_DOWNLOAD_BYTES
): Promise<Downloaded> {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    throw new ProviderError(`cannot download '${url}': not a URL`, {})
  }
  if (target.host !== allowed.apiHost && !allowed.messageUrls.includes(url)) {
    throw new ProviderError(
      `refused to download from ${target.host}: neither the API host nor a URL of the message being sent`,
      {}
    )
  }
  // Every hop is checked again: a URL that answers 302 to an internal address is not followed there.
  for (let hop = 0; ; hop++) {
    target = await checkTarget(target, 'download')
    let response: Answer
    let bytes: Uint8Array | undefined
    try {
      response = await transmit(target, { method: 'GET', headers: {}, timeoutMs }, 'download', guard)
      if (response.ok) bytes = await response.bytes(maxBytes, 'attachment')
      else response.discard()
    } catch (err) {
      if (!(err instanceof Unreached)) throw err
      throw new ProviderError(`downloading the attachment failed: ${err.why}`, { transient: true })
    }
    const location = response.headers.location
    if (response.status >= 300 && response.status < 400 && location) {
      if (hop >= MAX_REDIRECTS)
        throw new ProviderError(`downloading the attachment failed: more than ${MAX_REDIRECTS} redirects`, {})
      target = new URL(location, target)
      continue
    }
    if (!response.ok)
      throw new ProviderError(`downloading the attachment failed: HTTP ${response.status}`, { status: response.status })
    return fileOf(bytes!, response.headers['content-type'], target.pathname)
  }
}

/** A fetched file as an upload needs it: its bytes, its media type (parameters dropped), its name from the path. */
export function fileOf(bytes: Uint8Array, contentType: string | undefined, path: string): Downloaded {
  return {
    bytes,
    contentType: contentType?.split(';')[0]?.trim() || 'application/octet-stream',
    fileName: decodeURIComponent(path.split('?')[0]!.split('/').pop() || 'file'),
  }
}
