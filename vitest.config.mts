import { defineConfig } from 'vitest/config'

// Tests load the built bundle (test/support/global-setup.ts builds it), as Botpress runs it.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Generous: the suite must pass on a slow, busy machine (npm run test:busy). A test that hangs still fails.
    testTimeout: 120_000,
    // The helpdesk and Botpress stand-ins run on 127.0.0.1 over plain http: local use (src/runtime/network.ts).
    env: { HITL_ALLOW_LOCAL_NETWORK: '1' },
    hookTimeout: 180_000,
    // expect.poll waits as long as it takes a busy machine (it returns as soon as the condition holds).
    expect: { poll: { timeout: 30_000, interval: 50 } },
    pool: 'forks',
    // The integration logs every call; shown for failing tests only.
    silent: 'passed-only',
  },
})
