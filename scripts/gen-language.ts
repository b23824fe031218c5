/**
 * npm run gen: everything that states the manifest language, made from its one authored definition,
 * schemas/provider.schema.yaml:
 * - schemas/provider.schema.json, the JSON Schema editors (yaml-language-server) and ajv read, and
 *   schemas/provider-extension.schema.json, the same for a manifest written over another (`extends`);
 * - src/manifest/generated/types.ts, the TypeScript types of a manifest (json-schema-to-typescript);
 * - src/manifest/generated/scopes.ts, the names an expression may read where it stands (`x-scopes`, tied to the
 *   sections that take them by `x-scope`), which the compiler checks references against;
 * - src/manifest/generated/kinds.ts, the fields of each auth and verification kind and how each is compiled, from
 *   which the compiler and the plan types work (src/manifest/kinds.ts);
 * - docs/manifest-language.md, the language's reference (./language-reference.ts).
 * `npm run gen -- --check` (and test/manifest/generated.test.ts) fails when one of them is stale.
 */
import { compile } from 'json-schema-to-typescript'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format } from 'prettier'
import { parse } from 'yaml'
import hitl from '../bp_modules/hitl'
import { languageReference } from './language-reference'

const ROOT = join(__dirname, '..')
export const SOURCE = join(ROOT, 'schemas', 'provider.schema.yaml')

type Members = string[] | { interface: string; except?: string[] }
type Scope = {
  id: string
  where: string
  extends?: string
  adds?: boolean
  names: Record<string, string>
  /** The members a name has, where they are fixed (a list, or an action's input as the hitl interface has it). */
  members?: Record<string, Members>
}
type Schema = Record<string, unknown> & { definitions: Record<string, Record<string, unknown>>; 'x-scopes': Scope[] }

/** TypeScript names of the schema's definitions (the rest is inlined where it is used). */
const TYPE_NAMES: Record<string, string> = {
  field: 'Field',
  configurationField: 'ConfigurationField',
  definitionOverrides: 'DefinitionOverrides',
  rename: 'Rename',
  http: 'Http',
  auth: 'Auth',
  retry: 'Retry',
  history: 'HistoryStrategy',
  steps: 'Steps',
  step: 'Step',
  request: 'Request',
  body: 'Body',
  messageOperation: 'MessageOperation',
  inbound: 'Inbound',
  events: 'Events',
  verify: 'Verify',
  signature: 'Signature',
  timestamp: 'Timestamp',
  matcher: 'Matcher',
  lifecycle: 'Lifecycle',
  expression: 'ExpressionString',
  template: 'TemplateString',
  templateTree: 'TemplateTree',
  templateMap: 'TemplateMap',
}

export function readSource(): Schema {
  return parse(readFileSync(SOURCE, 'utf8')) as Schema
}

/** Every x-scope names a scope, and every scope is taken somewhere. */
function checkScopes(schema: Schema) {
  const ids = new Set(schema['x-scopes'].map((s) => s.id))
  const used = new Set<string>(['global'])
  const walk = (node: unknown, at: string): void => {
    if (!node || typeof node !== 'object') return
    for (const [k, v] of Object.entries(node)) {
      if (k === 'x-scope') {
        if (!ids.has(String(v))) throw new Error(`${SOURCE}: ${at}: x-scope '${v}' is not among x-scopes`)
        used.add(String(v))
      } else if (k !== 'x-scopes') walk(v, `${at}/${k}`)
    }
  }
  walk(schema, '#')
  const unused = [...ids].filter((id) => !used.has(id))
  if (unused.length) throw new Error(`${SOURCE}: x-scopes ${unused.join(', ')} are taken by no section (x-scope)`)
}

/** The names of each scope, as the compiler reads them: its own, plus those of the scope it extends. */
function scopeNames(schema: Schema): Record<string, string[]> {
  const byId = new Map(schema['x-scopes'].map((s) => [s.id, s]))
  const names = (s: Scope): string[] => [...(s.extends ? names(byId.get(s.extends)!) : []), ...Object.keys(s.names)]
  return Object.fromEntries(schema['x-scopes'].map((s) => [s.id, names(s)]))
}

async function typesFile(schema: Schema): Promise<string> {
  const copy = structuredClone(schema) as Schema
  const strip = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(strip)
    if (!node || typeof node !== 'object') return
    const n = node as Record<string, unknown>
    if (typeof n.title === 'string') delete n.title
    // Conditional requirements (if/then) say nothing of a shape: the types leave them to the schema.
    if (Array.isArray(n.allOf) && n.allOf.every((a) => a && typeof a === 'object' && 'if' in a)) delete n.allOf
    delete n.if
    delete n.then
    for (const v of Object.values(n)) strip(v)
  }
  strip(copy)
  for (const [key, def] of Object.entries(copy.definitions)) def.title = TYPE_NAMES[key] ?? key
  copy.title = 'Manifest'
  delete (copy as Partial<Schema>)['x-scopes']
  let ts = await compile(copy, 'Manifest', {
    bannerComment: '',
    additionalProperties: false,
    style: { printWidth: 120, semi: false, singleQuote: true },
  })
  // A $ref with a description of its own becomes an alias TemplateString3, ExpressionString1…: the same type.
  ts = ts.replace(/^export type (\w+?)\d+ = (\w+)\n/gm, (line, name: string, target: string) =>
    name === target ? '' : line
  )
  ts = ts.replace(/\b(TemplateString|ExpressionString|TemplateMap|TemplateTree|Steps|Rename|Auth|Inbound)\d+\b/g, '$1')
  ts = firstOfEach(ts)
  const header = `/* Generated by npm run gen from schemas/provider.schema.yaml: do not edit. */\n`
  return format(header + ts, {
    parser: 'typescript',
    printWidth: 120,
    semi: false,
    singleQuote: true,
    trailingComma: 'es5',
  })
}

/**
 * Keeps the first of the declarations that renaming made the same (TemplateMap1…5 all became TemplateMap). A
 * top-level declaration, with the doc comment before it, starts at a line that starts with `/**` or `export`.
 */
function firstOfEach(ts: string): string {
  const chunks: string[][] = []
  let comment = false
  for (const line of ts.split('\n')) {
    const starts = line.startsWith('export ') || line.startsWith('/**')
    if (starts && !(line.startsWith('export ') && comment)) chunks.push([])
    comment = line.startsWith('/**') || (comment && !line.startsWith('export '))
    if (!chunks.length) chunks.push([])
    chunks[chunks.length - 1]!.push(line)
  }
  const seen = new Set<string>()
  return chunks
    .filter((chunk) => {
      const name = chunk.map((l) => /^export (?:type|interface) (\w+)/.exec(l)?.[1]).find(Boolean)
      if (!name) return true
      if (seen.has(name)) return false
      seen.add(name)
      return true
    })
    .map((chunk) => chunk.join('\n'))
    .join('\n')
}

function scopesFile(schema: Schema): Promise<string> {
  const names = scopeNames(schema)
  const body = `/* Generated by npm run gen from schemas/provider.schema.yaml (x-scopes): do not edit. */

/**
 * The names an expression may read, per place in a manifest. \`global\` is read everywhere; a scope that \`adds\`
 * (forEach, capture) adds its names to the scope of the step it stands in.
 */
export const SCOPES = ${JSON.stringify(names, null, 2)} as const

export type ScopeId = keyof typeof SCOPES

/**
 * The members of a name, where they are fixed: \`session.ticketId\`, \`input.title\` (an action's input, as the hitl
 * interface has it). The validator refuses any other, with the nearest it knows.
 */
export const MEMBERS: { readonly [S in ScopeId]?: { readonly [name: string]: readonly string[] } } = ${JSON.stringify(membersOf(schema), null, 2)}
`
  return format(body, { parser: 'typescript', printWidth: 120, semi: false, singleQuote: true, trailingComma: 'es5' })
}

/** The fixed members of each scope's names; an action's input read from the hitl interface (bp_modules/hitl). */
function membersOf(schema: Schema): Record<string, Record<string, string[]>> {
  const actions = (hitl.definition as unknown as { actions: Record<string, { input: { schema: { shape: object } } }> })
    .actions
  const out: Record<string, Record<string, string[]>> = {}
  for (const scope of schema['x-scopes']) {
    if (!scope.members) continue
    out[scope.id] = Object.fromEntries(
      Object.entries(scope.members).map(([name, m]) => [
        name,
        Array.isArray(m)
          ? m
          : Object.keys(actions[m.interface]!.input.schema.shape).filter((k) => !m.except?.includes(k)),
      ])
    )
  }
  return out
}

/** Marks a nested definition's fields, written once in kinds.ts under its own name. */
const SHARED = '$shared'

type KindField = {
  as: 'template' | 'expression' | 'templateMap' | 'auth' | 'steps' | 'object' | 'value'
  default?: unknown
  scope?: string
  url?: true
  configFields?: true
  regex?: true
  fields?: Record<string, KindField>
}

/** How the compiler treats each field of a kind: read from the field's schema ($ref, default, x-scope, x-url …). */
function kindField(schema: Schema, property: Record<string, unknown>): KindField {
  const ref = typeof property.$ref === 'string' ? property.$ref.replace('#/definitions/', '') : undefined
  const simple = {
    template: 'template',
    expression: 'expression',
    templateMap: 'templateMap',
    auth: 'auth',
    steps: 'steps',
  } as const
  const field: KindField = ref && ref in simple ? { as: simple[ref as keyof typeof simple] } : { as: 'value' }
  if (ref && !(ref in simple)) {
    field.as = 'object'
    // Written once in the generated file (signature, timestamp…) and named where each kind uses it.
    field.fields = { [SHARED]: ref } as unknown as Record<string, KindField>
  }
  if (property.default !== undefined) field.default = property.default
  if (typeof property['x-scope'] === 'string') field.scope = property['x-scope']
  if (property['x-url'] === true) field.url = true
  if (property['x-config-fields'] === true) field.configFields = true
  if (property['x-regex'] === true) field.regex = true
  return field
}

function kindFields(schema: Schema, block: Record<string, unknown>): Record<string, KindField> {
  const properties = (block.properties ?? {}) as Record<string, Record<string, unknown>>
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([name]) => name !== 'type')
      .map(([name, property]) => [name, kindField(schema, property)])
  )
}

/** Every kind of a oneOf definition (auth, verify), by its `type` const, with its fields. */
export function kindsOf(schema: Schema, definition: string) {
  const blocks = schema.definitions[definition]!.oneOf as Record<string, any>[]
  return Object.fromEntries(blocks.map((b) => [b.properties.type.const as string, kindFields(schema, b)]))
}

function kindsFile(schema: Schema): Promise<string> {
  const webhook = (schema.definitions.inbound!.oneOf as { properties: Record<string, Record<string, unknown>> }[]).find(
    (kind) => kind.properties.type?.const === 'webhook'
  )!
  const constName = (ref: string) => `${ref.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}_FIELDS`
  const refs = new Set<string>()
  const text = (value: unknown) =>
    JSON.stringify(value, null, 2).replace(/\{\s*"\$shared": "(\w+)"\s*\}/g, (_, ref: string) => {
      refs.add(ref)
      return constName(ref)
    })
  const auth = text(kindsOf(schema, 'auth'))
  const verify = text(kindsOf(schema, 'verify'))
  const shared = [...refs]
    .map((ref) => `const ${constName(ref)} = ${text(kindFields(schema, schema.definitions[ref]!))} as const\n`)
    .join('\n')
  const body = `/* Generated by npm run gen from schemas/provider.schema.yaml: do not edit. */

/**
 * The kinds of auth and of webhook verification, each field with how the compiler treats it (src/manifest/kinds.ts
 * compiles them and derives their plan types): a template, an expression, a map of templates, a nested auth block,
 * an object of such fields, or a value kept as it is (its default filled in). A kind added to the schema is compiled
 * and typed from here; the runtime then needs its strategy (src/runtime/auth, src/runtime/verify).
 */
${shared}
export const AUTH_KINDS = ${auth} as const

export const VERIFY_KINDS = ${verify} as const

/** The scope an auth block's expressions read (global), and a verification block's. */
export const KIND_SCOPES = { auth: undefined, verify: ${JSON.stringify(webhook.properties.verify?.['x-scope'] ?? null)} } as const
`
  return format(body, { parser: 'typescript', printWidth: 120, semi: false, singleQuote: true, trailingComma: 'es5' })
}

/** Every generated file, by path, with what it must contain. */
/** The fixture language (schemas/fixture.schema.yaml): its JSON Schema, and the runner's types. */
async function fixtureFiles(): Promise<Record<string, string>> {
  const source = parse(readFileSync(join(ROOT, 'schemas', 'fixture.schema.yaml'), 'utf8'))
  const names: Record<string, string> = {
    route: 'Route',
    requests: 'ExpectedRequests',
    fails: 'Fails',
    sign: 'Sign',
    webhookCase: 'WebhookCase',
    outcome: 'Outcome',
    attachment: 'ExpectedAttachment',
  }
  const copy = JSON.parse(JSON.stringify(source))
  for (const [key, def] of Object.entries<Record<string, unknown>>(copy.definitions)) def.title = names[key] ?? key
  copy.title = 'Fixture'
  const ts = await compile(copy, 'Fixture', {
    bannerComment: '',
    additionalProperties: false,
    style: { printWidth: 120, semi: false, singleQuote: true },
  })
  const header = `/* Generated by npm run gen from schemas/fixture.schema.yaml: do not edit. */\n`
  return {
    [join(ROOT, 'schemas', 'fixture.schema.json')]: JSON.stringify(source, null, 2) + '\n',
    [join(ROOT, 'schemas', 'fixture-extension.schema.json')]:
      JSON.stringify({ ...source, required: ['provider', 'extends'] }, null, 2) + '\n',
    [join(ROOT, 'testkit', 'generated', 'fixture.ts')]: await format(firstOfEach(header + ts), {
      parser: 'typescript',
      printWidth: 120,
      semi: false,
      singleQuote: true,
      trailingComma: 'es5',
    }),
  }
}

export async function generated(): Promise<Record<string, string>> {
  const schema = readSource()
  checkScopes(schema)
  return {
    [join(ROOT, 'schemas', 'provider.schema.json')]: JSON.stringify(schema, null, 2) + '\n',
    // What an editor holds a manifest written over another to: the same language, only these fields required.
    [join(ROOT, 'schemas', 'provider-extension.schema.json')]:
      JSON.stringify({ ...schema, required: ['manifestVersion', 'extends', 'id', 'title'] }, null, 2) + '\n',
    [join(ROOT, 'src', 'manifest', 'generated', 'types.ts')]: await typesFile(schema),
    [join(ROOT, 'src', 'manifest', 'generated', 'scopes.ts')]: await scopesFile(schema),
    [join(ROOT, 'src', 'manifest', 'generated', 'kinds.ts')]: await kindsFile(schema),
    [join(ROOT, 'docs', 'manifest-language.md')]: await format(languageReference(schema, membersOf(schema)), {
      parser: 'markdown',
      proseWrap: 'preserve',
    }),
    ...(await fixtureFiles()),
  }
}

if (require.main === module) {
  const check = process.argv.includes('--check')
  generated().then(
    (files) => {
      const stale = Object.entries(files).filter(([path, text]) => {
        let current = ''
        try {
          current = readFileSync(path, 'utf8')
        } catch {}
        return current !== text
      })
      if (check) {
        for (const [path] of stale) console.log(`stale: ${path} (run npm run gen)`)
        process.exit(stale.length ? 1 : 0)
      }
      for (const [path, text] of stale) writeFileSync(path, text)
      console.log(stale.length ? `written: ${stale.map(([p]) => p.replace(ROOT + '/', '')).join(', ')}` : 'up to date')
    },
    (err) => {
      console.error(err.message ?? err)
      process.exit(1)
    }
  )
}
