/** Bundles src/index.ts into dist/index.js (CommonJS, one file, as `bp build` does), offline. HITL_PROVIDER=<id> builds for one provider. */
import { build, type Plugin } from 'esbuild'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { readBundle, ROOT, VIRTUAL_PROVIDERS, virtualProvidersModule } from '../src/botpress/provider-files'
import { ProviderCatalog } from '../src/botpress/providers'
import { manifestAjv } from '../src/manifest/schema-validator'
import schema from '../schemas/provider.schema.json'
import standaloneCode from 'ajv/dist/standalone'

export function providersPlugin(bundle = readBundle()): Plugin {
  return {
    name: 'providers',
    setup(b) {
      b.onResolve({ filter: /^virtual:providers$/ }, () => ({ path: VIRTUAL_PROVIDERS, namespace: 'providers' }))
      b.onLoad({ filter: /.*/, namespace: 'providers' }, () => ({ contents: virtualProvidersModule(bundle), loader: 'js' }))
    },
  }
}

/** Replaces src/manifest/schema-validator.ts with the schema's validator as standalone code, made now. */
export function schemaValidatorPlugin(): Plugin {
  return {
    name: 'schema-validator',
    setup(b) {
      b.onResolve({ filter: /\/schema-validator$/ }, (args) => ({ path: join(args.resolveDir, 'schema-validator.standalone.js'), namespace: 'schema-validator' }))
      b.onLoad({ filter: /.*/, namespace: 'schema-validator' }, () => {
        const ajv = manifestAjv({ source: true })
        const code = standaloneCode(ajv, ajv.compile(schema))
        return { contents: `${code}
const validate = module.exports;
module.exports = { schemaValidator: () => validate };
`, loader: 'js', resolveDir: ROOT }
      })
    },
  }
}

export async function bundle(outfile = join(ROOT, 'dist', 'index.js'), providers = readBundle()) {
  new ProviderCatalog(providers) // fails the build on an unknown HITL_PROVIDER (readBundle has validated every manifest)
  await build({
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'es2020',
    format: 'cjs',
    minify: false,
    keepNames: true,
    logLevel: 'warning',
    plugins: [providersPlugin(providers), schemaValidatorPlugin()],
  })
  return outfile
}

if (require.main === module) {
  bundle().then((file) => {
    const { selected, providers } = readBundle()
    console.log(`built ${file} (${(statSync(file).size / 1024).toFixed(0)} KiB) with ${selected ? `provider ${selected}` : `${providers.length} providers`}`)
  }, (err) => {
    console.error(err.message ?? err)
    process.exit(1)
  })
}
