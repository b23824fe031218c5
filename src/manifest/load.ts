/**
 * Loads a provider manifest: YAML (with positions) → JSON Schema (ajv, every error) → compile (expressions, references).
 * Each distinct text is loaded once; the compiled plan is cached, so nothing is parsed again per request. A pasted
 * manifest (loadPasted) is parsed, validated and linted in an isolation worker, its failure cached as well as its plan.
 */
import type { ErrorObject } from 'ajv'
import { BoundedCache } from '../bounded-cache'
import { createHash } from 'node:crypto'
import { LineCounter, parseDocument, type Document } from 'yaml'
import { currentShape, WEBHOOK_DEPRECATION } from './compat'
import { didYouMean, nearest } from './near'
import { compileManifest } from './compile'
import { isolationAvailable, isolationDigest, loadIsolated, warmIsolation } from './isolation/pool'
import { besideOnDisk, isRecord, MAX_LAYERS, overlay, type BaseResolver, type Layer } from './overlay'
import type { Plan } from './plan'
import type { Trees } from './expressions'
import type { ExprNode } from 'jsonata'
import { ManifestError, PackedText, SourceMap, type ManifestPath, type Places, type Problem } from './problems'
import type { Manifest } from './types'

import { schemaValidator } from './schema-validator'

/** Schema errors of a manifest value (the validator is made on first need: bundled manifests never need it). */
function validateSchema(value: unknown): ErrorObject[] | undefined {
  const validator = schemaValidator()
  return validator(value) ? undefined : (validator.errors ?? [])
}

export const MAX_MANIFEST_BYTES = 512 * 1024
/** Deepest nesting a manifest may have (YAML flow collections nest cheaply and parse slowly). */
export const MAX_MANIFEST_DEPTH = 64
/**
 * Compiled plans by file and text (a pasted manifest is compiled once, whatever calls use it), bounded by the size of
 * the texts they come from: 32 Mi characters hold the plans of a thousand tenants of 14 KB manifests and more.
 */
export const planCache = new BoundedCache<Plan>(32 * 1024 * 1024, (plan) => plan.size)
/** The problems of pasted manifests that failed, by their text's hash: a failing text is not loaded again per call. */
export const failedPastes = new BoundedCache<Problem[]>(4 * 1024 * 1024, (problems) =>
  problems.reduce((n, p) => n + p.message.length + p.path.length + 64, 0)
)
const loading = new Map<string, Promise<Plan>>()

/**
 * Loads and compiles a manifest; throws ManifestError listing every problem with its place. `isolated`: its
 * expressions are evaluated in the isolation workers (./isolation.ts), as a pasted manifest's are.
 */
export function loadManifest(
  text: string,
  file: string,
  options: { isolated?: boolean; pasted?: boolean; bases?: BaseResolver } = {}
): Plan {
  return cached(`${options.isolated ? 'isolated:' : ''}${options.pasted ? 'pasted:' : ''}${file}`, text, (key) =>
    load(text, file, options.isolated ? key : undefined, options.pasted, options.bases)
  )
}

/**
 * A manifest as a build carries it, validated when the bundle was built: its file and text, the value that text
 * parses to, the manifests it is written over (extends); in a build for one provider, the places of its nodes
 * (build/places.ts) and its expressions' syntax trees (build/trees.ts), worked out at build time.
 */
export type BuiltSource = {
  file: string
  text: string
  manifest: Manifest
  bases?: Layer[]
  places?: Places
  trees?: Record<string, ExprNode>
}

/**
 * A bundled manifest, validated when the bundle was built: no YAML parsing, no schema check, no lint, expressions
 * compiled on first use (parsed then, unless the build brought their trees). Places in errors still come from the text.
 */
export function loadValidated(source: BuiltSource): Plan {
  return cached(source.file, source.text, () => compileBuilt(source, {}))
}

/** A bundled manifest compiled (not cached); `trees` overrides the build's (build/trees.ts records what it asks). */
export function compileBuilt(source: BuiltSource, { trees }: { trees?: Trees }): Plan {
  const under = (source.bases ?? []).reduceRight<SourceMap | undefined>(
    (u, b) => new SourceMap(b.file, b.text, undefined, u, b.places),
    undefined
  )
  const map = new SourceMap(source.file, source.text, undefined, under, source.places)
  const given = source.trees && new Map(Object.entries(source.trees))
  const { plan, problems } = compileManifest(source.manifest, map, { checked: false, trees: trees ?? given })
  if (!plan) throw new ManifestError(problems)
  return plan
}

const keyOf = (file: string, text: string) => createHash('sha256').update(file).update('\0').update(text).digest('hex')

function cached(file: string, text: string, load: (key: string) => Plan): Plan {
  const key = keyOf(file, text)
  return planCache.get(key) ?? planCache.set(key, load(key))
}

/** A pasted manifest as the isolation workers found it valid: its value, and the notes its lint made. */
export type Validated = { manifest: unknown; notes: Problem[] }

/**
 * Where the bot's pasted manifest, once found valid, is remembered for every instance of the integration (the
 * Botpress binding keeps it in the bot's state, which the integration alone writes), under a key naming its text and
 * the workers' program that validated it: an instance that has not loaded that text compiles it from there, with no
 * worker to start. A failure to read or write it is no failure of the call: the workers load the text again.
 */
export type ValidatedStore = {
  read(key: string): Promise<Validated | undefined>
  write(key: string, validated: Validated): Promise<void>
}

/**
 * A manifest pasted into a configuration, written by a bot builder and not reviewed here: parsed, validated and linted
 * in an isolation worker, in `owner`'s turn (the bot), then compiled here from the value the worker found valid (no
 * YAML, schema or lint work on this thread), its expressions evaluated in the workers; or compiled from the value
 * `store` remembers of that text, when it does (ValidatedStore). A text that fails is refused from the cache
 * afterwards; so is one over MAX_MANIFEST_BYTES, before anything is done with it.
 */
export function loadPasted(text: string, file: string, owner: string, store?: ValidatedStore): Promise<Plan> {
  if (text.length > MAX_MANIFEST_BYTES) return Promise.reject(tooLarge(file))
  const key = keyOf(`pasted:${file}`, text)
  const plan = planCache.get(key)
  if (plan) return Promise.resolve(plan)
  const failed = failedPastes.get(key)
  if (failed) return Promise.reject(new ManifestError(failed))
  let pending = loading.get(key)
  if (!pending) {
    pending = (async () => {
      if (!isolationAvailable()) return loadManifest(text, file, { pasted: true })
      // The text and the program that validates it: what a kept value must have been found valid for.
      const remembered = `${isolationDigest()}:${key}`
      let validated = await store?.read(remembered).catch(() => undefined)
      // Kept: no worker loads it, but its expressions only JSONata evaluates will want one, started now beside this
      // call (once it yields) rather than in the first call that evaluates one.
      if (validated) setImmediate(warmIsolation)
      else {
        const { value, problems, notes } = await loadIsolated(owner, text, file)
        if (problems) throw new ManifestError(problems)
        validated = { manifest: value, notes: notes ?? [] }
        // For the instances that have not loaded it (one Botpress refuses, too large say, they load as this one did).
        await store?.write(remembered, validated).catch(() => undefined)
      }
      const compiled = compileManifest(validated.manifest as Manifest, new SourceMap(file, new PackedText(text)), {
        checked: false,
        isolatedFor: key,
        pasted: true,
      })
      if (!compiled.plan) throw new ManifestError(compiled.problems)
      compiled.plan.notes.push(...validated.notes)
      return compiled.plan
    })()
      .then(
        (loaded) => planCache.set(key, loaded),
        (err) => {
          if (err instanceof ManifestError) failedPastes.set(key, err.problems)
          throw err
        }
      )
      .finally(() => loading.delete(key))
    loading.set(key, pending)
  }
  return pending
}

const tooLarge = (file: string) =>
  new ManifestError([
    { file, line: 1, column: 1, path: '(root)', message: `manifest is larger than ${MAX_MANIFEST_BYTES / 1024} KiB` },
  ])

const tooDeep = (file: string) =>
  new ManifestError([
    { file, line: 1, column: 1, path: '(root)', message: `manifest nests deeper than ${MAX_MANIFEST_DEPTH} levels` },
  ])

/** How deep a parsed value nests, counted up to `max` + 1 (walked with its own stack). */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (depth > max) return true
    if (v && typeof v === 'object') for (const item of Object.values(v)) stack.push([item, depth + 1])
  }
  return false
}

/** A manifest's text parsed (problems placed): its value, and the document its places are read from. */
type Parsed = { file: string; text: string; value: unknown; doc: Document; lines: LineCounter }

function parsed(text: string, file: string): Parsed {
  const lines = new LineCounter()
  if (text.length > MAX_MANIFEST_BYTES) throw tooLarge(file)
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length) {
    throw new ManifestError(
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0])
        return { file, line, column: col, path: '(yaml)', message: `YAML: ${e.message.split('\n')[0]}` }
      })
    )
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 50 })
  } catch (err) {
    throw new ManifestError([{ file, line: 1, column: 1, path: '(yaml)', message: `YAML: ${(err as Error).message}` }])
  }
  if (deeperThan(value, MAX_MANIFEST_DEPTH)) throw tooDeep(file)
  return { file, text, value, doc, lines }
}

/** The source map of a parsed manifest, over the maps of the manifests it is written over. */
const sourceOf = (p: Parsed, under?: SourceMap) => new SourceMap(p.file, p.text, { doc: p.doc, lines: p.lines }, under)

/**
 * A manifest written over another (`extends`): the value laid over its base's (itself perhaps over another), and a
 * source map that places each path in the file that writes it. Refused where it cannot be: pasted (whole by
 * definition), not an id, no such manifest, a loop, or more than MAX_LAYERS deep.
 */
function laidOver(first: Parsed, resolveBase: BaseResolver, pasted?: boolean): { value: unknown; source: SourceMap } {
  const { value } = first
  if (!isRecord(value) || typeof value.extends !== 'string') return { value, source: sourceOf(first) }
  const refuse = (message: string): never => {
    throw new ManifestError([sourceOf(first).problem(['extends'], message)])
  }
  if (pasted) refuse('a pasted manifest is whole: extends names a manifest of the providers folder, out of its reach')
  // The manifests it is written over, nearest first.
  const bases: Parsed[] = []
  const ids: string[] = []
  let next: unknown = value
  let at = first.file
  while (isRecord(next) && typeof next.extends === 'string') {
    const id = next.extends
    // An id, never a path: nothing outside the folder is ever read (checked before the schema, which runs on the result).
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) refuse(`'${id}' is not a manifest id (letters, digits and dashes)`)
    if (ids.includes(id) || id === value.id)
      refuse(`'${id}' is written over this one in turn: manifests cannot be laid over each other in a loop`)
    if (ids.length >= MAX_LAYERS) refuse(`more than ${MAX_LAYERS} manifests laid over one another`)
    const base = resolveBase(id, at) ?? refuse(`no manifest '${id}' beside this one (${id}.yaml in its folder)`)
    const layer = parsed(base.text, base.file)
    bases.push(layer)
    ids.push(id)
    next = layer.value
    at = base.file
  }
  // The deepest first: each base laid over those under it, and its map over theirs.
  const merged = bases.reduceRight<unknown>((under, b) => overlay(under, b.value), undefined)
  const under = bases.reduceRight<SourceMap | undefined>((u, b) => sourceOf(b, u), undefined)
  return { value: overlay(merged, value), source: sourceOf(first, under) }
}

function load(text: string, file: string, isolatedFor?: string, pasted?: boolean, bases = besideOnDisk()): Plan {
  const { value, source } = laidOver(parsed(text, file), bases, pasted)
  const { value: current, deprecated } = currentShape(value)
  const invalid = validateSchema(current)
  if (invalid) {
    // One line per problem: what the compiler finds inside a part the schema already refused is that same problem.
    const refused = schemaProblems(invalid, source)
    const inside = (p: Problem) =>
      refused.some((r) => p.path === r.path || p.path.startsWith(`${r.path}.`) || p.path.startsWith(`${r.path}[`))
    throw new ManifestError([...refused, ...lintAnyway(current, source).filter((p) => !inside(p))])
  }
  const { plan, problems } = compileManifest(current as Manifest, source, { isolatedFor, pasted })
  if (!plan) throw new ManifestError(problems)
  if (deprecated) plan.notes.push(source.problem(deprecated, WEBHOOK_DEPRECATION, { key: true }))
  return plan
}

/**
 * The compiler's problems (expressions, names in scope, secrets in URLs) of a manifest the schema refused, so that
 * one run reports every mistake, not one stage at a time. Where the schema's errors leave the manifest in a shape the
 * compiler cannot walk, it says nothing more: the schema's problems stand alone.
 */
function lintAnyway(value: unknown, source: SourceMap): Problem[] {
  try {
    return compileManifest(value as Manifest, source).problems
  } catch {
    return []
  }
}

/** Ajv's errors as placed problems (file:line:column, the path, one line each), for any YAML document and schema. */
export function schemaProblems(errors: ErrorObject[], source: SourceMap): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const e of errors) {
    // A choice (oneOf, anyOf) that failed is said by what failed inside it, when something did.
    if (
      e.keyword === 'if' ||
      ((e.keyword === 'oneOf' || e.keyword === 'anyOf') &&
        errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && !/Of$/.test(o.keyword)))
    )
      continue
    // A branch of a choice whose type the value is not (an entry that is an object, not a number) says nothing more
    // than the branch whose type it is.
    if (
      e.keyword === 'type' &&
      errors.some(
        (o) => o !== e && o.keyword !== 'type' && !/Of$/.test(o.keyword) && o.instancePath.startsWith(e.instancePath)
      )
    )
      continue
    // A required field missing because it is misspelt is said once, by the misspelling (did you mean …?).
    if (
      e.keyword === 'required' &&
      errors.some(
        (o) =>
          o.keyword === 'additionalProperties' &&
          o.instancePath === e.instancePath &&
          nearest(String(o.params.additionalProperty), [String(e.params.missingProperty)])
      )
    )
      continue
    const path: ManifestPath = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p))
    let problem: Problem
    switch (e.keyword) {
      case 'required':
        problem = source.problem(path, `missing required field '${e.params.missingProperty}'`)
        break
      case 'additionalProperties':
        problem = source.problem(
          [...path, e.params.additionalProperty],
          `unknown field '${e.params.additionalProperty}'${hint(e)}`,
          { key: true }
        )
        break
      case 'enum':
        problem = source.problem(
          path,
          `must be one of: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
        )
        break
      case 'const':
        problem = source.problem(path, `must be ${JSON.stringify(e.params.allowedValue)}`)
        break
      case 'type':
        problem = source.problem(
          path,
          `must be ${e.params.type === 'integer' ? 'an integer' : `a${/^[aeiou]/.test(String(e.params.type)) ? 'n' : ''} ${e.params.type}`}`
        )
        break
      case 'discriminator':
        problem = source.problem(
          e.params.tag ? [...path, e.params.tag] : path,
          e.params.error === 'mapping'
            ? `unknown type: see the schema for the allowed types`
            : `missing required field 'type'`
        )
        break
      case 'propertyNames':
        continue // reported with the offending name by the pattern error that follows
      case 'pattern':
        if (e.propertyName !== undefined) {
          problem = source.problem(
            [...path, e.propertyName],
            `name '${e.propertyName}' must match ${e.params.pattern}`,
            { key: true }
          )
          break
        }
        problem = source.problem(path, `must match the pattern ${e.params.pattern}`)
        break
      case 'minProperties':
      case 'maxProperties':
        problem = source.problem(
          path,
          path[path.length - 1] === 'body'
            ? 'a body has exactly one of json, form, multipart, raw'
            : (e.message ?? 'invalid')
        )
        break
      default:
        problem = source.problem(path, e.message ?? 'invalid')
    }
    const k = `${problem.path}|${problem.message}`
    if (seen.has(k)) continue
    seen.add(k)
    problems.push(problem)
  }
  return problems
}

/** "did you mean" for a near miss, else the allowed names. */
function hint(e: ErrorObject): string {
  const props = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter(
    (p) => p !== '$schema'
  )
  const near = didYouMean(String(e.params.additionalProperty), props)
  if (near) return near
  return props.length ? ` (allowed: ${props.join(', ')})` : ''
}

export { ManifestError }
export type { Plan }
