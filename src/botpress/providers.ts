/** The manifests an integration build carries, and which one a call uses. */
import { loadManifest, type Plan } from '../manifest/load'
import { API_BASE_URL_FIELD } from '../manifest/types'
import { configurationName } from './names'

export type ProviderSource = { file: string; text: string }
export type Bundle = { providers: ProviderSource[]; selected?: string }

/** The pasted-manifest configuration's fields. */
export type PastedConfiguration = { manifest: string; settings?: Record<string, string>; apiBaseUrl?: string }

export const PASTED_MANIFEST_FILE = '<configuration: manifest>'

export class ProviderCatalog {
  private readonly byConfiguration = new Map<string, ProviderSource>()
  readonly single?: Plan

  constructor(readonly bundle: Bundle) {
    for (const source of bundle.providers) {
      const plan = loadManifest(source.text, source.file)
      if (bundle.selected && plan.manifest.id === bundle.selected) this.single = plan
      this.byConfiguration.set(configurationName(plan.manifest.id), source)
    }
    if (bundle.selected && !this.single) throw new Error(`HITL_PROVIDER=${bundle.selected}: no such provider in providers/`)
  }

  get plans(): Plan[] {
    return this.bundle.providers.map((s) => loadManifest(s.text, s.file))
  }

  /** The plan and configuration values for a call, from the Botpress configuration it carries. */
  select(configurationType: string | null, configuration: Record<string, unknown>): { plan: Plan; config: Record<string, unknown> } {
    if (this.single) return { plan: this.single, config: withDefaults(this.single, configuration) }
    if (configurationType === null) {
      const pasted = configuration as PastedConfiguration
      const plan = loadManifest(String(pasted.manifest ?? ''), PASTED_MANIFEST_FILE)
      const config: Record<string, unknown> = { ...(pasted.settings ?? {}) }
      if (pasted.apiBaseUrl) config[API_BASE_URL_FIELD] = pasted.apiBaseUrl
      return { plan, config: withDefaults(plan, config) }
    }
    const source = this.byConfiguration.get(configurationType)
    if (!source) throw new Error(`unknown configuration '${configurationType}'`)
    const plan = loadManifest(source.text, source.file)
    return { plan, config: withDefaults(plan, configuration) }
  }
}

/** Configuration values with the manifest's defaults filled in where a value is missing. */
function withDefaults(plan: Plan, configuration: Record<string, unknown>): Record<string, unknown> {
  const config = { ...configuration }
  for (const [name, field] of Object.entries(plan.manifest.configuration ?? {})) {
    if ((config[name] === undefined || config[name] === '') && field.default !== undefined) config[name] = field.default
  }
  return config
}
