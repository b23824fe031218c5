/**
 * Values given for a manifest's fields (a bot's configuration, a pasted manifest's settings), held to what the
 * manifest declares on every call: required, type, enum, pattern. A value that fails never reaches a template (a
 * subdomain of `127.0.0.1:5555/x?` would otherwise move the API host). Patterns run on the linear-time engine; a
 * secret field's value is never repeated in the message.
 */
import { linearPattern } from './expressions/safety'
import type { Field } from './types'

const isEmpty = (v: unknown) => v === undefined || v === null || v === ''

/** The values with each field's default where a value is missing (the one place defaults of fields are filled). */
export function withDefaults(
  fields: Record<string, Field> | undefined,
  values: Record<string, unknown> | undefined
): Record<string, unknown> {
  const out = { ...values }
  for (const [name, field] of Object.entries(fields ?? {}))
    if (isEmpty(out[name]) && field.default !== undefined) out[name] = field.default
  return out
}

/** What is wrong with `values`, one line per field, each naming it as `prefix` + its name (and its title). */
export function fieldProblems(
  fields: Record<string, Field> | undefined,
  values: Record<string, unknown>,
  prefix: string
): string[] {
  const problems: string[] = []
  for (const [name, field] of Object.entries(fields ?? {})) {
    const value = values[name]
    const named = `${prefix}${name} (${field.title})`
    if (isEmpty(value)) {
      if (field.required !== false && field.default === undefined) problems.push(`${named} is missing`)
      continue
    }
    const shown = field.secret ? '' : ` (given ${JSON.stringify(value).slice(0, 80)})`
    const wrong = typeProblem(field, value)
    if (wrong) {
      problems.push(`${named} must be ${wrong}${shown}`)
      continue
    }
    if (field.enum && !field.enum.some((allowed) => String(allowed) === String(value)))
      problems.push(`${named} must be one of ${field.enum.map((v) => JSON.stringify(v)).join(', ')}${shown}`)
    else if (field.pattern && typeof value === 'string' && !linearPattern(field.pattern).matcher(value).find())
      problems.push(`${named} must match ${field.pattern}${shown}`)
  }
  return problems
}

/** Configuration arrives from a form (or a pasted manifest's text settings): numbers and booleans may be their text. */
function typeProblem(field: Field, value: unknown): string | undefined {
  switch (field.type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'a text'
    case 'number':
      return Number.isFinite(Number(value)) && typeof value !== 'boolean' ? undefined : 'a number'
    case 'integer':
      return Number.isInteger(Number(value)) && typeof value !== 'boolean' ? undefined : 'an integer'
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? undefined : 'true or false'
    case 'array':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'a list of texts'
    case 'map':
      return value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => typeof v === 'string')
        ? undefined
        : 'texts by name'
  }
}
