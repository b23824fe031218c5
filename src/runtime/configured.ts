/**
 * What a runtime works with that its configuration alone decides: the configuration (held to the manifest's fields),
 * the deployment's secrets the manifest declares, where the integration is installed (env); and what is worked out
 * from those alone: where the deployment's secrets may go (SecretGuard), the values every redactor of its calls
 * starts with, and the HTTP client's base (its URL checked, the default headers, the other hosts) where none of
 * those reads what registration kept. Made once per configuration and shared by its calls (the catalog keeps them:
 * src/botpress/providers.ts, keyed by everything that makes one); nothing of a call is kept in one: what registration
 * kept, a connection's grant and the redactor are each call's own (./provider.ts).
 */
import { partsRead } from '../manifest/reads-scope'
import type { Plan } from '../manifest/plan'
import { networkPolicy } from './network'
import { SecretGuard } from './secret-guard'

/** Where the integration is installed: the webhook URL Botpress gives it, the bot and the installation. */
export type Env = { webhookUrl: string; botId?: string; integrationId?: string }

/** The HTTP client's base (./http/client.ts works it out). */
export type HttpBase = { url: URL; headers: [string, string][]; hosts: Map<string, URL>; fileHosts: string[] }

export class Configured {
  /** Where the deployment's secrets may go (none declared or set: no guard). */
  readonly guard?: SecretGuard
  /** What every redactor of its calls removes from the start: the configuration's secret fields, the deployment's. */
  readonly secretValues: readonly unknown[]
  private httpBase?: { made: Promise<HttpBase>; policy: string }

  readonly config: Readonly<Record<string, unknown>>
  readonly secrets: Readonly<Record<string, string | undefined>>
  readonly env: Readonly<Env>

  /** Each of the values copied and frozen: the calls that share them cannot change them for one another. */
  constructor(
    readonly plan: Plan,
    config: Record<string, unknown>,
    secrets: Record<string, string | undefined>,
    env: Env
  ) {
    this.config = Object.freeze({ ...config })
    this.secrets = Object.freeze({ ...secrets })
    this.env = Object.freeze({ ...env })
    const hosts = Object.fromEntries(Object.entries(plan.manifest.secrets ?? {}).map(([k, v]) => [k, v.hosts]))
    this.guard = SecretGuard.of(hosts, secrets)
    this.secretValues = Object.freeze([...plan.secretFields.map((name) => config[name]), ...Object.values(secrets)])
  }

  /**
   * The HTTP base of a call's client, which `make` works out in the call's scope (its URLs checked under the network
   * policy): made once and shared where the manifest's HTTP settings read nothing but the configuration (not
   * `state`), and while the policy it was checked under holds; a failure is not kept (the next call tries again).
   */
  base(make: () => Promise<HttpBase>): Promise<HttpBase> {
    if (partsRead(this.plan, 'http base', ['state'], baseParts)) return make()
    const policy = networkPolicy()
    if (this.httpBase?.policy !== policy) {
      const base = (this.httpBase = { made: make(), policy })
      base.made.catch(() => {
        if (this.httpBase === base) this.httpBase = undefined
      })
    }
    return this.httpBase!.made
  }
}

/** What the HTTP base is made of. */
const baseParts = ({ http }: Plan) => [http.baseUrl, http.headers, http.hosts, http.fileHosts]
