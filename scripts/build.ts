/**
 * npm run bundle: dist/index.js, the integration bundled offline exactly as `bp build` bundles it (the CLI's entry
 * code and defaults, the definition's esbuild options). HITL_PROVIDER=<id> builds for one provider.
 */
import { build } from 'esbuild'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { CLI_DEFAULTS, ENTRY_CODE, esbuildOptions } from '../build/esbuild'
import { readBundle, ROOT } from '../build/providers'

export async function bundle(
  outfile = join(ROOT, 'dist', 'index.js'),
  providers = readBundle(),
  // The bench measures the minified size a deployment ships (bp build minifies by default); `entry` is the module
  // the CLI's entry code imports (./src/index; the bench's empty integration for its baseline). `ownOptions`: the
  // definition's esbuild options over the CLI's defaults (an empty integration's definition has none).
  {
    minify = false,
    entry = './src/index',
    ownOptions = true,
  }: { minify?: boolean; entry?: string; ownOptions?: boolean } = {}
) {
  await build({
    // The CLI's defaults, then the definition's own options.
    ...CLI_DEFAULTS,
    minify,
    logLevel: 'warning',
    ...(ownOptions ? esbuildOptions(providers) : {}),
    absWorkingDir: ROOT,
    stdin: { contents: ENTRY_CODE.replace('./src/index', entry), resolveDir: ROOT, loader: 'ts' },
    outfile,
  })
  return outfile
}

if (require.main === module) {
  bundle().then(
    (file) => {
      const { selected, providers } = readBundle()
      console.log(
        `built ${file} (${(statSync(file).size / 1024).toFixed(0)} KiB) with ${selected ? `provider ${selected}` : `${providers.length} providers`}`
      )
    },
    (err) => {
      console.error(err.message ?? err)
      process.exit(1)
    }
  )
}
