/**
 * Where the integration may connect, checked at every hop of every request and download, after DNS resolution:
 * - in production, https only, and only to public addresses: no loopback, private, link-local (cloud metadata),
 *   carrier-grade NAT, unique-local or reserved address, whatever name leads there;
 * - started for local use (HITL_ALLOW_LOCAL_NETWORK=1: the playground and the tests set it), plain http and this
 *   machine's own loopback address (127.0.0.1, ::1) are allowed too; every other non-public address still is not.
 * Network failures are named: which host, and why (refused, DNS, TLS, timeout, reset).
 */
import ipaddr from 'ipaddr.js'
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { BoundedCache } from '../bounded-cache'
import { ProviderError } from './errors'

export const LOCAL_NETWORK_SWITCH = 'HITL_ALLOW_LOCAL_NETWORK'

export function localNetworkAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[LOCAL_NETWORK_SWITCH] === '1' || env[LOCAL_NETWORK_SWITCH] === 'true'
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1'])
const DNS_TTL_MS = 30_000
/** DNS answers by host name, for DNS_TTL_MS. */
export const dnsCache = new BoundedCache<{ at: number; addresses: string[] }>(1000)

/** Why an address may not be reached, or undefined when it may. */
function addressProblem(address: string, local: boolean): string | undefined {
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  const range = parsed.range()
  if (range === 'unicast') return undefined
  const text = parsed.toString()
  if (local && range === 'loopback' && (text === '127.0.0.1' || text === '::1')) return undefined
  return `${address} is a ${range} address`
}

async function addressesOf(host: string): Promise<string[]> {
  if (isIP(host)) return [host]
  const hit = dnsCache.get(host)
  if (hit && Date.now() - hit.at < DNS_TTL_MS) return hit.addresses
  let addresses: string[]
  try {
    addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address)
  } catch (err) {
    throw new ProviderError(
      `cannot connect to ${host}: DNS lookup failed (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      { transient: true }
    )
  }
  dnsCache.set(host, { at: Date.now(), addresses })
  return addresses
}

/**
 * Throws a ProviderError naming `where` when `url` may not be reached: its scheme, then every address its host
 * resolves to. Returns the URL parsed.
 */
export async function checkTarget(
  url: string | URL,
  where: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<URL> {
  let parsed: URL
  try {
    parsed = typeof url === 'string' ? new URL(url) : url
  } catch {
    throw new ProviderError(`${where}: '${String(url)}' is not a URL`, {})
  }
  const local = localNetworkAllowed(env)
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new ProviderError(`${where}: ${parsed.protocol} URLs are refused`, {})
  if (parsed.protocol === 'http:' && !(local && LOCAL_HOSTS.has(host))) {
    throw new ProviderError(
      `${where}: plain http is refused for ${parsed.host}; use https${local ? '' : ` (local use only: ${LOCAL_NETWORK_SWITCH}=1)`}`,
      {}
    )
  }
  for (const address of await addressesOf(host)) {
    const problem = addressProblem(address, local)
    if (problem) throw new ProviderError(`${where}: refused to connect to ${parsed.host}: ${problem}`, {})
  }
  return parsed
}

/** A failed connection in words: the host, and the cause fetch buried (refused, DNS, TLS, timeout, reset). */
export function networkFailure(err: unknown, url: URL): string {
  const cause = ((err as { cause?: unknown })?.cause ?? err) as NodeJS.ErrnoException & { code?: string }
  const code = cause?.code ?? ''
  const host = url.host
  if (code === 'ECONNREFUSED') return `connection refused by ${host}`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `DNS lookup of ${url.hostname} failed (${code})`
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `connection to ${host} was reset`
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return `connecting to ${host} timed out`
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) return `TLS with ${host} failed (${code})`
  return `could not reach ${host} (${code || (cause as Error)?.message || 'network error'})`
}
