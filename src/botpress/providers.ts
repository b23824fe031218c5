/** The manifests an integration build carries, and which one a call uses. */
import { loadPasted, loadValidated, type BuiltSource, type Plan } from '../manifest/load'
import { API_BASE_URL_FIELD } from '../manifest/types'
import { fieldProblems, withDefaults } from '../manifest/values'
import { configurationName } from './names'

/** A bundled manifest, as the build carries it (../manifest/load.ts, BuiltSource). */
export type ProviderSource = BuiltSource
export type Bundle = { providers: ProviderSource[]; selected?: string }

/** The pasted-manifest configuration's fields. */
export type PastedConfiguration = { manifest: string; settings?: Record<string, string>; apiBaseUrl?: string }

export const PASTED_MANIFEST_FILE = '<configuration: manifest>'

export class ProviderCatalog {
  private readonly byConfiguration = new Map<string, ProviderSource>()
  /** A build for one provider: its manifest as written (its names, known at import) and, once compiled, its plan. */
  readonly selected?: ProviderSource
  private compiled?: Plan

  /** Indexes the bundled manifests; each is compiled when a call first selects it (a build's one too). */
  constructor(readonly bundle: Bundle) {
    for (const source of bundle.providers) {
      if (bundle.selected && source.manifest.id === bundle.selected) this.selected = source
      this.byConfiguration.set(configurationName(source.manifest.id), source)
    }
    if (bundle.selected && !this.selected)
      throw new Error(`HITL_PROVIDER=${bundle.selected}: no such provider in providers/`)
  }

  /** The plan of a build for one provider, compiled when first asked for. */
  get single(): Plan | undefined {
    return this.selected && (this.compiled ??= loadValidated(this.selected))
  }

  get plans(): Plan[] {
    return this.bundle.providers.map((source) => loadValidated(source))
  }

  /**
   * The plan and configuration values for a call, from the Botpress configuration it carries; a pasted manifest is
   * loaded in the isolation workers, in the turn of `botId`.
   */
  async select(
    configurationType: string | null,
    configuration: Record<string, unknown>,
    botId = ''
  ): Promise<{ plan: Plan; config: Record<string, unknown>; secrets: Record<string, string | undefined> }> {
    if (this.single)
      return {
        plan: this.single,
        config: checked(
          this.single,
          withDefaults(this.single.manifest.configuration, configuration),
          'configuration field '
        ),
        secrets: secretsOf(this.single),
      }
    if (configurationType === null) {
      const pasted = configuration as PastedConfiguration
      // Written by a bot builder, not reviewed here: loaded, and its expressions run, in the isolation workers.
      const plan = await loadPasted(String(pasted.manifest ?? ''), PASTED_MANIFEST_FILE, `bot:${botId}`)
      const config: Record<string, unknown> = { ...(pasted.settings ?? {}) }
      if (pasted.apiBaseUrl) config[API_BASE_URL_FIELD] = pasted.apiBaseUrl
      return { plan, config: checked(plan, withDefaults(plan.manifest.configuration, config), 'setting '), secrets: {} }
    }
    const source = this.byConfiguration.get(configurationType)
    if (!source) throw new Error(`unknown configuration '${configurationType}'`)
    const plan = loadValidated(source)
    return {
      plan,
      config: checked(plan, withDefaults(plan.manifest.configuration, configuration), 'configuration field '),
      secrets: secretsOf(plan),
    }
  }
}

/** The deployment's secrets a bundled manifest declares, as Botpress hands them to the integration (SECRET_<NAME>). */
function secretsOf(plan: Plan): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.keys(plan.manifest.secrets ?? {}).map((name) => [name, process.env[`SECRET_${name}`]])
  )
}

/** The configuration, held to the manifest's fields on every call: nothing that fails reaches a template. */
export function checked(plan: Plan, config: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const problems = fieldProblems(plan.manifest.configuration, config, prefix)
  if (problems.length)
    throw new Error(`The ${plan.manifest.title} configuration is invalid:\n${problems.map((p) => `- ${p}`).join('\n')}`)
  return config
}
