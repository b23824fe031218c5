/**
 * A manifest written over another (`extends`): the base's value with the manifest's own laid over it, and the texts
 * they came from, base first, so that a problem is placed in the file that wrote what it is about.
 */
import { dirname, join, resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import type { Places } from './problems'

/** A manifest's source: its file (as problems name it) and text; in a bundle, its places worked out at build time. */
export type Layer = { file: string; text: string; places?: Places }
/** Finds the manifest `id` of the folder `file` is in: its file and text, or undefined when there is none. */
export type BaseResolver = (id: string, file: string) => Layer | undefined

/** Most manifests one may be written over, one over another. */
export const MAX_LAYERS = 4

/**
 * `over` laid over `base`: objects field by field, anything else (lists, texts, numbers) replaced whole, `null`
 * removing the field. Neither is changed.
 */
export function overlay(base: unknown, over: unknown): unknown {
  if (!isRecord(base) || !isRecord(over)) return over
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k]
    else out[k] = Object.hasOwn(base, k) ? overlay(base[k], v) : v
  }
  return out
}

/**
 * The manifest `id` beside `file` on disk (providers/<id>.yaml next to providers/<this>.yaml), files named as `file`
 * is: relative to `root` (the working directory unless said), or absolute.
 */
export const besideOnDisk =
  (root = process.cwd()): BaseResolver =>
  (id, file) => {
    for (const ext of ['.yaml', '.yml']) {
      const path = join(dirname(file), `${id}${ext}`)
      try {
        return { file: path, text: readFileSync(resolve(root, path), 'utf8') }
      } catch {}
    }
    return undefined
  }

export function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v)
}
