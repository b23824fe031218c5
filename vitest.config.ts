import { defineConfig } from 'vitest/config'
import { readBundle, VIRTUAL_PROVIDERS, virtualProvidersModule } from './src/botpress/provider-files'

export default defineConfig({
  plugins: [
    {
      name: 'providers',
      resolveId: (id) => (id === VIRTUAL_PROVIDERS ? `\0${VIRTUAL_PROVIDERS}` : undefined),
      load: (id) => (id === `\0${VIRTUAL_PROVIDERS}` ? virtualProvidersModule(readBundle()) : undefined),
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
