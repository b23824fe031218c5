/**
 * Builds the integration bundles the tests load:
 * - dist/test/index.cjs, every provider, built by the official CLI (`bp build`, as `bp deploy` would) when
 *   ../shared/tools/bp is there, else by scripts/build.ts (the same esbuild options); dist/test/built-by says which;
 * - dist/test/zendesk.js, Zendesk alone (scripts/build.ts).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBundle, ROOT } from '../../build/providers'
import { bundle } from '../../scripts/build'
import { BUILT_BY, TEST_BUNDLE } from './botpress'
import { bp, cliAvailable } from '../../scripts/bp-cli'
import { skipNotes } from './prerequisites'

export default async function setup() {
  for (const note of skipNotes()) console.warn(note)
  // A run inside a run (a test of the fixture runner itself) takes the bundles the outer run built.
  if (process.env.HITL_REUSE_BUNDLES && existsSync(TEST_BUNDLE)) return
  mkdirSync(join(ROOT, 'dist', 'test'), { recursive: true })
  if (cliAvailable()) {
    const built = bp(['build'])
    if (built.status !== 0) throw new Error(`bp build failed:\n${built.output}`)
    copyFileSync(join(ROOT, '.botpress', 'dist', 'index.cjs'), TEST_BUNDLE)
    writeFileSync(BUILT_BY, 'bp build')
  } else {
    console.warn('../shared/tools/bp is absent: the tests run on the bundle of scripts/build.ts, not on the CLI’s')
    await bundle(TEST_BUNDLE, readBundle(''))
    writeFileSync(BUILT_BY, 'scripts/build.ts')
  }
  await bundle(join(ROOT, 'dist', 'test', 'zendesk.js'), readBundle('zendesk'))
}
