/**
 * HTML in helpdesk texts: made readable for chat (html-to-text: every entity decoded, comparison signs kept, block
 * ends as new lines, links as "text (url)", nothing thrown on malformed input), or escaped for helpdesks that take
 * HTML.
 */
import { compile, type HtmlToTextOptions } from 'html-to-text'

const heading = (selector: string) => ({ selector, options: { uppercase: false } })

/** Made when first used (building them costs about 15 ms, which an integration's import should not pay). */
let converters: { fromHtml: (html: string) => string; fromPlain: (text: string) => string } | undefined
const convertersMade = () => (converters ??= { fromHtml: compile(FROM_HTML), fromPlain: compile(FROM_PLAIN) })

const FROM_HTML: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['(', ')'] } },
    // Inline pictures reach the end user as attachments, where the helpdesk gives them.
    { selector: 'img', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: '• ' } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(heading),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
}
/** The same, for a text without markup that a matcher says may be HTML: its line breaks are its own. */
const FROM_PLAIN: HtmlToTextOptions = { wordwrap: false, preserveNewlines: true }

const MARKUP = /<\/?[a-z][^>]*>|<!--/i

/** Readable text from HTML: block ends become new lines, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  const { fromHtml, fromPlain } = convertersMade()
  return (MARKUP.test(html) ? fromHtml : fromPlain)(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`)
}
