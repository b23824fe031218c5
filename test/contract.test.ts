/**
 * Contract checks, declared in fixtures: every fixture with a `contract` block runs all its scenarios again with the
 * integration's API calls going through Prism proxies of the vendor's published descriptions (../shared/specs,
 * never copied here, corrected by the fixture's own errata). Every request must be accepted by the description
 * (path, parameters, body, security scheme) or lie on a path the contract names as outside every description.
 * No TypeScript per vendor: testkit/prism.ts reads the block.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadFixtures, type Contract } from '../testkit/fixture'
import { ContractProxies, correctedSpec, specsAvailable } from '../testkit/prism'
import { describeFixture } from './support/fixture-run'
import { skipTitle } from './support/prerequisites'
import { useStandIns } from './support/session'

const ctx = useStandIns()

/** One provider's contract alone (npm run test:provider -- <id>). */
const only = process.env.HITL_TEST_PROVIDER
const contracted = loadFixtures().filter((f) => f.contract && (!only || f.provider === only))

if (!specsAvailable())
  describe('contract checks', () => {
    it.skip(skipTitle('specs'), () => {})
  })

for (const fixture of contracted) {
  const contract = fixture.contract!
  describe.runIf(specsAvailable())(`contract: ${fixture.provider} against ${contract.specs.join(', ')}`, () => {
    const proxies = new ContractProxies()
    beforeAll(async () => {
      await proxies.start(contract, ctx.helpdesk.url)
    })
    afterAll(() => proxies.stop())

    describeFixture(ctx, fixture, { apiBase: () => proxies.url })

    it('had every request of every scenario accepted by the description', () => {
      expect(proxies.violations().join('\n')).toBe('')
    })
  })
}

/** The checker itself: what it reports, so a contract that passes means something (not for one provider alone). */
describe.runIf(specsAvailable() && !only)('the contract checker', () => {
  const proxies = new ContractProxies()
  const contract: Contract = {
    specs: ['front.json'],
    outside: [{ path: '/download/:id', reason: 'downloads are not REST calls in this test' }],
  }
  beforeAll(async () => {
    ctx.helpdesk.answer([{ method: 'POST', path: '/contacts', status: 201, body: { id: 'crd_1' } }])
    await proxies.start(contract, ctx.helpdesk.url)
  })
  afterAll(() => proxies.stop())

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${proxies.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t', ...headers },
      body: JSON.stringify(body),
    })

  it('reports a body the description refuses, a missing credential and a path in no description', async () => {
    // The stand-in's answer comes back untouched, whatever the description says of the request.
    const bad = await post('/contacts', { name: 'Ada' })
    expect(bad.status).toBe(201)
    expect(await bad.json()).toEqual({ id: 'crd_1' })
    await post('/contacts', { name: 'Ada', handles: [{ handle: 'a@b.c', source: 'email' }] }, { authorization: '' })
    await post('/no/such/path', {})
    await post('/download/fil_1', {})
    const found = proxies.violations()
    expect(
      found.some((v) => v.includes("must have required property 'handles'")),
      found.join('\n')
    ).toBe(true)
    expect(
      found.some((v) => /security/i.test(v)),
      found.join('\n')
    ).toBe(true)
    expect(found).toContain('POST /no/such/path: in no description')
    expect(found.join('\n')).not.toContain('/download/')
  })

  it('accepts a request the description allows', async () => {
    const before = proxies.violations().length
    await post('/contacts', { name: 'Ada', handles: [{ handle: 'a@b.c', source: 'email' }] })
    expect(proxies.violations().slice(before)).toEqual([])
  })

  it('says which erratum does not apply, with its reason', () => {
    const wrong: Contract = {
      specs: ['front.json'],
      errata: [{ reason: 'a path that is not there', patch: [{ op: 'remove', path: '/paths/~1nowhere' }] }],
    }
    expect(() => correctedSpec(wrong, 'front.json')).toThrow(
      /contract\.errata\[0\] \(a path that is not there\) does not apply to front\.json/
    )
  })
})
