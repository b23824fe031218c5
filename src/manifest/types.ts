/**
 * The manifest as written in YAML, after schema validation. The types are generated from the language's one
 * definition, schemas/provider.schema.yaml (npm run gen → ./generated/types.ts); see it for each field's meaning.
 */
import type { Manifest } from './generated/types'

export type {
  Auth,
  Body,
  Doctor,
  Events,
  ExpressionString,
  Field,
  HistoryStrategy,
  Inbound,
  Lifecycle,
  Manifest,
  Matcher,
  MessageOperation,
  Rename,
  Request,
  Retry,
  Signature,
  Step,
  TemplateMap,
  TemplateString,
  Timestamp,
  Verify,
} from './generated/types'

export type MessageType = keyof Manifest['messages']
/** The message types a manifest may describe, in the order fallbacks are explained. */
export const MESSAGE_TYPES = [
  'text',
  'image',
  'audio',
  'video',
  'file',
  'bloc',
] as const satisfies readonly MessageType[]

/** Configuration field every provider gets: replaces http.baseUrl. */
export const API_BASE_URL_FIELD = 'apiBaseUrl'
