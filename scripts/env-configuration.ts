/**
 * A configuration read from HITL_<FIELD> environment variables (apiToken → HITL_API_TOKEN; HITL_API_BASE_URL points
 * a provider at another address, a local stand-in say), as `npm start -- --provider` and `npm run doctor` read it.
 */
import type { Manifest } from '../src/manifest/types'

export const envName = (field: string) => `HITL_${field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`

/** The values the environment gives for the manifest's fields, and the variables still missing (required ones). */
export function configurationFromEnv(manifest: Manifest, env: NodeJS.ProcessEnv) {
  const fields = Object.entries(manifest.configuration ?? {})
  const configuration: Record<string, unknown> = Object.fromEntries(
    fields.filter(([name]) => env[envName(name)] !== undefined).map(([name]) => [name, env[envName(name)]])
  )
  if (env[envName('apiBaseUrl')]) configuration.apiBaseUrl = env[envName('apiBaseUrl')]
  const missing = fields
    .filter(([name, f]) => configuration[name] === undefined && f.default === undefined && f.required !== false)
    .map(([name, f]) => `${envName(name)} (${f.title})`)
  return { configuration, missing }
}
