/**
 * Every provider fixture (test/fixtures/providers/*.yaml) run through the bundled integration against a helpdesk
 * stand-in answering as the fixture says (test/support/fixture-run.ts says what each session checks).
 * A new provider needs a manifest and a fixture: no TypeScript.
 */
import { loadFixtures } from '../testkit/fixture'
import { describeFixture } from './support/fixture-run'
import { useStandIns } from './support/session'

const ctx = useStandIns()

/** One provider's fixture alone (npm run test:provider -- <id>). */
const only = process.env.HITL_TEST_PROVIDER
const fixtures = loadFixtures().filter((f) => !only || f.provider === only)
if (only && !fixtures.length) throw new Error(`no fixture for provider '${only}' in test/fixtures/providers`)

for (const file of fixtures) describeFixture(ctx, file)
