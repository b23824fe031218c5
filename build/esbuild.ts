/**
 * What a bundle of the integration needs from esbuild, in one place for the official CLI (`bp build`, through the
 * definition's `__advanced.esbuild`) and for `npm run bundle` (scripts/build.ts):
 * - `virtual:providers`, the manifests this build carries (only the selected one in a build for one provider), each
 *   with its fast path as code (./fast-code.ts), packed and compiled when a call first selects it;
 * - src/manifest/schema-validator.ts replaced by the schema's validator as standalone code, made at build time, where
 *   a bundle validates manifests (the isolation workers'), and by a stub elsewhere;
 * - the libraries a call may never reach replaced by stubs where the build's manifests never reach them
 *   (unusedLibraries), else packed and compiled at their first use (librariesPlugin);
 * - in a build that takes pasted manifests, `virtual:isolation-worker`: the isolation workers' own bundle, as text
 *   (packed, unpacked when the first worker starts);
 * - `virtual:packed`, which reads every packed text back.
 */
import standaloneCode from 'ajv/dist/standalone'
import type { BuildOptions, Plugin, PluginBuild } from 'esbuild'
import { join } from 'node:path'
import { runInThisContext } from 'node:vm'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { Bundle } from '../src/botpress/providers'
import { loadValidated } from '../src/manifest/load'
import { patternsOf, writesRegex } from './patterns'
import { backtrackSafe } from '../src/manifest/expressions/safety'
import { ROOT } from './providers'
import { programOf } from './fast-code'
import { compiledWithExpressions, treesOf } from './trees'
import { manifestAjv } from '../src/manifest/schema-validator'
import { programDigest } from '../src/manifest/isolation/pool'
import schema from '../schemas/provider.schema.json'

export const VIRTUAL_PROVIDERS = 'virtual:providers'

/**
 * The CLI's own esbuild options (its utils/esbuild-utils.js; the format its `.cjs` output file implies), under which
 * `bp build` bundles: the definition's options (esbuildOptions) go over them, as they do in the CLI.
 */
export const CLI_DEFAULTS = {
  bundle: true,
  platform: 'node',
  target: 'es2020',
  format: 'cjs',
  legalComments: 'none',
  keepNames: true,
  logOverride: { 'equals-negative-zero': 'silent' },
} as const satisfies BuildOptions

/** The entry the CLI bundles (its bundle command's own code): the integration as `default`, and its `handler`. */
export const ENTRY_CODE = "import x from './src/index'; export default x; export const handler = x.handler;"

/**
 * The manifests a bundle carries: the selected one alone, with its places (it has no YAML parser to find them);
 * or all of them, without (a build that takes pasted manifests parses a text when a problem must be placed).
 */
export function carried(bundle: Bundle): Bundle {
  if (bundle.selected)
    return { ...bundle, providers: bundle.providers.filter((p) => p.manifest.id === bundle.selected) }
  return {
    ...bundle,
    providers: bundle.providers.map(({ places: _places, bases, ...p }) => ({
      ...p,
      ...(bases ? { bases: bases.map(({ places: _basePlaces, ...b }) => b) } : {}),
    })),
  }
}

/**
 * A large text a bundle carries (each manifest's JSON, the isolation workers' program, a library's code), as code:
 * a function whose body is a comment holding the text's deflated bytes in base64, unpacked when first asked for
 * (`virtual:packed` reads the function's source back). V8 reads every character of a bundle's code when it imports
 * it, string literals and the bodies of functions never called included: the manifests and the workers' program,
 * 1.4 MB of literals, cost about 10 ms of the every-provider build's import (147 against 137 ms, the tenth percentile
 * of 40 fresh processes each, alternating); the libraries it may never reach, 440 KiB of code, about 15 ms. Packed,
 * they are a third of their size; and a comment is read faster still than a string literal (700 KiB of base64: 1.6
 * ms of import CPU as a comment, 3.1 as a literal, 4.9 as a template literal; each beside an empty module). The
 * comment is a legal one (`/*!`), which esbuild keeps where it stands under `legalComments: 'inline'` (esbuildOptions);
 * base64 never holds the star and slash that would end it.
 */
function packed(text: string): string {
  return `function () {/*!${deflateRawSync(text, { level: 9 }).toString('base64')}*/}`
}

/** The packed texts of a built bundle, read back: what checks of a bundle's contents read (npm run cli-check). */
export function packedTexts(code: string): string[] {
  return [...code.matchAll(/\/\*!([A-Za-z0-9+/]*={0,2})\*\//g)].map((m) =>
    inflateRawSync(Buffer.from(m[1]!, 'base64')).toString()
  )
}

const VIRTUAL_PACKED = 'virtual:packed'

/**
 * `virtual:packed`, which reads packed texts back (see `packed`): `unpack(packed)`, the text; `compiled(packed,
 * filename)`, the exports of a packed CommonJS program (a library's own bundle), compiled then, under `filename` in
 * stack traces. The one module every bundle's packed texts are read by; the build runs it too (`deferredLibrary`). A
 * bundle built without its legal comments (another `legalComments` than esbuildOptions') has lost them: said so.
 */
const PACKED_CODE = `const { inflateRawSync } = require('node:zlib');
const { runInThisContext } = require('node:vm');
const unpack = (packed) => {
  const source = Function.prototype.toString.call(packed);
  const start = source.indexOf('/*!');
  if (start < 0) throw new Error('a packed text is missing from this bundle: it was built without its legal comments (build/esbuild.ts, packed)');
  return inflateRawSync(Buffer.from(source.slice(start + 3, source.lastIndexOf('*/')), 'base64')).toString();
};
const compiled = (packed, filename) => {
  const module = { exports: {} };
  runInThisContext(\`(function (module, exports, require) {\${unpack(packed)}\n})\`, { filename })(module, module.exports, require);
  return module.exports;
};
module.exports = { unpack, compiled };
`

/** `virtual:packed` (PACKED_CODE) in a bundle. */
function packedPlugin(): Plugin {
  return {
    name: 'packed',
    setup(b) {
      b.onResolve({ filter: /^virtual:packed$/ }, () => ({ path: VIRTUAL_PACKED, namespace: 'packed' }))
      b.onLoad({ filter: /.*/, namespace: 'packed' }, () => ({ contents: PACKED_CODE, loader: 'js' }))
    },
  }
}

/** PACKED_CODE's exports, in the build's own process. */
function packedHere(): { compiled: (packed: () => void, filename: string) => object } {
  const module = { exports: {} as ReturnType<typeof packedHere> }
  runInThisContext(`(function (module, exports, require) {${PACKED_CODE}\n})`)(module, module.exports, require)
  return module.exports
}

/**
 * `virtual:providers`: the manifests a bundle carries (CarriedSource: each its id, a JSON text of its own parsed
 * when a call first selects it, with its expressions' syntax trees, ./trees.ts, and a program of its fast path as
 * code, ./fast-code.ts, compiled then), and whether it is built for one provider. Made when esbuild first loads the
 * module: `bp lint` and `bp read` never do.
 */
export function providersPlugin(bundle: Bundle): Plugin {
  const source = carried(bundle)
  let contents: string | undefined
  // JSON text, for V8 reads a large JSON.parse faster than the same value written as code; packed (see `packed`),
  // and parsed when first asked for.
  const made = () =>
    (contents ??= [
      "import { compiled, unpack } from 'virtual:packed';",
      'const parsed = (packed) => { let value; return () => (value ??= JSON.parse(unpack(packed))) };',
      'const program = (packed, filename) => { let made; return () => (made ??= compiled(packed, filename)) };',
      'export const providers = [',
      ...source.providers.map((given) => {
        // Compiled once here; its expressions parsed here: a bundle's run time parses none of them.
        const compiled = compiledWithExpressions(given)
        const p = { ...given, trees: treesOf(given, compiled.expressions) }
        const id = JSON.stringify(p.manifest.id)
        const code = packed(programOf(p, compiled))
        const name = JSON.stringify(`fast path of ${p.manifest.id} (packed: build/fast-code.ts)`)
        return `  { id: ${id}, source: parsed(${packed(JSON.stringify(p))}), code: program(${code}, ${name}) },`
      }),
      '];',
      `export const selected = ${JSON.stringify(source.selected)};`,
      '',
    ].join('\n'))
  return {
    name: 'providers',
    setup(b) {
      b.onResolve({ filter: /^virtual:providers$/ }, () => ({ path: VIRTUAL_PROVIDERS, namespace: 'providers' }))
      b.onLoad({ filter: /.*/, namespace: 'providers' }, () => ({ contents: made(), loader: 'js' }))
    },
  }
}

/**
 * Replaces src/manifest/schema-validator.ts with the schema's validator as standalone code, made when first bundled;
 * or, in a bundle that never validates (`none`, which says why), with nothing: a build for one provider validated
 * its manifest at build time and takes no pasted one; the integration's bundle of a build that takes pasted ones
 * validates them in the isolation workers, whose own bundle carries the validator. About a seventh of a bundle.
 */
export function schemaValidatorPlugin(none?: string): Plugin {
  let contents: string | undefined = none
    ? `module.exports = { schemaValidator: () => { throw new Error(${JSON.stringify(none)}) } };\n`
    : undefined
  return {
    name: 'schema-validator',
    setup(b) {
      b.onResolve({ filter: /\/schema-validator$/ }, (args) => ({
        path: args.resolveDir,
        namespace: 'schema-validator',
      }))
      b.onLoad({ filter: /.*/, namespace: 'schema-validator' }, (args) => {
        if (contents === undefined) {
          const ajv = manifestAjv({ source: true })
          const code = standaloneCode(ajv, ajv.compile(schema))
          contents = `${code}\nconst validate = module.exports;\nmodule.exports = { schemaValidator: () => validate };\n`
        }
        return { contents, loader: 'js', resolveDir: args.path }
      })
    },
  }
}

/**
 * The libraries a build for one provider leaves out because its manifest never reaches them: html-to-text without an
 * HTML message (`html: true`) or `$htmlToText`, jose without a JWT verification, and the YAML parser (its manifest is
 * carried parsed, with its places). Every other build (every provider, pasted manifests) carries them all.
 */
export function unusedLibraries(bundle: Bundle): Library[] {
  if (!bundle.selected) return []
  const { providers } = carried(bundle)
  const written = providers.map((p) => JSON.stringify(p.manifest))
  const uses = (pattern: RegExp) => written.some((text) => pattern.test(text))
  // RE2 stays for a manifest with a pattern of any other shape, or a regular expression in an expression.
  const plans = providers.map((p) => loadValidated(p))
  const re2 = plans.some(writesRegex) || !providers.every((p) => patternsOf(p.manifest).every(backtrackSafe))
  return [
    ...(uses(/"html":true|\$htmlToText\b/) ? [] : ['html-to-text' as const]),
    ...(uses(/"type":"jwt"/) ? [] : ['jose' as const]),
    ...(re2 ? [] : ['re2js' as const]),
    // Never a YAML text to parse: its manifest's places come worked out from the build (build/places.ts).
    'yaml' as const,
  ]
}

/** A stub that exports `names`, each of which says the library is not in this build should a call reach it. */
function stubOf(library: string, names: string[], more = ''): string {
  const reached = `() => { throw new Error(${JSON.stringify(`${library} is not in this build: its manifest does not use it (build/esbuild.ts, unusedLibraries)`)}) }`
  return [`const reached = ${reached}`, ...names.map((n) => `export const ${n} = reached`), more].join('\n')
}

/** What takes each library's place when a build leaves it out: the names the runtime imports of it. */
const STUBS = {
  'html-to-text': () => stubOf('html-to-text', ['compile']),
  // jose's error classes are tested with instanceof where a verification fails.
  jose: () =>
    stubOf('jose', ['createLocalJWKSet', 'jwtVerify'], 'export const errors = new Proxy({}, { get: () => class {} })'),
  yaml: () =>
    stubOf(
      'yaml',
      ['parseDocument', 'isMap', 'isScalar', 'isSeq'],
      'export class LineCounter { constructor() { reached() } }'
    ),
  // Only a pattern RegExp cannot run in linear time would reach it (src/manifest/expressions/safety.ts, linearPattern).
  re2js: () => stubOf('re2js', [], 'export const RE2JS = { CASE_INSENSITIVE: 1, MULTILINE: 2, compile: reached }'),
} satisfies Record<string, () => string>

/** A library a build may leave out (unusedLibraries) or carry packed (DEFERRED). */
export type Library = keyof typeof STUBS
/**
 * A library a bundle may carry packed: one a build may leave out, or JSONata, which every build keeps (an expression
 * the fast path answers UNSURE for goes to it) but a call may never reach: the fast path answers most expressions,
 * and the build brings their syntax trees (build/trees.ts).
 */
type Deferred = Library | 'jsonata'

/**
 * The libraries a bundle may carry packed and compile at their first use (`deferredLibrary`): those a call may never
 * reach. The isolation workers keep the YAML parser as code (every load of a pasted manifest parses one) and never
 * reach jose (webhooks are verified on the integration's own thread).
 */
const DEFERRED = {
  integration: ['html-to-text', 'jose', 'jsonata', 're2js', 'yaml'],
  worker: ['html-to-text', 're2js'],
} as const satisfies Record<string, Deferred[]>

/**
 * How a bundle carries each library it may go without: replaced by its stub where the build leaves it out
 * (unusedLibraries), packed and compiled at its first use where it may be reached (`deferred`), as code otherwise.
 */
export function librariesPlugin({ unused, deferred }: { unused: Library[]; deferred: readonly Deferred[] }): Plugin {
  const handled = [...new Set([...unused, ...deferred])]
  // Names of letters and dashes: each matched as it is written (esbuild's filters are Go patterns).
  const filter = new RegExp(`^(?:${handled.join('|')})$`)
  return {
    name: 'libraries',
    setup(b) {
      if (!handled.length) return
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'library' }))
      b.onLoad({ filter: /.*/, namespace: 'library' }, async (args) => {
        const library = args.path as Deferred
        return {
          contents:
            isLibrary(library) && unused.includes(library)
              ? STUBS[library]()
              : await (deferredModules[library] ??= deferredLibrary(b.esbuild, library)),
          loader: 'js',
        }
      })
    },
  }
}

/**
 * Each library's packed module, made once a process: the integration's bundle and the isolation workers' (built within
 * it) carry html-to-text and RE2 alike, and the libraries in node_modules do not change while a build runs.
 */
const deferredModules: Partial<Record<Deferred, Promise<string>>> = {}
const isLibrary = (name: string): name is Library => Object.prototype.hasOwnProperty.call(STUBS, name)

/**
 * A library carried packed: its own bundle (minified, as the CLI bundles), compiled when the runtime first reads one
 * of its exports, or first calls it where the library is a function (JSONata). The build compiles it once itself, to
 * read what it exports, as the runtime will.
 */
async function deferredLibrary(esbuild: Pick<PluginBuild['esbuild'], 'build'>, library: Deferred): Promise<string> {
  const built = await esbuild.build({
    ...CLI_DEFAULTS,
    keepNames: false,
    minify: true,
    logLevel: 'warning',
    stdin: { contents: `module.exports = require(${JSON.stringify(library)})`, resolveDir: ROOT, loader: 'js' },
    write: false,
  })
  const code = packed(built.outputFiles[0]!.text)
  const filename = `${library} (packed: build/esbuild.ts, deferredLibrary)`
  const exported = packedHere().compiled(runInThisContext(`(${code})`), filename)
  const names = Object.keys(exported)
  return [
    "const { compiled } = require('virtual:packed');",
    'let library;',
    `const load = () => (library ??= compiled(${code}, ${JSON.stringify(filename)}));`,
    ...(typeof exported === 'function'
      ? ['module.exports = function (...args) { return load().apply(this, args) };']
      : []),
    `for (const name of ${JSON.stringify(names)})`,
    '  Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });',
    '',
  ].join('\n')
}

/**
 * The esbuild options of every bundle of the integration, over the CLI's own defaults. `keepNames: false`: the CLI
 * keeps names (for code that tells classes apart by `constructor.name` once minified, as `bp build` minifies),
 * and does it by renaming every function at run time, each declared at import and each closure made per call: a
 * fifth of this bundle's import beyond an empty integration's (bench/README.md). Nothing here reads a function's
 * name: our errors name themselves, JWT failures are told by their code.
 */
export function esbuildOptions(bundle: Bundle, { validates = false } = {}): Partial<BuildOptions> {
  return {
    keepNames: false,
    // The packed texts' comments kept (`packed`); the libraries' own legal comments with them (a few KiB).
    legalComments: 'inline',
    plugins: [
      providersPlugin(bundle),
      // `validates`: a bundle that loads manifests on its own thread (the bench's loader, measured as it loads one).
      schemaValidatorPlugin(
        validates
          ? undefined
          : bundle.selected
            ? 'a build for one provider validates no manifest at run time'
            : 'pasted manifests are validated in the isolation workers'
      ),
      librariesPlugin({ unused: unusedLibraries(bundle), deferred: DEFERRED.integration }),
      packedPlugin(),
      isolationWorkerPlugin(bundle),
    ],
  }
}

/**
 * The isolation workers' program (src/manifest/isolation/entry.ts) bundled alone and minified, with the schema's
 * validator as standalone code: what a worker compiles when it starts (about a quarter of the integration's bundle).
 * Made at each build (a watching build sees the sources as they are), by the esbuild that runs it (the CLI's, in
 * `bp build`).
 */
export function isolationWorkerCode(esbuild: Pick<PluginBuild['esbuild'], 'build'>, entry: string): Promise<string> {
  return esbuild
    .build({
      ...CLI_DEFAULTS,
      keepNames: false,
      // Its own packed libraries' comments kept (`packed`).
      legalComments: 'inline',
      minify: true,
      logLevel: 'warning',
      entryPoints: [entry],
      write: false,
      plugins: [schemaValidatorPlugin(), librariesPlugin({ unused: [], deferred: DEFERRED.worker }), packedPlugin()],
    })
    .then((r) => r.outputFiles[0]!.text)
}

/**
 * `virtual:isolation-worker`: the isolation workers' program as text (src/index.ts hands it to the pool); none in a
 * build for one provider, which takes no pasted manifest.
 */
export function isolationWorkerPlugin(bundle: Bundle): Plugin {
  return {
    name: 'isolation-worker',
    setup(b) {
      b.onResolve({ filter: /^virtual:isolation-worker$/ }, (args) => ({
        path: args.resolveDir,
        namespace: 'isolation-worker',
      }))
      b.onLoad({ filter: /.*/, namespace: 'isolation-worker' }, async (args) => {
        if (bundle.selected)
          return {
            contents: 'export const workerCode = undefined;\nexport const workerDigest = undefined;\n',
            loader: 'js',
          }
        const code = await isolationWorkerCode(b.esbuild, join(args.path, 'manifest', 'isolation', 'entry.ts'))
        return {
          // Packed (see `packed`), and unpacked when the first worker starts; its digest names what validated a
          // pasted manifest (src/manifest/load.ts, ValidatedStore).
          contents: `import { unpack } from 'virtual:packed';\nlet code;\nexport const workerCode = () => (code ??= unpack(${packed(code)}));\nexport const workerDigest = ${JSON.stringify(programDigest(code))};\n`,
          loader: 'js',
        }
      })
    },
  }
}
