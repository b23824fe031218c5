import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import standaloneCode from 'ajv/dist/standalone'
import { writeFileSync, readFileSync } from 'node:fs'
import schema from '../schemas/provider.schema.json'
const t = performance.now()
const ajv = new Ajv({ allErrors: true, strict: false, discriminator: true, allowUnionTypes: true, verbose: true, code: { source: true, esm: false } })
addFormats(ajv)
ajv.addKeyword({ keyword: 'x-jsonata', schemaType: 'string' })
const v = ajv.compile(schema)
const code = standaloneCode(ajv, v)
writeFileSync('.tmp/validate.js', code)
console.log('compiled in', performance.now() - t, 'code KB', code.length / 1024)
