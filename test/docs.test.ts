/** README's provider table and hub.md are generated from the manifests and must be up to date (npm run docs). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generated } from '../scripts/docs'

const root = join(__dirname, '..')

describe('generated documentation', () => {
  const { readme, hub } = generated()
  it('README.md lists every provider as the manifests say (run npm run docs)', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe(readme)
  })
  it('hub.md says what the manifests say (run npm run docs)', () => {
    expect(readFileSync(join(root, 'hub.md'), 'utf8')).toBe(hub)
  })
  it('README starts with the two commands of a fresh machine, and CI runs the same test command', () => {
    const lines = readFileSync(join(root, 'README.md'), 'utf8').split('\n').slice(0, 5).join('\n')
    expect(lines).toContain('`npm ci && npm start`')
    expect(lines).toContain('`npm ci && npm test`')
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts
    expect(scripts.start).toBe('tsx playground/start.ts')
    expect(
      readFileSync(join(root, '.ci', 'run'), 'utf8')
        .trim()
        .split('\n')
        .pop()
    ).toBe('npm test')
  })
})
