/** Problems found in a manifest, each with file:line:column and the path inside the manifest. */
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
 * Maps manifest paths to places in the YAML source; the source is parsed when a place is first asked for. A manifest
 * written over another (`extends`) has that one's map `under` its own: a path its own text does not write is placed
 * where the manifest under it does.
 */
export class SourceMap {
  private parsed?: { doc: Document; lines: LineCounter }

  constructor(
    readonly file: string,
    private readonly text: string,
    parsed?: { doc: Document; lines: LineCounter },
    readonly under?: SourceMap
  ) {
    this.parsed = parsed
  }

  /** Length of the texts it maps (what a plan compiled from them is weighed by in the plan cache). */
  get size(): number {
    return this.text.length + (this.under?.size ?? 0)
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

  /**
   * Where a path of the language stands in a manifest written in the shape before inbound and events (webhook: …,
   * read by ./compat.ts): inbound.verify was webhook.verify, events.split was webhook.events, and so on.
   */
  private written(path: ManifestPath): ManifestPath {
    const root = this.doc.contents
    if (!isMap(root) || (path[0] !== 'inbound' && path[0] !== 'events') || root.has(path[0]) || !root.has('webhook'))
      return path
    const [, key, ...rest] = path
    if (key === undefined || key === 'type') return ['webhook']
    return ['webhook', path[0] === 'events' && key === 'split' ? 'events' : key, ...rest]
  }

  problem(path: ManifestPath, message: string, options?: { key?: boolean; offset?: number }): Problem {
    return { ...this.place(path, options), path: formatPath(path), message }
  }
}
