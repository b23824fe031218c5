/** npm run validate [files…]: checks every manifest under providers/ (or the given files); one line per problem. */
import { readFileSync } from 'node:fs'
import { basename, relative, resolve } from 'node:path'
import { article, hitlSessionSchema } from '../src/botpress/definition'
import { providerFiles } from '../build/providers'
import { loadManifest, ManifestError, type Plan } from '../src/manifest/load'
import { formatProblem, SourceMap } from '../src/manifest/problems'

export function validate(files: string[]): { plans: Plan[]; lines: string[]; notes: string[] } {
  const lines: string[] = []
  const notes: string[] = []
  const texts = new Map<Plan, string>()
  const plans: Plan[] = []
  const ids = new Map<string, string>()
  for (const path of files) {
    const file = relative(process.cwd(), path) || path
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (err) {
      lines.push(`${file}:1:1: (file): cannot read: ${(err as Error).message}`)
      continue
    }
    try {
      const plan = loadManifest(text, file)
      const id = plan.manifest.id
      const stem = basename(path).replace(/\.ya?ml$/, '')
      if (stem !== id) lines.push(`${file}:1:1: id: id '${id}' must match the file name (${stem}.yaml)`)
      if (ids.has(id)) lines.push(`${file}:1:1: id: id '${id}' is also used by ${ids.get(id)}`)
      ids.set(id, file)
      plans.push(plan)
      texts.set(plan, text)
      notes.push(...plan.notes.map((n) => `${formatProblem(n)} (note)`), ...todos(text, file))
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err
      lines.push(...err.problems.map(formatProblem))
    }
  }
  try {
    hitlSessionSchema(plans)
  } catch (err) {
    lines.push(`(providers): hitlSession: ${(err as Error).message}`)
  }
  lines.push(...sharedFieldTypes(plans, texts))
  return { plans, lines, notes }
}

/** The open questions a manifest still has (npm run new-provider writes them): each `# TODO` comment, placed. */
export function todos(text: string, file: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const at = line.search(/#\s*TODO\b/)
    return at < 0 ? [] : [`${file}:${i + 1}:${at + 1}: ${line.slice(at + 1).trim()} (to do)`]
  })
}

if (require.main === module) {
  const args = process.argv.slice(2)
  const files = args.length ? args.map((a) => resolve(a)) : providerFiles()
  const { plans, lines, notes } = validate(files)
  for (const line of [...lines, ...notes]) console.log(line)
  if (lines.length) {
    console.log(
      `${lines.length} problem${lines.length > 1 ? 's' : ''} in ${files.length} manifest${files.length > 1 ? 's' : ''}`
    )
    process.exit(1)
  }
  const where = args.length ? files.map((f) => relative(process.cwd(), f) || f).join(', ') : 'providers/'
  const open = notes.filter((n) => n.endsWith('(to do)')).length
  console.log(
    `${plans.length} manifest${plans.length === 1 ? '' : 's'} valid (${where})${open ? `, ${open} TODO${open > 1 ? 's' : ''} open` : ''}`
  )
}

/**
 * The build with every provider shares one type per startHitl extra field name: a manifest checked on its own is
 * checked against every bundled one too, and told, at the field's line, what to change.
 */
function sharedFieldTypes(plans: Plan[], texts: Map<Plan, string>): string[] {
  const checked = new Set(plans.map((p) => p.manifest.id))
  const bundled = providerFiles()
    .map((file) => {
      try {
        return loadManifest(readFileSync(file, 'utf8'), relative(process.cwd(), file))
      } catch {
        return undefined
      }
    })
    .filter((p): p is Plan => !!p && !checked.has(p.manifest.id))
  const lines: string[] = []
  for (const plan of plans) {
    for (const [name, field] of Object.entries(plan.manifest.hitlSession ?? {})) {
      const others = bundled.filter((b) => {
        const theirs = b.manifest.hitlSession?.[name]
        return theirs && theirs.type !== field.type
      })
      if (!others.length) continue
      const theirType = others[0]!.manifest.hitlSession![name]!.type
      const where = new SourceMap(plan.file, texts.get(plan) ?? '')
      lines.push(
        formatProblem(
          where.problem(
            ['hitlSession', name, 'type'],
            `is ${article(field.type)} here but ${article(theirType)} in ${others.map((o) => o.manifest.title).join(', ')}: the build with every provider shares one type per field name, so make it ${article(theirType)}, or give this field another name`
          )
        )
      )
    }
  }
  return lines
}
