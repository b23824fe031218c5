/**
 * A build for one provider runs its whole fixture as the build with every provider does: Zendesk's
 * (dist/test/zendesk.js), which carries no YAML parser (its places come from the build), no schema validator, and
 * neither html-to-text, jose nor RE2 (its two configuration patterns, checked at build time, run with RegExp).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../build/providers'
import { loadFixtures } from '../testkit/fixture'
import { describeFixture } from './support/fixture-run'
import { caller, useStandIns } from './support/session'

const ctx = useStandIns({ bundle: join(ROOT, 'dist', 'test', 'zendesk.js') })
const zendesk = loadFixtures().find((f) => f.provider === 'zendesk')!
describeFixture(ctx, zendesk)

describe('the build for Zendesk alone, its configuration', () => {
  it("holds it to the manifest's patterns, run by RegExp, naming the field", async () => {
    const bp = caller(ctx, { ...zendesk.configuration, subdomain: 'acme.evil.example/x' }, 'zendesk')
    const res = await bp.action('createUser', { name: 'Ada' }).catch((err: Error) => err)
    expect(String((res as Error).message ?? JSON.stringify(res))).toMatch(
      /configuration field subdomain \(Subdomain\) must match \^\[a-z0-9\]\[a-z0-9-\]\*\$ \(given "acme\.evil\.example\/x"\)/
    )
  })
})
