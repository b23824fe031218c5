/** Build-time only: the manifests under providers/, and the `virtual:providers` module that carries them into the bundle. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { loadManifest } from '../manifest/load'
import type { Bundle } from './providers'

/** The project root: beside src/ when run from source, else the working directory (the bp CLI bundles the definition elsewhere). */
export const ROOT = existsSync(join(resolve(__dirname, '..', '..'), 'providers')) ? resolve(__dirname, '..', '..') : process.cwd()
export const PROVIDERS_DIR = join(ROOT, 'providers')
export const VIRTUAL_PROVIDERS = 'virtual:providers'

export function providerFiles(dir = PROVIDERS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f))
}

/** Every manifest under providers/, validated in full (a ManifestError stops the build). */
export function readBundle(selected = process.env.HITL_PROVIDER || undefined, dir = PROVIDERS_DIR): Bundle {
  const providers = providerFiles(dir).map((path) => {
    const file = relative(ROOT, path)
    const text = readFileSync(path, 'utf8')
    return { file, text, manifest: loadManifest(text, file).manifest }
  })
  return { providers, selected }
}

/** Source of the virtual module. */
export function virtualProvidersModule(bundle: Bundle): string {
  return `export const providers = ${JSON.stringify(bundle.providers)};\nexport const selected = ${JSON.stringify(bundle.selected)};\n`
}
