/** npm run validate [files…]: checks every manifest under providers/ (or the given files); one line per problem. */
import { readFileSync } from 'node:fs'
import { basename, relative, resolve } from 'node:path'
import { hitlSessionSchema } from '../src/botpress/definition'
import { providerFiles } from '../build/providers'
import { loadManifest, ManifestError, type Plan } from '../src/manifest/load'
import { formatProblem } from '../src/manifest/problems'

export function validate(files: string[]): { plans: Plan[]; lines: string[]; notes: string[] } {
  const lines: string[] = []
  const notes: string[] = []
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
      notes.push(...plan.notes.map((n) => `${formatProblem(n)} (note)`))
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
  return { plans, lines, notes }
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
  console.log(`${plans.length} manifest${plans.length === 1 ? '' : 's'} valid (${where})`)
}
