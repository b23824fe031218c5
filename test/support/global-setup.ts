/** Builds the integration bundles the tests load: every provider (dist/test/index.js), and Zendesk alone (dist/test/zendesk.js). */
import { join } from 'node:path'
import { bundle } from '../../scripts/build'
import { readBundle, ROOT } from '../../src/botpress/provider-files'

export default async function setup() {
  await bundle(join(ROOT, 'dist', 'test', 'index.js'), readBundle(''))
  await bundle(join(ROOT, 'dist', 'test', 'zendesk.js'), readBundle('zendesk'))
}
