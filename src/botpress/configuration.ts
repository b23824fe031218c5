/**
 * The configuration forms Botpress shows, made from the manifests: one per bundled provider (its fields, the API base
 * URL override, and the Connect link for a provider that connects with OAuth), and the one taking a pasted manifest.
 */
import * as sdk from '@botpress/sdk'
import { API_BASE_URL_FIELD, type Auth, type Field, type Manifest } from '../manifest/types'

const { z } = sdk

const apiBaseUrl = z
  .string()
  .optional()
  .title('API base URL (advanced)')
  .describe(
    'Replaces the provider’s API base URL: for proxies, regional or self-hosted instances, and local stand-ins. Plain http only for localhost.'
  )

export function zuiField(field: Field, optional: boolean): sdk.z.ZodTypeAny {
  let schema: sdk.z.ZodTypeAny
  if (field.type === 'string' && field.enum?.length && field.enum.every((v) => typeof v === 'string')) {
    schema = z.enum(field.enum as [string, ...string[]])
  } else if (field.type === 'string') {
    let s = z.string()
    if (field.pattern) s = s.regex(new RegExp(field.pattern))
    if (field.secret) s = s.secret()
    schema = s
  } else if (field.type === 'number' || field.type === 'integer') {
    const n = z.number()
    schema = field.type === 'integer' ? n.int() : n
  } else if (field.type === 'boolean') {
    schema = z.boolean()
  } else if (field.type === 'map') {
    schema = z.record(z.string(), z.string())
  } else {
    schema = z.array(z.string())
  }
  schema = schema.title(field.title)
  if (field.description) schema = schema.describe(field.description)
  if (field.default !== undefined) schema = schema.default(field.default)
  else if (optional) schema = schema.optional()
  return schema
}

export function configurationSchema(m: Manifest) {
  const shape: Record<string, sdk.z.ZodTypeAny> = {}
  for (const [name, field] of Object.entries(m.configuration ?? {}))
    shape[name] = zuiField(field, field.required === false)
  shape[API_BASE_URL_FIELD] = apiBaseUrl
  return z.object(shape)
}

export const pastedManifestSchema = z.object({
  manifest: z
    .string()
    .min(1)
    .title('Provider manifest (YAML)')
    .describe(
      'A provider manifest written in the manifest language (schemas/provider.schema.json). It is validated when the integration is saved.'
    ),
  settings: z
    .record(z.string(), z.string())
    .optional()
    .title('Manifest settings')
    .describe('Values of the configuration fields the manifest declares, by name (subdomain, apiToken, …).'),
  apiBaseUrl,
})

/**
 * A manifest that connects with OAuth (authorization code) gets Botpress' Connect link: a VRL script (a file the CLI
 * reads, relative to the project) giving the URL the Studio opens, the installation's webhook URL + /oauth/start
 * (src/botpress/connect.ts serves it; a test holds the script to CONNECT_PREFIX).
 */
export const CONNECT_LINK_SCRIPT = 'build/connect-link.vrl'

export function connectLink(m: Manifest): { identifier?: { linkTemplateScript: string } } {
  const connects = (a: Auth): boolean =>
    a.type === 'oauth2AuthorizationCode' || (a.type === 'either' && (connects(a.use) || connects(a.otherwise)))
  if (!connects(m.http.auth)) return {}
  return { identifier: { linkTemplateScript: CONNECT_LINK_SCRIPT } }
}
