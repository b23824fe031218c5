import { readBundle } from '../build/providers'
import { treesOf } from '../build/trees'
import { fastPath } from '../src/manifest/expressions/fast-path'
const { providers } = readBundle()
const counts = new Map<string, string[]>()
for (const p of providers) {
  const trees = treesOf(p as any)
  for (const [src, tree] of Object.entries(trees)) {
    if (!fastPath(tree as any)) {
      const l = counts.get(src) ?? []; l.push(p.manifest.id); counts.set(src, l)
    }
  }
}
for (const [s, ps] of [...counts].sort((a,b)=>b[1].length-a[1].length)) console.log(ps.length, JSON.stringify(s).slice(0,200), ps.slice(0,4).join(','))
