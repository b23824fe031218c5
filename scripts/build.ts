/** Bundles src/index.ts into dist/index.js (CommonJS, one file, as `bp build` does), offline. HITL_PROVIDER=<id> builds for one provider. */
import { build, type Plugin } from 'esbuild'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { readBundle, ROOT, VIRTUAL_PROVIDERS, virtualProvidersModule } from '../src/botpress/provider-files'
import { ProviderCatalog } from '../src/botpress/providers'

export function providersPlugin(bundle = readBundle()): Plugin {
  return {
    name: 'providers',
    setup(b) {
      b.onResolve({ filter: /^virtual:providers$/ }, () => ({ path: VIRTUAL_PROVIDERS, namespace: 'providers' }))
      b.onLoad({ filter: /.*/, namespace: 'providers' }, () => ({ contents: virtualProvidersModule(bundle), loader: 'js' }))
    },
  }
}

export async function bundle(outfile = join(ROOT, 'dist', 'index.js'), providers = readBundle()) {
  new ProviderCatalog(providers) // fails the build on an invalid manifest or an unknown HITL_PROVIDER
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
    plugins: [providersPlugin(providers)],
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
