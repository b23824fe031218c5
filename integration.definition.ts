/**
 * The integration definition, composed from the provider manifests under providers/.
 * Default build: every bundled provider as a named configuration, plus a configuration that takes a pasted manifest.
 * HITL_PROVIDER=<id>: a build for that provider alone, with its renames, channel texts and startHitl fields.
 */
import { buildDefinition } from './src/botpress/definition'
import { readBundle } from './src/botpress/provider-files'
import { ProviderCatalog } from './src/botpress/providers'

const catalog = new ProviderCatalog(readBundle())

export default buildDefinition(catalog.plans, catalog.single)
