/**
 * The deployment's secrets (a bundled manifest's `secrets:`, the same for every bot that installs the integration)
 * go only to the hosts the manifest names for each (`secrets.<NAME>.hosts`): fixed in the manifest, never built from
 * a configuration, so no tenant can move them. Every request the runtime makes (steps, token endpoints, downloads,
 * the browser's way to an authorize URL) is checked before it connects: one that carries a secret's value to a host
 * not allowed for it (in its URL, a header, a Basic credential, its body) is refused, naming the secret and the hosts.
 */
import { ProviderError } from './errors'

type Rule = { name: string; value: string; hosts: string[] }
export type Carried = { headers?: Iterable<[string, string]>; body?: unknown }

/** `*.vendor.example` takes any name below vendor.example; any other pattern is one host name. */
export function hostAllowed(hostname: string, patterns: string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return patterns.some((p) => {
    const pattern = p.toLowerCase()
    return pattern.startsWith('*.')
      ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1
      : host === pattern
  })
}

export class SecretGuard {
  private constructor(private readonly rules: Rule[]) {}

  /** The guard of a call: its manifest's hosts per secret, and the values the deployment set (none: no guard). */
  static of(
    hosts: Record<string, string[]>,
    values: Record<string, string | undefined> | undefined
  ): SecretGuard | undefined {
    const rules = Object.entries(values ?? {})
      .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length >= 4)
      .map(([name, value]) => ({ name, value, hosts: hosts[name] ?? [] }))
    return rules.length ? new SecretGuard(rules) : undefined
  }

  /** The secret `url` may not receive that the request carries, if any. */
  refused(url: URL, carried: Carried = {}): Rule | undefined {
    const outside = this.rules.filter((r) => !hostAllowed(url.hostname, r.hosts))
    if (!outside.length) return undefined
    const texts = [safeDecode(url.href), ...headerTexts(carried.headers), ...bodyTexts(carried.body)]
    return outside.find((r) => texts.some((t) => t.includes(r.value)))
  }

  /** Throws, before anything is sent, when the request would carry a secret off its hosts. */
  check(url: URL, carried: Carried, where: string) {
    const rule = this.refused(url, carried)
    if (!rule) return
    throw new ProviderError(
      `${where}: refused to send secrets.${rule.name} (the deployment's) to ${url.hostname}: the manifest allows it only to ${rule.hosts.join(', ') || 'no host'}. A configuration that points elsewhere must bring its own credentials.`,
      { secretRefused: rule.name }
    )
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function* headerTexts(headers: Iterable<[string, string]> | undefined): Generator<string> {
  for (const [, value] of headers ?? []) {
    yield value
    const basic = /^basic\s+(\S+)/i.exec(value)
    if (basic) yield safeDecode(Buffer.from(basic[1]!, 'base64').toString('utf8'))
  }
}

function* bodyTexts(body: unknown): Generator<string> {
  if (typeof body === 'string') {
    yield body
    yield safeDecode(body)
  } else if (body instanceof URLSearchParams || body instanceof FormData) {
    for (const [k, v] of body) {
      yield k
      if (typeof v === 'string') yield v
    }
  } else if (body instanceof Uint8Array) yield Buffer.from(body).toString('latin1')
}
