/** Problems found in a manifest, each with file:line:column and the path inside the manifest. */
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml'

export type ManifestPath = (string | number)[]

export type Problem = { file: string; line: number; column: number; path: string; message: string }

export function formatPath(path: ManifestPath): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += /^[A-Za-z_$][\w$]*$/.test(part) ? (out ? `.${part}` : part) : `[${JSON.stringify(part)}]`
  }
  return out || '(root)'
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.path}: ${p.message}`
}

export class ManifestError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.name = 'ManifestError'
  }
}

/**
 * Where each node of a text stands, by its path (formatPath): its start, its key's start (-1 for none), and what
 * it is (PLACE). Worked out at build time for the manifests a bundle carries (build/places.ts).
 */
export type Places = Record<string, [start: number, keyStart: number, flags: number]>
export const PLACE = { scalar: 1, quoted: 2, multiline: 4 } as const

/**
 * A text kept deflated: a pasted manifest's, which its plan keeps only to place a problem at run time (a failure),
 * about a seventh of its size as UTF-16 on the heap (16 KiB of YAML with a few non-ASCII characters: 33 KiB as a
 * string, 4 KiB packed).
 */
export class PackedText {
  private readonly bytes: Buffer
  readonly length: number

  constructor(text: string) {
    // Copied out of zlib's 16 KiB output chunk, which would be kept whole otherwise.
    this.bytes = Buffer.from(deflateRawSync(text))
    this.length = text.length
  }

  unpacked(): string {
    return inflateRawSync(this.bytes).toString('utf8')
  }
}

/**
 * Maps manifest paths to places in the YAML source: from the places a build worked out, or else by parsing the
 * source when a place is first asked for. A manifest written over another (`extends`) has that one's map `under` its
 * own: a path its own text does not write is placed where the manifest under it does.
 */
export class SourceMap {
  private parsed?: { doc: Document; lines: LineCounter }
  private lineStarts?: number[]

  constructor(
    readonly file: string,
    private readonly kept: string | PackedText,
    parsed?: { doc: Document; lines: LineCounter },
    readonly under?: SourceMap,
    private readonly places?: Places
  ) {
    this.parsed = parsed
  }

  /** The text it maps (unpacked when packed: only to place a problem, never on a call that succeeds). */
  private get text(): string {
    return typeof this.kept === 'string' ? this.kept : this.kept.unpacked()
  }

  /** Length of the texts it maps (what a plan compiled from them is weighed by in the plan cache). */
  get size(): number {
    return this.kept.length + (this.under?.size ?? 0)
  }

  /** Where `path` is written: this file, else the one under it that writes it, else this file's nearest parent. */
  place(
    path: ManifestPath,
    options: { key?: boolean; offset?: number } = {}
  ): { file: string; line: number; column: number } {
    if (this.under && !this.writes(path)) {
      for (let below: SourceMap | undefined = this.under; below; below = below.under)
        if (below.writes(path)) return { file: below.file, ...below.locate(path, options) }
    }
    return { file: this.file, ...this.locate(path, options) }
  }

  /** The files under this one (`extends`), nearest first: what a bundle keeps to place problems where they stand. */
  basesUnder(): { file: string; text: string }[] {
    return this.under ? [{ file: this.under.file, text: this.under.text }, ...this.under.basesUnder()] : []
  }

  /** Whether this text itself writes the value at `path`. */
  writes(path: ManifestPath): boolean {
    if (this.places) return formatPath(this.written(path)) in this.places
    return this.node(this.written(path)).whole
  }

  private node(path: ManifestPath): { node: unknown; pair?: Pair; whole: boolean } {
    let node: unknown = this.doc.contents
    let pair: Pair | undefined
    for (const part of path) {
      if (isMap(node)) {
        const found = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === part)
        if (!found) return { node, pair, whole: false }
        pair = found
        node = found.value
      } else if (isSeq(node) && typeof part === 'number' && node.items[part] !== undefined) {
        pair = undefined
        node = node.items[part]
      } else return { node, pair, whole: false }
    }
    return { node, pair, whole: true }
  }

  private get doc(): Document {
    return this.source().doc
  }

  private get lines(): LineCounter {
    return this.source().lines
  }

  private source() {
    if (!this.parsed) {
      const lines = new LineCounter()
      // prettyErrors: false, as when it was first loaded (pretty errors of a very deep text exhaust V8's memory).
      this.parsed = { doc: parseDocument(this.text, { lineCounter: lines, prettyErrors: false }), lines }
    }
    return this.parsed
  }

  /** Where the value at `path` starts (or its nearest existing parent); `key: true` points at the key instead. */
  locate(path: ManifestPath, options: { key?: boolean; offset?: number } = {}): { line: number; column: number } {
    if (this.places) return this.position(this.placed(this.written(path), options))
    const { node, pair } = this.node(this.written(path))
    let start = (node as Node | undefined)?.range?.[0] ?? 0
    if (options.key && pair && (pair.key as Node | undefined)?.range) start = (pair.key as Node).range![0]
    else if (options.offset !== undefined && isScalar(node) && !String(node.source ?? node.value).includes('\n')) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
      start += options.offset + (quoted ? 1 : 0)
    }
    const { line, col } = this.lines.linePos(start)
    return { line, column: col }
  }

  /** The offset `locate` means, from the build's places: the nearest written parent's, as the parse would say. */
  private placed(path: ManifestPath, options: { key?: boolean; offset?: number }): number {
    const places = this.places!
    let at = path.length
    while (at > 0 && !(formatPath(path.slice(0, at)) in places)) at--
    const [start, keyStart, flags] = places[formatPath(path.slice(0, at))] ?? [0, -1, 0]
    if (options.key && keyStart >= 0) return keyStart
    if (options.offset !== undefined && flags & PLACE.scalar && !(flags & PLACE.multiline))
      return start + options.offset + (flags & PLACE.quoted ? 1 : 0)
    return start
  }

  /** Line and column (1-based) of an offset in the text, as YAML's LineCounter says them. */
  private position(offset: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= [0, ...[...this.text.matchAll(/\n/g)].map((m) => m.index! + 1)])
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (starts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - starts[low]! + 1 }
  }

  /**
   * Where a path of the language stands in a manifest written in the shape before inbound and events (webhook: …,
   * read by ./compat.ts): inbound.verify was webhook.verify, events.split was webhook.events, and so on.
   */
  private written(path: ManifestPath): ManifestPath {
    if ((path[0] !== 'inbound' && path[0] !== 'events') || this.writesTop(path[0]) || !this.writesTop('webhook'))
      return path
    return oldShape(path)
  }

  /** Whether the text writes this key at its top. */
  private writesTop(key: string): boolean {
    if (this.places) return formatPath([key]) in this.places
    const root = this.doc.contents
    return isMap(root) && root.has(key)
  }

  problem(path: ManifestPath, message: string, options?: { key?: boolean; offset?: number }): Problem {
    return { ...this.place(path, options), path: formatPath(path), message }
  }
}

/** A language path as the shape before inbound and events wrote it (under webhook). */
function oldShape(path: ManifestPath): ManifestPath {
  const [, key, ...rest] = path
  if (key === undefined || key === 'type') return ['webhook']
  return ['webhook', path[0] === 'events' && key === 'split' ? 'events' : key, ...rest]
}
