/**
 * Build time only: the manifests a build carries. They are read from providers/ (or HITL_PROVIDERS_DIR, a folder of
 * your own), each validated in full; HITL_PROVIDER=<id> selects one of them for a build for that provider alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Bundle } from '../src/botpress/providers'
import { loadManifest } from '../src/manifest/load'
import { besideOnDisk } from '../src/manifest/overlay'
import { placesOf } from './places'

/**
 * The project root: beside build/ when run from source. When the bp CLI evaluates the definition it bundles it into
 * a module of its own (whose __dirname is not this folder), from the working directory (`bp build`, `bp deploy`)
 * or from a bot's folder naming this one (`bp add ../helpdesk-hitl`, `--workDir`): the first of those folders that
 * holds this integration.
 */
export const ROOT = projectRoot()

function projectRoot(): string {
  const isRoot = (dir: string) =>
    existsSync(join(dir, 'providers')) && existsSync(join(dir, 'integration.definition.ts'))
  const named = process.argv
    .slice(2)
    .flatMap((arg) => arg.split('='))
    .filter((arg) => arg && !arg.startsWith('-'))
    .map((arg) => resolve(arg))
  return [resolve(__dirname, '..'), process.cwd(), ...named].find(isRoot) ?? process.cwd()
}

/** Where a build reads its manifests: providers/, or HITL_PROVIDERS_DIR (relative to the working directory). */
export function providersDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HITL_PROVIDERS_DIR ? resolve(env.HITL_PROVIDERS_DIR) : join(ROOT, 'providers')
}

export function providerFiles(dir = providersDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f))
}

/** Every manifest of the folder, validated in full (a ManifestError stops the build). */
export function readBundle(selected = process.env.HITL_PROVIDER || undefined, dir = providersDir()): Bundle {
  // A manifest written over another (extends) finds it in the same folder, wherever the build runs from.
  const beside = besideOnDisk(ROOT)
  const providers = providerFiles(dir).map((path) => {
    const file = relative(ROOT, path)
    const text = readFileSync(path, 'utf8')
    const plan = loadManifest(text, file, { bases: beside })
    // Where each node stands, so the bundle places problems without a YAML parser (build/places.ts).
    const bases = plan.bases.map((b) => ({ ...b, places: placesOf(b.text) }))
    return { file, text, manifest: plan.manifest, places: placesOf(text), ...(bases.length ? { bases } : {}) }
  })
  const chosen = providers.find((p) => p.manifest.id === selected)
  if (selected && !chosen) {
    const known = providers.map((p) => p.manifest.id).join(', ')
    throw new Error(
      `HITL_PROVIDER=${selected}: no such provider in ${relative(ROOT, dir) || dir} (there are: ${known})`
    )
  }
  return { providers, selected }
}
