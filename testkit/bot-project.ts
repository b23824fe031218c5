/**
 * A bot as a bot builder makes one with this integration and Botpress' HITL plugin, made with the official CLI
 * (../shared/tools/bp): the plugin (../shared/plugins/hitl, a writable copy, never this project's) gets its hitl
 * interface with `bp add` and is built with `bp build`; the bot gets both with `bp add` (this integration under the
 * alias the README gives it), its bot.definition.ts is the README's own snippet, and `bp build` bundles it. The
 * snippet is type-checked (tsc) against what `bp add` generated.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bp, ROOT } from '../scripts/bp-cli'

const SHARED = join(ROOT, '..', 'shared')
/** Where the README's bot definition starts: the ```ts block after this marker. */
export const SNIPPET_MARKER =
  '<!-- bot.definition.ts: built with the CLI and run with the real HITL plugin by test/botpress/hitl-plugin.test.ts -->'

/** The README's bot.definition.ts, as a bot builder copies it. */
export function readmeSnippet(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')): string {
  const at = readme.indexOf(SNIPPET_MARKER)
  if (at < 0) throw new Error(`README.md has no ${SNIPPET_MARKER}`)
  const block = readme.slice(at).match(/```ts\n([\s\S]*?)```/)
  if (!block) throw new Error('README.md: no ```ts block after the bot definition marker')
  return block[1]!
}

const TSCONFIG = {
  compilerOptions: {
    target: 'es2022',
    module: 'commonjs',
    moduleResolution: 'node',
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    baseUrl: '.',
    noEmit: true,
  },
  include: ['.botpress/**/*', 'src/**/*', '*.ts'],
}

function run(args: string[], cwd: string, what: string) {
  const r = bp(args, {}, cwd)
  if (r.status !== 0) throw new Error(`${what}: bp ${args.join(' ')} failed:\n${r.output}`)
}

/** A folder with this project's node_modules (one @botpress/sdk for all) and a tsconfig. */
function project(dir: string) {
  mkdirSync(dir, { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2))
}

export type BotProject = { dir: string; bundle: string; definition: string }

/** Makes the README's bot: its folder, and its bundle as `bp build` made it. */
export function makeBotProject(snippet = readmeSnippet()): BotProject {
  const root = mkdtempSync(join(tmpdir(), 'hitl-readme-bot-'))
  // The plugin, built as its own project would be.
  const plugin = join(root, 'hitl-plugin')
  cpSync(join(SHARED, 'plugins', 'hitl'), plugin, { recursive: true })
  spawnSync('chmod', ['-R', 'u+w', plugin])
  project(plugin)
  const iface = join(root, 'interface', 'hitl')
  cpSync(join(SHARED, 'interfaces', 'hitl'), iface, { recursive: true })
  spawnSync('chmod', ['-R', 'u+w', iface])
  symlinkSync(join(ROOT, 'node_modules'), join(iface, 'node_modules'))
  run(['add', iface, '--alias', 'hitl', '--confirm'], plugin, 'the plugin’s interface')
  run(['build'], plugin, 'the plugin')
  // The bot, as the README tells a bot builder to make it.
  const bot = join(root, 'bot')
  project(bot)
  writeFileSync(join(bot, 'package.json'), JSON.stringify({ name: 'readme-bot', version: '0.0.0' }, null, 2))
  run(['add', plugin, '--confirm'], bot, 'the plugin')
  run(['add', ROOT, '--alias', 'helpdesk-hitl', '--confirm'], bot, 'this integration')
  writeFileSync(join(bot, 'bot.definition.ts'), snippet)
  mkdirSync(join(bot, 'src'))
  writeFileSync(
    join(bot, 'src', 'index.ts'),
    "import * as bp from '.botpress'\n\nexport const bot = new bp.Bot({ actions: {} })\nexport default bot\n"
  )
  run(['build'], bot, 'the README bot')
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', bot], {
    encoding: 'utf8',
  })
  if (tsc.status !== 0)
    throw new Error(`the README's bot.definition.ts does not type-check:\n${tsc.stdout}${tsc.stderr}`)
  return { dir: bot, bundle: join(bot, '.botpress', 'dist', 'index.cjs'), definition: join(bot, 'bot.definition.ts') }
}
