/**
 * Auth and webhook-verification kinds, compiled and typed from their schema blocks alone (generated/kinds.ts, made by
 * `npm run gen` from schemas/provider.schema.yaml): each field becomes a Template, an Expression, template pairs, a
 * nested auth plan or an object of such fields, or stays the value it is with its schema default filled in. Their plan
 * types (AuthPlan, VerifyPlan) are derived here from the same descriptors and the generated manifest types, so a kind
 * added to the schema needs no compiler entry and no plan type: only its runtime strategy.
 */
import type { Compiler, Scope } from './compile/compiler'
import { scopeOf } from './compile/compiler'
import { AUTH_KINDS, KIND_SCOPES, VERIFY_KINDS } from './generated/kinds'
import type { ScopeId } from './generated/scopes'
import type { ManifestPath } from './problems'
import type { AuthPlan, VerifyPlan } from './plan'
import type { Auth, Step, Verify } from './types'

export type { AuthPlan, VerifyPlan }

export type Descriptor = {
  readonly as: 'template' | 'expression' | 'templateMap' | 'auth' | 'steps' | 'object' | 'value'
  readonly default?: unknown
  readonly scope?: string
  readonly url?: true
  readonly configFields?: true
  readonly regex?: true
  readonly fields?: Fields
}
export type Fields = { readonly [name: string]: Descriptor }

/** Compiles one block of a kind: each field as its descriptor says, problems placed at `at`. */
export function compileBlock(
  fields: Fields,
  value: Record<string, unknown>,
  c: Compiler,
  at: ManifestPath,
  family: Scope
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  // One scope per named scope in a block: what a steps field captures is read by the fields after it.
  const scopes = new Map<string, Scope>()
  for (const [name, d] of Object.entries(fields)) {
    const v = value[name] ?? d.default
    if (v === undefined) continue
    const path = [...at, name]
    const scope = d.scope
      ? (scopes.get(d.scope) ?? scopes.set(d.scope, scopeOf(d.scope as ScopeId)).get(d.scope)!)
      : family
    switch (d.as) {
      case 'template':
        out[name] = c.template(String(v), path, scope, { url: d.url })
        break
      case 'expression':
        out[name] = c.expression(String(v), path, scope)
        break
      case 'templateMap':
        out[name] = c.pairs(v as Record<string, string>, path, scope, { url: d.url })
        break
      case 'auth':
        out[name] = compileAuthAt(v as Auth, c, path)
        break
      case 'steps':
        out[name] = c.steps(v as Step[], path, scope)
        break
      case 'object':
        out[name] = compileBlock(d.fields!, v as Record<string, unknown>, c, path, family)
        break
      case 'value':
        if (d.configFields) checkConfigFields(v as string[], c, path)
        if (d.regex) c.linearRegex(String(v), path)
        out[name] = v
    }
  }
  return out
}

function checkConfigFields(names: string[], c: Compiler, at: ManifestPath) {
  names.forEach((name, i) => {
    if (!c.configFields.has(name))
      c.problems.push(
        c.src.problem([...at, i], `'${name}' is not a configuration field (fields: ${[...c.configFields].join(', ')})`)
      )
  })
}

function compileAuthAt(auth: Auth, c: Compiler, at: ManifestPath): AuthPlan {
  const fields: Fields = AUTH_KINDS[auth.type]
  const family = scopeOf(...(KIND_SCOPES.auth ? [KIND_SCOPES.auth as ScopeId] : []))
  return { type: auth.type, ...compileBlock(fields, auth as Record<string, unknown>, c, at, family) } as AuthPlan
}

export function compileAuth(auth: Auth, c: Compiler): AuthPlan {
  return compileAuthAt(auth, c, ['http', 'auth'])
}

export function compileVerify(verify: Verify, c: Compiler, at: ManifestPath = ['inbound', 'verify']): VerifyPlan {
  const fields: Fields = VERIFY_KINDS[verify.type]
  const family = scopeOf(KIND_SCOPES.verify as ScopeId)
  return { type: verify.type, ...compileBlock(fields, verify as Record<string, unknown>, c, at, family) } as VerifyPlan
}
