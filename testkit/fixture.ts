/**
 * Provider fixtures (test/fixtures/providers/<id>.yaml): what a helpdesk answers, what the integration must send
 * it at each step of a session, and vendor-shaped webhooks signed the vendor's way with what Botpress must see.
 * The signing vocabulary here is the fixture author's own statement of the vendor's documented scheme,
 * independent of the runtime's verification code.
 */
import { createPublicKey, createSign } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import Ajv, { type ValidateFunction } from 'ajv'
import { dirname, join, relative } from 'node:path'
import { parse } from 'yaml'
import { schemaProblems } from '../src/manifest/load'
import { isRecord, MAX_LAYERS, overlay } from '../src/manifest/overlay'
import { ManifestError, SourceMap } from '../src/manifest/problems'
import type { VerifyPlan } from '../src/manifest/plan'
import { formatTimestamp, hmac, keyBytes } from '../src/runtime/signing'
import type { ExpectedRequests, Fixture, Sign } from './generated/fixture'

export type {
  Contract,
  ExpectedAttachment,
  Fixture,
  Outcome as PollOutcome,
  Route,
  Sign,
  TransformErratum,
  WebhookCase,
} from './generated/fixture'
export type ExpectedRequest = ExpectedRequests[number]
/** One session's worth of a fixture: the file's own, or one of its scenarios merged over it. */
export type Scenario = Omit<Fixture, 'scenarios'> & { scenario?: string }

/** The provider fixtures (HITL_FIXTURES_DIR: another folder, as a test of the runner itself uses). */
export const FIXTURES_DIR = process.env.HITL_FIXTURES_DIR ?? join(__dirname, '..', 'test', 'fixtures', 'providers')

/** Every provider fixture, each validated against the fixture language (a problem stops the run, placed). */
export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadFixture(join(FIXTURES_DIR, f)))
}

let validate: ValidateFunction | undefined

/** A fixture file, held to schemas/fixture.schema.json: a misspelt key or a wrong shape is refused with its line. */
export function loadFixture(path: string, text = readFileSync(path, 'utf8')): Fixture {
  const { value, source } = laidOver(path, text)
  validate ??= new Ajv({ strict: false, allErrors: true, verbose: true }).compile(
    JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'fixture.schema.json'), 'utf8'))
  )
  if (!validate(value)) throw new ManifestError(schemaProblems(validate.errors ?? [], source))
  return value as Fixture
}

/**
 * A fixture's value, laid over the fixture it extends (as a manifest over its base), and a source map placing each
 * path in the file that writes it.
 */
function laidOver(path: string, text: string, depth = 0): { value: unknown; source: SourceMap } {
  const file = relative(join(__dirname, '..'), path)
  const value: unknown = parse(text)
  if (!isRecord(value) || typeof value.extends !== 'string') return { value, source: new SourceMap(file, text) }
  const basePath = join(dirname(path), `${value.extends}.yaml`)
  let baseText: string
  try {
    baseText = readFileSync(basePath, 'utf8')
  } catch {
    throw new ManifestError([
      new SourceMap(file, text).problem(['extends'], `no fixture '${value.extends}' beside this one`),
    ])
  }
  if (depth >= MAX_LAYERS)
    throw new ManifestError([
      new SourceMap(file, text).problem(['extends'], `more than ${MAX_LAYERS} fixtures laid over one another`),
    ])
  const base = laidOver(basePath, baseText, depth + 1)
  const { extends: _, ...own } = value
  return { value: overlay(base.value, own), source: new SourceMap(file, text, undefined, base.source) }
}

/** The sessions a fixture describes: its own, then each scenario's (its fields over the fixture's, routes added). */
export function scenariosOf(f: Fixture): Scenario[] {
  const { scenarios = [], ...base } = f
  return [
    base,
    ...scenarios.map(({ name, routes = [], ...over }) => ({
      ...base,
      ...over,
      routes: [...base.routes, ...routes],
      polls: undefined,
      scenario: name,
    })),
  ]
}

/**
 * Replaces {files} (the stand-in's file URL), {storage} (another origin serving the same files: the helpdesk's
 * storage host, where temporary links point), {webhookUrl}, {helpdesk}, {botpressUserId} (the Botpress user
 * createUser made), {botpressConversationId} (the session's conversation startHitl made) and {state.<name>} (a value
 * registration kept: one the integration generated, say) in every string of a value.
 */
export function fill<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === 'string')
    return value.replace(
      /\{(files|storage|secondHost|webhookUrl|helpdesk|botpressUserId|botpressConversationId|ticketId|state\.\w+)\}/g,
      (_, k: string) => vars[k] ?? `{${k}}`
    ) as T
  if (Array.isArray(value)) return value.map((v) => fill(v, vars)) as T
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)])) as T
  return value
}

/** The values registration kept, as {state.<name>} placeholders read them. */
export function stateVars(state: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(state ?? {}).map(([k, v]) => [`state.${k}`, String(v)]))
}

/** The public JSON Web Key Set for a jwt-signed fixture. */
export function jwksOf(sign: Extract<Sign, { type: 'jwt' }>) {
  const jwk = createPublicKey(sign.privateKey).export({ format: 'jwk' })
  return { keys: [{ ...jwk, kid: sign.kid, use: 'sig', alg: 'RS256' }] }
}

type SignOptions = { url: string; method?: string; now?: number; tamper?: boolean; state?: Record<string, unknown> }
/** What makes a webhook the vendor's: headers, a query, and for tokens in the body the body to send instead. */
type Signed = { headers: Record<string, string>; query: string; body?: string }
/**
 * One signer per verification kind of the language (the type checker holds the table to them), each following the
 * fixture's own statement of the vendor's scheme, with the same mechanics as the runtime's verifiers
 * (src/runtime/signing.ts: keys read as written, HMACs, timestamps): a manifest that reads the key otherwise than
 * the vendor writes it fails its fixture.
 */
const SIGNERS: {
  [K in VerifyPlan['type']]: (sign: Extract<Sign, { type: K }>, raw: string, o: SignOptions) => Signed
} = {
  none: () => ({ headers: {}, query: '' }),
  token: (sign, raw, o) => ({
    headers: Object.fromEntries(
      Object.entries(fill(sign.headers ?? {}, stateVars(o.state))).map(([k, v]) => [k, o.tamper ? v + 'x' : v])
    ),
    query: sign.query && !o.tamper ? sign.query : '',
    ...(sign.body ? { body: withFields(raw, fill(sign.body, stateVars(o.state)), o.tamper) } : {}),
  }),
  jwt: (sign, _raw, o) => {
    const now = o.now ?? Date.now()
    const claim = (t: string) => t.replace(/\{state\.(\w+)\}/g, (_, k: string) => String(o.state?.[k] ?? ''))
    const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')
    const signingInput = `${part({ alg: 'RS256', typ: 'JWT', kid: sign.kid })}.${part({ iss: claim(sign.issuer), aud: claim(sign.audience), iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 300 })}`
    const signature = createSign('sha256').update(signingInput).sign(sign.privateKey, 'base64url')
    const token = `${signingInput}.${o.tamper ? signature.slice(0, -4) + (signature.endsWith('AAAA') ? 'BBBB' : 'AAAA') : signature}`
    return { headers: { [sign.header]: token }, query: '' }
  },
  rsa: (sign, raw, o) => {
    const signer = createSign('sha256')
    signer.update(o.tamper ? raw + ' ' : raw)
    return { headers: { [sign.header]: signer.sign(sign.privateKey, 'base64') }, query: '' }
  },
  hmac: (sign, raw, o) => {
    const ts = sign.timestamp ? formatTimestamp(o.now ?? Date.now(), sign.timestamp.format) : ''
    const payload = (sign.payload ?? '{body}')
      .replace('{timestamp}', ts)
      .replace('{method}', o.method ?? 'POST')
      .replace('{url}', o.url)
      .replace('{body}', o.tamper ? raw + ' ' : raw)
    const secret = sign.secretFromState ? String(o.state?.[sign.secretFromState] ?? '') : (sign.secret ?? '')
    const signature = hmac(sign.algorithm, keyBytes(secret, sign.keyEncoding ?? 'text'), payload).toString(
      sign.encoding
    )
    const headers: Record<string, string> = {
      [sign.header]: (sign.value ?? '{signature}').replace('{signature}', signature).replace('{timestamp}', ts),
    }
    if (sign.timestamp && sign.timestamp.header !== sign.header) headers[sign.timestamp.header] = ts
    return { headers, query: '' }
  },
}

/** The JSON body with the vendor's token fields set (altered when tampered). */
function withFields(raw: string, fields: Record<string, string>, tamper?: boolean): string {
  const body = JSON.parse(raw) as Record<string, unknown>
  for (const [k, v] of Object.entries(fields)) body[k] = tamper ? v + 'x' : v
  return JSON.stringify(body)
}

/** Headers (and query, or body) for a webhook, signed as the vendor does. */
export function signWebhook(sign: Sign, raw: string, options: SignOptions): Signed {
  return (SIGNERS[sign.type] as (s: Sign, raw: string, o: SignOptions) => Signed)(sign, raw, options)
}
