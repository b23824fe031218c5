/**
 * "Did you mean …?": the known name nearest a misspelt one: the same but for case, a letter or two off (a swap of
 * two counts as one), or the start of a longer name (`prio` for `priority`).
 */
export function nearest(wrong: string, known: Iterable<string>): string | undefined {
  const w = wrong.toLowerCase()
  let best: { name: string; d: number } | undefined
  for (const name of known) {
    const n = name.toLowerCase()
    const d = w.length >= 3 && n.startsWith(w) ? 1 : distance(n, w)
    if (d <= (name.length >= 5 ? 2 : 1) && (!best || d < best.d)) best = { name, d }
  }
  return best?.name
}

/** " (did you mean 'x'?)", or nothing. */
export const didYouMean = (wrong: string, known: Iterable<string>) => {
  const near = nearest(wrong, known)
  return near ? ` (did you mean '${near}'?)` : ''
}

/** Edits from a to b: insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i ? (j ? 0 : i) : j))
  )
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  return d[a.length]![b.length]!
}
