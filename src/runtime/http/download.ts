/**
 * Attachments the integration fetches to upload: bounded in size and time, only from a URL the message itself
 * carries or from the API host, and every redirect hop checked again by the network policy (../network.ts).
 */
import ky, { TimeoutError } from 'ky'
import { ProviderError } from '../errors'
import { checkTarget, networkFailure } from '../network'

export const MAX_REDIRECTS = 5
export const MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024

export type Downloaded = { bytes: Uint8Array; contentType: string; fileName: string }

export async function download(
  url: string,
  allowed: { apiHost: string; messageUrls: string[] },
  timeoutMs: number,
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
    let response: Response
    try {
      response = await ky(target, { timeout: timeoutMs, retry: 0, throwHttpErrors: false, redirect: 'manual' })
    } catch (err) {
      const what = err instanceof TimeoutError ? `timed out after ${timeoutMs} ms` : networkFailure(err, target)
      throw new ProviderError(`downloading the attachment failed: ${what}`, { transient: true })
    }
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      if (hop >= MAX_REDIRECTS)
        throw new ProviderError(`downloading the attachment failed: more than ${MAX_REDIRECTS} redirects`, {})
      target = new URL(location, target)
      continue
    }
    if (!response.ok)
      throw new ProviderError(`downloading the attachment failed: HTTP ${response.status}`, { status: response.status })
    const length = Number(response.headers.get('content-length') ?? 0)
    if (length > maxBytes) throw new ProviderError(`attachment is larger than ${maxBytes} bytes`, {})
    const bytes = new Uint8Array(await response.arrayBuffer())
    if (bytes.byteLength > maxBytes) throw new ProviderError(`attachment is larger than ${maxBytes} bytes`, {})
    const contentType = response.headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream'
    const fileName = decodeURIComponent(target.pathname.split('/').pop() || 'file')
    return { bytes, contentType, fileName }
  }
}
