/** Botpress messages made readable for helpdesks: one shape for every type, with text, URL, title and file name. */

export type RenderedMessage = {
  type: string
  /** Readable text of the message, whatever its type. */
  text: string
  url?: string
  title?: string
  fileName?: string
  payload: Payload
}

/** A Botpress message payload, as loosely as the history carries it: any standard type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one edge: payloads of every Botpress message type, read field by field below
export type Payload = Record<string, any>

const URL_FIELD: Record<string, string> = { image: 'imageUrl', audio: 'audioUrl', video: 'videoUrl', file: 'fileUrl' }

export function renderMessage(type: string, payload: Payload): RenderedMessage {
  const urlField = URL_FIELD[type]
  if (urlField) {
    const url = String(payload[urlField] ?? '')
    const title = payload.title as string | undefined
    const fileName = fileNameOf(url, title)
    return { type, text: title ? `${title}: ${url}` : url, url, title, fileName, payload }
  }
  return { type, text: textOf(type, payload), payload }
}

function textOf(type: string, p: Payload): string {
  switch (type) {
    case 'text':
      return String(p.text ?? '')
    case 'markdown':
      return String(p.markdown ?? '')
    case 'location':
      return `Location: ${[p.title, p.address].filter(Boolean).join(', ')} (${p.latitude}, ${p.longitude})`.replace(
        ':  (',
        ': ('
      )
    case 'card':
      return cardText(p)
    case 'carousel':
      return (p.items ?? []).map(cardText).join('\n\n')
    case 'choice':
    case 'dropdown':
      return `${p.text ?? ''}\n${(p.options ?? []).map((o: Payload) => `- ${o.label}`).join('\n')}`.trim()
    case 'bloc':
      return (p.items ?? []).map((i: Payload) => renderMessage(i.type, i.payload ?? {}).text).join('\n')
    default:
      return JSON.stringify(p)
  }
}

function cardText(c: Payload): string {
  const lines = [
    c.title,
    c.subtitle,
    c.imageUrl,
    ...(c.actions ?? []).map((a: Payload) => `[${a.label}]${a.action === 'url' ? ` ${a.value}` : ''}`),
  ]
  return lines.filter(Boolean).join('\n')
}

function fileNameOf(url: string, title?: string): string {
  try {
    const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '')
    if (last) return last
  } catch {
    // not a URL: fall back to the title
  }
  return title ?? 'file'
}

/** The attachment kind of a file, from its content type or name. */
export function attachmentType(
  contentType: string | undefined,
  name: string | undefined
): 'image' | 'audio' | 'video' | 'file' {
  const t = contentType?.toLowerCase() ?? ''
  const ext = name?.toLowerCase().split('.').pop() ?? ''
  if (t.startsWith('image/') || ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg'].includes(ext)) return 'image'
  if (t.startsWith('audio/') || ['mp3', 'wav', 'ogg', 'm4a'].includes(ext)) return 'audio'
  if (t.startsWith('video/') || ['mp4', 'mov', 'webm'].includes(ext)) return 'video'
  return 'file'
}
