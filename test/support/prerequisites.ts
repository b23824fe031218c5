/**
 * What some tests need from the machine, beside the project: when one is missing, the tests that need it are skipped,
 * and `npm test` says so, and why, before running (test/support/global-setup.ts) as well as in the skipped test's name.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const SHARED = join(__dirname, '..', '..', '..', 'shared')

export const PREREQUISITES = {
  chromium: {
    path: '/usr/bin/chromium',
    skips: "the playground's browser test",
    fix: 'apt-get install chromium (.ci/run does)',
  },
  specs: {
    path: join(SHARED, 'specs'),
    skips: "the contract checks (Prism proxies of vendors' OpenAPI descriptions)",
    fix: 'the vendor descriptions live in ../shared/specs beside the checkout',
  },
  cli: {
    path: join(SHARED, 'tools', 'bp'),
    skips: 'the official Botpress CLI tests (bp lint, bp read, bp build)',
    fix: 'the CLI lives in ../shared/tools beside the checkout',
  },
  plugin: {
    path: join(SHARED, 'plugins', 'hitl', 'plugin.definition.ts'),
    skips: 'the HITL plugin suite (the README bot, built with the official CLI, run with the real plugin)',
    fix: 'the plugin lives in ../shared/plugins beside the checkout; the CLI in ../shared/tools',
  },
  hitl: {
    path: join(SHARED, 'interfaces', 'hitl', 'interface.definition.ts'),
    skips: 'the check of bp_modules/hitl against the published interface',
    fix: 'it lives in ../shared/interfaces beside the checkout',
  },
} as const

export const available = (name: keyof typeof PREREQUISITES) => existsSync(PREREQUISITES[name].path)

/** The title of the test that stands for a skipped group: it says what is missing and how to get it. */
export const skipTitle = (name: keyof typeof PREREQUISITES) =>
  `skipped: ${PREREQUISITES[name].path} is absent (${PREREQUISITES[name].fix})`

/** One line per missing prerequisite: what is skipped, and why. */
export function skipNotes(): string[] {
  return Object.entries(PREREQUISITES)
    .filter(([, p]) => !existsSync(p.path))
    .map(([, p]) => `SKIPPED: ${p.skips}, because ${p.path} is absent (${p.fix})`)
}
