/**
 * Where the integration may connect, decided where the connection is made:
 * - in production, https only, and only to public addresses: no loopback, private, link-local (cloud metadata),
 *   carrier-grade NAT, unique-local or reserved address, whatever name leads there;
 * - started for local use (HITL_ALLOW_LOCAL_NETWORK=1: the playground and the tests set it), plain http and this
 *   machine's own loopback address (127.0.0.1, ::1) are allowed too; every other non-public address still is not.
 * A host name is resolved by the connection's own lookup (`checkedLookup`, the transport's: ./http/transport.ts),
 * which checks every address it answers and hands the socket exactly those: the address checked is the address
 * connected to, so a DNS answer that changes between a check and the connection (rebinding) cannot reach inside.
 * `checkTarget` checks a URL ahead (the scheme, and the addresses of its host) for errors that name the field.
 * Network failures are named: which host, and why (refused, DNS, TLS, timeout, reset).
 */
import ipaddr from 'ipaddr.js'
import { lookup, type LookupAddress } from 'node:dns'
import { isIP } from 'node:net'
import { BoundedCache } from '../bounded-cache'
import { ProviderError } from './errors'

export const LOCAL_NETWORK_SWITCH = 'HITL_ALLOW_LOCAL_NETWORK'
/**
 * Local use only: host names answered without DNS, as `curl --resolve` does (`desk.vendor.example=127.0.0.1,…`), so a
 * local stand-in can be reached under a vendor's name. Ignored unless HITL_ALLOW_LOCAL_NETWORK=1.
 */
export const RESOLVE_SWITCH = 'HITL_RESOLVE'

export function localNetworkAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[LOCAL_NETWORK_SWITCH] === '1' || env[LOCAL_NETWORK_SWITCH] === 'true'
}

/**
 * What a check of a target decides by besides the target (the local-use switch and, in local use, HITL_RESOLVE's
 * answers): a URL checked under one policy is checked again under another (../configured.ts).
 */
export function networkPolicy(env: NodeJS.ProcessEnv = process.env): string {
  return localNetworkAllowed(env) ? `local\0${env[RESOLVE_SWITCH] ?? ''}` : 'public'
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1'])
const DNS_TTL_MS = 30_000
/** DNS answers by host name, for DNS_TTL_MS. */
export const dnsCache = new BoundedCache<{ at: number; addresses: string[] }>(1000)

/** A connection the policy refuses: its code tells it from a network failure once fetch has wrapped it. */
export class RefusedAddress extends Error {
  readonly code = 'EHITLREFUSED'
}

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

function resolvedLocally(host: string, env: NodeJS.ProcessEnv): string[] | undefined {
  if (!localNetworkAllowed(env) || !env[RESOLVE_SWITCH]) return undefined
  for (const entry of env[RESOLVE_SWITCH].split(',')) {
    const [name, address] = entry.split('=').map((s) => s.trim())
    if (name === host && address && isIP(address)) return [address]
  }
  return undefined
}

function resolve(host: string): Promise<string[]> {
  return new Promise((done, fail) =>
    lookup(host, { all: true, verbatim: true }, (err, found: LookupAddress[]) =>
      err ? fail(err) : done(found.map((a) => a.address))
    )
  )
}

async function addressesOf(host: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  if (isIP(host)) return [host]
  const pinned = resolvedLocally(host, env)
  if (pinned) return pinned
  const hit = dnsCache.get(host)
  if (hit && Date.now() - hit.at < DNS_TTL_MS) return hit.addresses
  const addresses = await resolve(host)
  dnsCache.set(host, { at: Date.now(), addresses })
  return addresses
}

/** The addresses of `host` the policy allows, all of them, or a RefusedAddress naming the first it does not. */
async function allowedAddresses(host: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const addresses = await addressesOf(host, env)
  const local = localNetworkAllowed(env)
  for (const address of addresses) {
    const problem = addressProblem(address, local)
    if (problem) throw new RefusedAddress(problem)
  }
  return addresses
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void

/**
 * The lookup every connection of the transport makes (net.connect's `lookup` option): the host's addresses, each
 * checked; the socket connects to one of those. Node asks with `all: true` (happy eyeballs) or for one address.
 */
export function checkedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  allowedAddresses(hostname.replace(/^\[|\]$/g, '')).then(
    (addresses) =>
      options.all
        ? callback(
            null,
            addresses.map((address) => ({ address, family: isIP(address) }))
          )
        : callback(null, addresses[0]!, isIP(addresses[0]!)),
    (err: Error) => callback(err, '', 0)
  )
}

/**
 * Throws a ProviderError naming `where` when `url` may not be reached: its scheme, then every address its host
 * resolves to. Returns the URL parsed. (The connection checks the addresses again as it is made.)
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
  checkScheme(parsed, where, env)
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  try {
    await allowedAddresses(host, env)
  } catch (err) {
    if (err instanceof RefusedAddress)
      throw new ProviderError(`${where}: refused to connect to ${parsed.host}: ${err.message}`, {})
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message
    throw new ProviderError(`cannot connect to ${host}: DNS lookup failed (${code})`, { transient: true })
  }
  return parsed
}

/** https, or plain http to this machine in local use (by name, or a name HITL_RESOLVE points here). */
export function checkScheme(url: URL, where: string, env: NodeJS.ProcessEnv = process.env) {
  const local = localNetworkAllowed(env)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ProviderError(`${where}: ${url.protocol} URLs are refused`, {})
  if (url.protocol === 'http:' && !(local && (LOCAL_HOSTS.has(host) || resolvedLocally(host, env)))) {
    throw new ProviderError(
      `${where}: plain http is refused for ${url.host}; use https${local ? '' : ` (local use only: ${LOCAL_NETWORK_SWITCH}=1)`}`,
      {}
    )
  }
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
