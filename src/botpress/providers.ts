/** The manifests an integration build carries, and which one a call uses. */
import { useBuilt, type BuiltCode } from '../manifest/expressions/fast-path'
import { loadPasted, loadValidated, type BuiltSource, type Plan, type ValidatedStore } from '../manifest/load'
import { API_BASE_URL_FIELD } from '../manifest/types'
import { fieldProblems, withDefaults } from '../manifest/values'
import { configurationName } from './names'
import { BoundedCache } from '../bounded-cache'
import { Configured, type Env } from '../runtime/configured'

/** A bundled manifest, as the build carries it (../manifest/load.ts, BuiltSource). */
export type ProviderSource = BuiltSource
export type Bundle = { providers: ProviderSource[]; selected?: string }
/**
 * A bundled manifest as an integration's bundle carries it (build/esbuild.ts): its id, and the rest parsed from a JSON
 * text of its own when a call first selects it, so that an import parses none of them; and its fast path as code
 * (build/fast-code.ts), compiled then too.
 */
export type CarriedSource = { id: string; source: () => ProviderSource; code?: () => BuiltCode }
/** The manifests a catalog serves: as the build read them (Bundle), or as a bundle carries them. */
export type CarriedBundle = { providers: (ProviderSource | CarriedSource)[]; selected?: string }

/** The pasted-manifest configuration's fields. */
export type PastedConfiguration = { manifest: string; settings?: Record<string, string>; apiBaseUrl?: string }

export const PASTED_MANIFEST_FILE = '<configuration: manifest>'

/** A catalog's bundled manifest: as the bundle carries it, then as read, then its plan, each kept once made. */
type Entry = { carried: CarriedSource; source?: ProviderSource; plan?: Plan }

export class ProviderCatalog {
  private readonly byConfiguration = new Map<string, Entry>()
  /** A build for one provider: its manifest as written (its names, known at import). */
  readonly selected?: ProviderSource
  private readonly one?: Entry

  /**
   * Indexes the bundled manifests by id; each is read and compiled when a call first selects it, then kept: a call
   * finds its plan without hashing its text again. A build for one provider reads its one at once (its names are
   * the definition's) and compiles it at the first call.
   */
  constructor(bundle: CarriedBundle) {
    for (const given of bundle.providers) {
      const carried = 'source' in given ? given : { id: given.manifest.id, source: () => given }
      const entry: Entry = { carried }
      if (bundle.selected && carried.id === bundle.selected) {
        this.selected = sourceOf(entry)
        this.one = entry
      }
      this.byConfiguration.set(configurationName(carried.id), entry)
    }
    if (bundle.selected && !this.selected)
      throw new Error(`HITL_PROVIDER=${bundle.selected}: no such provider in providers/`)
  }

  /** The plan of a build for one provider, compiled when first asked for. */
  get single(): Plan | undefined {
    return this.one && planOf(this.one)
  }

  get plans(): Plan[] {
    return [...this.byConfiguration.values()].map(planOf)
  }

  /**
   * What a call works with, from the Botpress configuration it carries and where the integration is installed: the
   * plan, and the configuration as every call of it shares it (Configured, made once per configuration: kept with
   * its plan, keyed by everything that makes it). A pasted manifest is loaded in the isolation workers, in the turn
   * of the bot, or from what `validated` remembers of it.
   */
  async select(
    configurationType: string | null,
    configuration: Record<string, unknown>,
    env: Env = { webhookUrl: '' },
    validated?: () => ValidatedStore
  ): Promise<Configured> {
    if (this.one) return bundled(planOf(this.one), configuration, env)
    if (configurationType === null) {
      const { manifest, settings, apiBaseUrl } = configuration as PastedConfiguration
      // Written by a bot builder, not reviewed here: loaded, and its expressions run, in the isolation workers.
      const plan = await loadPasted(
        String(manifest ?? ''),
        PASTED_MANIFEST_FILE,
        `bot:${env.botId ?? ''}`,
        validated?.()
      )
      return configuredFor(plan, [settings, apiBaseUrl, env], () => {
        const config: Record<string, unknown> = { ...(settings ?? {}) }
        if (apiBaseUrl) config[API_BASE_URL_FIELD] = apiBaseUrl
        return new Configured(
          plan,
          checked(plan, withDefaults(plan.manifest.configuration, config), 'setting '),
          {},
          env
        )
      })
    }
    const entry = this.byConfiguration.get(configurationType)
    if (!entry) throw new Error(`unknown configuration '${configurationType}'`)
    return bundled(planOf(entry), configuration, env)
  }
}

/**
 * The configurations of each plan calls have met, by everything that makes one (its values, the deployment's secrets,
 * env).
 */
const configurations = new WeakMap<Plan, BoundedCache<Configured>>()
/** How many configurations of one plan are kept: a working set of that many tenants on one helpdesk. */
export const CONFIGURATIONS_PER_PLAN = 1000

/** The plan's Configured for what makes it (`made`), made by `make` (and kept) when no call has met it yet. */
function configuredFor(plan: Plan, made: unknown[], make: () => Configured): Configured {
  let kept = configurations.get(plan)
  if (!kept) configurations.set(plan, (kept = new BoundedCache(CONFIGURATIONS_PER_PLAN)))
  const key = JSON.stringify(made)
  return kept.get(key) ?? kept.set(key, make())
}

const sourceOf = (entry: Entry): ProviderSource => (entry.source ??= entry.carried.source())

/** A bundled manifest's plan, compiled when first asked for, the code its build generated taken first. */
function planOf(entry: Entry): Plan {
  if (entry.plan) return entry.plan
  if (entry.carried.code) useBuilt(entry.carried.code())
  return (entry.plan = loadValidated(sourceOf(entry)))
}

/**
 * A bundled manifest's configuration for a call: held to its fields, with the deployment's secrets it declares (read
 * on every call: what the deployment set is part of what makes it).
 */
function bundled(plan: Plan, configuration: Record<string, unknown>, env: Env): Configured {
  const secrets = secretsOf(plan)
  return configuredFor(
    plan,
    [configuration, secrets, env],
    () =>
      new Configured(
        plan,
        checked(plan, withDefaults(plan.manifest.configuration, configuration), 'configuration field '),
        secrets,
        env
      )
  )
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
