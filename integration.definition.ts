/**
 * The integration definition, composed from the provider manifests under providers/ (or HITL_PROVIDERS_DIR).
 * Default build: every bundled provider as a named configuration, plus a configuration that takes a pasted manifest.
 * HITL_PROVIDER=<id>: a build for that provider alone, with its renames, channel texts and startHitl fields.
 * `__advanced.esbuild` carries what `bp build` needs to bundle src/index.ts (build/esbuild.ts).
 */
import { esbuildOptions } from './build/esbuild'
import { readBundle } from './build/providers'
import { buildDefinition } from './src/botpress/definition'
import { ProviderCatalog } from './src/botpress/providers'

const bundle = readBundle()
const catalog = new ProviderCatalog(bundle)

export default buildDefinition(catalog.plans, catalog.single, { esbuild: esbuildOptions(bundle) })
