import { defineConfig } from 'vitest/config'

// Tests load the built bundle (test/support/global-setup.ts builds it), as Botpress runs it.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    // The helpdesk and Botpress stand-ins run on 127.0.0.1 over plain http: local use (src/runtime/network.ts).
    env: { HITL_ALLOW_LOCAL_NETWORK: '1' },
    hookTimeout: 60_000,
    pool: 'forks',
    // The integration logs every call; shown for failing tests only.
    silent: 'passed-only',
  },
})
