/**
 * The validator of schemas/provider.schema.json. From source it is compiled by ajv on first need; the build
 * (build/esbuild.ts) replaces this module with the same validator generated as standalone code, so a bundle never
 * spends the ~120 ms that compiling the schema takes.
 */
import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import schema from '../../schemas/provider.schema.json'

/** The ajv the validator is made with; `source: true` keeps its code for the build's standalone module. */
export function manifestAjv(options: { source?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    discriminator: true,
    allowUnionTypes: true,
    verbose: true,
    code: { source: options.source ?? false },
  })
  addFormats(ajv)
  ajv.addKeyword({ keyword: 'x-jsonata', schemaType: 'string' })
  return ajv
}

let validator: ValidateFunction | undefined

export function schemaValidator(): ValidateFunction {
  return (validator ??= manifestAjv().compile(schema))
}
