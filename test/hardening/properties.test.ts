/**
 * Property-based tests (fast-check): random and mutated manifests never crash the loader (a plan, or a
 * ManifestError whose every problem is placed), and random webhook requests never crash the handler (a 2xx or a
 * 4xx answer, never a 5xx or a throw).
 */
import fc from 'fast-check'
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import jsonata from 'jsonata'
import { Expression, Template } from '../../src/manifest/expressions'
import { programFor } from '../../build/fast-code'
import * as ops from '../../src/manifest/expressions/fast-ops'
import { fastPath, runFast, UNSURE, type BuiltCode, type Fast } from '../../src/manifest/expressions/fast-path'
import { withHelpers } from '../../src/manifest/expressions/functions'
import { loadManifest, ManifestError } from '../../src/manifest/load'
import { caller, useStandIns } from '../support/session'

const FIXTURES = join(__dirname, '..', 'fixtures', 'manifests')
const KITCHEN_SINK = readFileSync(join(FIXTURES, 'kitchen-sink.yaml'), 'utf8')
const TINY = readFileSync(join(FIXTURES, 'tiny-desk.yaml'), 'utf8')

/** Loads, and says how it ended; anything but a plan or a fully placed ManifestError fails the property. */
function outcome(text: string): 'plan' | 'refused' {
  try {
    loadManifest(text, 'providers/random.yaml')
    return 'plan'
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err
    expect(err.problems.length).toBeGreaterThan(0)
    for (const p of err.problems) {
      expect(p.file).toBe('providers/random.yaml')
      expect(p.line).toBeGreaterThanOrEqual(1)
      expect(p.column).toBeGreaterThanOrEqual(1)
      expect(p.message.length).toBeGreaterThan(0)
    }
    return 'refused'
  }
}

/** Every path (list of keys) in a parsed manifest. */
function paths(node: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!node || typeof node !== 'object') return [prefix]
  const entries = Array.isArray(node) ? node.map((v, i) => [i, v] as const) : Object.entries(node)
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))]
}

const jsonValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('{{ nosuch.name }}'),
  fc.constant('$count('),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string(), { maxKeys: 2 })
)

describe('the loader under random input', () => {
  it('places every problem of a mutated manifest, or compiles it', () => {
    const base = parse(KITCHEN_SINK)
    const all = paths(base).filter((p) => p.length > 0)
    const mutation = fc.record({
      path: fc.constantFrom(...all),
      kind: fc.constantFrom('delete', 'replace', 'add'),
      value: jsonValue,
      key: fc.string({ minLength: 1, maxLength: 8 }),
    })
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const m = structuredClone(base)
        for (const { path, kind, value, key } of mutations) {
          const parent = path.slice(0, -1).reduce<any>((n, k) => (n && typeof n === 'object' ? n[k] : undefined), m)
          if (!parent || typeof parent !== 'object') continue
          const last = path[path.length - 1]!
          if (kind === 'delete') {
            if (Array.isArray(parent)) parent.splice(Number(last), 1)
            else delete parent[last]
          } else if (kind === 'replace') parent[last] = value
          else if (!Array.isArray(parent)) parent[key] = value
        }
        outcome(stringify(m))
      }),
      { numRuns: 300 }
    )
  })

  it('refuses random text with placed problems, never a crash', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('', ':', '- -', '{', 'a: [', 'id: *x', '!!binary x', `${TINY.slice(0, 200)}\n  - broken`),
      fc.string({ unit: 'binary', maxLength: 100 })
    )
    fc.assert(
      fc.property(text, (t) => void outcome(t)),
      { numRuns: 300 }
    )
  })

  it('truncated manifests are refused at a place, never crash', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: KITCHEN_SINK.length - 1 }),
        (cut) => void outcome(KITCHEN_SINK.slice(0, cut))
      ),
      { numRuns: 200 }
    )
  })
})

/**
 * Evaluates `source` over `scope` as the runtime does and as `reference` (JSONata) does, and expects the same value,
 * or an error on both sides (its code aside); the runtime's expression, for what else the caller asks of it.
 */
async function agrees(
  source: string,
  scope: Record<string, unknown>,
  reference: (source: string) => jsonata.Expression
): Promise<Expression> {
  const outcome = (p: Promise<unknown>) =>
    p.then(
      (v) => JSON.stringify(v) ?? 'undefined',
      (e: Error & { code?: string }) => `error ${e.code ?? e.message}`
    )
  const want = await outcome(reference(source).evaluate(scope))
  const expression = new Expression(source)
  const got = await outcome(expression.evaluate(scope))
  expect(got.replace(/^error .*/, 'error'), `${source} over ${JSON.stringify(scope)}`).toBe(
    want.replace(/^error .*/, 'error')
  )
  // The code a build generates for it: made exactly where the closures are, and giving what they give (UNSURE
  // included), so JSONata's value wherever it is sure.
  const code = generated(source)
  expect(!!code, source).toBe(fastPath(Expression.syntaxTree(source)) !== null)
  if (code) {
    const value = shown(fastValue(code, scope))
    expect(value, `${source} as code, over ${JSON.stringify(scope)}`).toBe(shown(expression.fastValue(scope)))
    if (value !== 'UNSURE') expect(value, `${source} as code`).toBe(want)
  }
  return expression
}

/** The code a build generates for an expression (build/fast-code.ts), compiled as a bundle compiles it, if it has one. */
function generated(source: string): Fast | undefined {
  const module = { exports: undefined as unknown as BuiltCode }
  new Function('module', programFor({ expressions: [source] }))(module)
  return new Map(module.exports(ops).expressions).get(source)
}

/** A fast path's value, as an expression takes it (a throw: JSONata decides). */
function fastValue(f: Fast, scope: Record<string, unknown>): unknown {
  try {
    return runFast(f, scope)
  } catch {
    return UNSURE
  }
}

const shown = (v: unknown) => (v === UNSURE ? 'UNSURE' : (JSON.stringify(v) ?? 'undefined'))

/** Any JSON value (small lists and objects of keys `key`), with these texts and integers. */
function jsonData(key: fc.Arbitrary<string>, text: fc.Arbitrary<string>, integer: fc.Arbitrary<number>) {
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      integer,
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(key, tie('value'), { maxKeys: 3 })
    ),
  })).value
}

/** Scopes of lists of small objects whose fields often agree, so that a predicate keeps none, one or several. */
function smallLists(key: fc.Arbitrary<string>, small: fc.Arbitrary<unknown>) {
  const item = fc.oneof(
    { weight: 9, arbitrary: fc.dictionary(key, small, { minKeys: 1, maxKeys: 3 }) },
    { weight: 1, arbitrary: small }
  )
  return fc.dictionary(key, fc.oneof(fc.array(item, { maxLength: 4 }), item, fc.dictionary(key, small)), {
    maxKeys: 3,
  })
}

describe('plain paths, comparisons and filtered lists worked out without the JSONata evaluator', () => {
  it('give exactly what JSONata gives, for any data', async () => {
    const key = fc.constantFrom('a', 'b', 'c')
    const data = jsonData(key, fc.string(), fc.integer())
    const path = fc.array(key, { minLength: 1, maxLength: 4 }).map((ks) => ks.join('.'))
    const literal = fc.constantFrom("'x'", "''", '1', '0', '1.5', 'true', 'false', 'null')
    const numeric = fc.constantFrom("'12'", "'-1.5e3'", "' 7'", "'0x1'")
    const operand = fc.oneof(
      path,
      path.map((p) => `$string(${p})`),
      path.map((p) => `$number(${p})`),
      numeric.map((n) => `$number(${n})`),
      literal
    )
    const comparison = fc.tuple(operand, fc.constantFrom('=', '!='), operand).map(([a, op, b]) => `${a} ${op} ${b}`)
    const condition = fc.oneof(
      comparison,
      operand,
      fc
        .tuple(comparison, fc.constantFrom('and', 'or'), fc.oneof(comparison, operand))
        .map(([a, op, b]) => `(${a}) ${op} (${b})`)
    )
    const choice = fc
      .tuple(condition, operand, fc.option(operand))
      .map(([c, a, b]) => (b === null ? `(${c}) ? ${a}` : `(${c}) ? ${a} : ${b}`))
    const joined = fc.tuple(fc.oneof(operand, choice), fc.oneof(operand, choice)).map(([a, b]) => `(${a}) & (${b})`)
    const nothing = fc.constant('()')
    const object = fc
      .uniqueArray(fc.tuple(key, fc.oneof(operand, choice, nothing)), { selector: ([k]) => k, maxLength: 3 })
      .map((fields) => `{ ${fields.map(([k, v]) => `'${k}': ${v}`).join(', ')} }`)
    // $join of a list written out (a ticket's body from its parts), with or without a separator.
    const separator = fc.constantFrom('', ", '\\n\\n'", ", ','", ', a', ', $string(b)')
    const list = fc
      .tuple(fc.array(fc.oneof(operand, choice, nothing, joined), { maxLength: 4 }), separator)
      .map(([parts, sep]) => `$join([${parts.join(', ')}]${sep})`)
    // A value handed to a lambda written in place (the text, or a default when it is empty), as manifests write it.
    const body = fc.constantFrom(
      "$t ? $t : 'x'",
      "$t & 'y'",
      "$t = 'x'",
      '$string($t)',
      "$t ? $join([$t, a], ',') : ()",
      '$t.a',
      '$u'
    )
    const lambda = fc
      .tuple(fc.oneof(operand, list, joined, object), body)
      .map(([value, b]) => `(${value}) ~> function($t){ ${b} }`)
    // The item of a list whose field says so (`comments[$string(id) = $string($$.event.id)]`): a predicate over the
    // item, reading the scope through $$; and $$ paths on their own.
    const rooted = path.map((p) => `$$.${p}`)
    const itemOperand = fc.oneof(
      operand,
      rooted,
      rooted.map((p) => `$string(${p})`)
    )
    const predicate = fc.oneof(
      fc.tuple(itemOperand, fc.constantFrom('=', '!='), itemOperand).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc
        .tuple(itemOperand, fc.constantFrom('=', '!='), itemOperand, fc.constantFrom('and', 'or'), itemOperand)
        .map(([a, op, b, j, c]) => `(${a} ${op} ${b}) ${j} ${c}`),
      itemOperand,
      fc.constantFrom('0', '1', "'x'")
    )
    const filtered = fc.tuple(path, predicate).map(([p, q]) => `${p}[${q}]`)
    const expression = fc.oneof(
      operand,
      condition,
      choice,
      joined,
      object,
      list,
      lambda,
      condition.map((c) => `(${c}) ? () : 'x'`),
      rooted,
      filtered,
      filtered.map((f) => `$string(${f}.a)`),
      fc.tuple(filtered, path).map(([f, p]) => `(${f}) ~> function($t){ $t ? $t : ${p} }`)
    )
    const agree = async (source: string, scope: Record<string, unknown>) => void (await agrees(source, scope, jsonata))
    await fc.assert(fc.asyncProperty(expression, fc.dictionary(key, data, { maxKeys: 3 }), agree), { numRuns: 2000 })
    const small = fc.constantFrom<unknown>('x', 'x', 1, true, null, '1')
    const lists = smallLists(key, small)
    const field = fc
      .tuple(key, fc.constantFrom('=', '!='), fc.constantFrom("'x'", '1', 'true', "'1'", 'null', '$$.a'))
      .map(([k, op, v]) => `${k} ${op} ${v}`)
    const shortPath = fc.array(key, { minLength: 1, maxLength: 2 }).map((ks) => ks.join('.'))
    const made = fc
      .uniqueArray(
        fc.tuple(
          key,
          fc.oneof(
            key,
            key.map((k) => `$string(${k})`),
            fc.constant('$$.a')
          )
        ),
        {
          selector: ([k]) => k,
          maxLength: 3,
        }
      )
      .map((fields) => `{ ${fields.map(([k, v]) => `'${k}': ${v}`).join(', ')} }`)
    const found = fc.oneof(
      filtered,
      fc.tuple(shortPath, field).map(([p, q]) => `${p}[${q}]`),
      // Objects made of the items kept (an agent's files), or of every item.
      fc.tuple(shortPath, field, made).map(([p, q, o]) => `${p}[${q}].${o}`),
      fc.tuple(shortPath, made).map(([p, o]) => `${p}.${o}`)
    )
    await fc.assert(fc.asyncProperty(found, lists, agree), { numRuns: 3000 })
  })
})

describe('functions, lists and places worked out without the JSONata evaluator', () => {
  it('give exactly what JSONata gives (helpers included), for any data, and answer most of it themselves', async () => {
    const key = fc.constantFrom('a', 'b', 'c')
    // Texts with the characters these functions look at: spaces, '@', '<', lone surrogates, astral characters.
    const text = fc.oneof(
      fc.constantFrom('', ' ', 'x', 'X y', '  a \n\t b  ', 'a@b.c', '<b>&"\'', '\uD800', 'é😀', 'a/b:c', '1'),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 })
    )
    const data = jsonData(key, text, fc.integer({ min: -3, max: 3 }))
    const path = fc.array(key, { minLength: 1, maxLength: 3 }).map((ks) => ks.join('.'))
    const literal = fc.constantFrom(
      "'x'",
      "''",
      "' '",
      "'@'",
      "'a'",
      "'@b'",
      "'  a \\n b '",
      "'constructor'",
      '1',
      '0',
      '-1',
      'true',
      'null',
      '()'
    )
    const listed = fc
      .array(
        fc.oneof(
          path,
          literal,
          path.map((p) => `[${p}]`)
        ),
        { maxLength: 3 }
      )
      .map((items) => `[${items.join(', ')}]`)
    const value = fc.oneof({ weight: 2, arbitrary: path }, { weight: 2, arbitrary: literal }, listed)
    const ONE = [
      'string',
      'number',
      'exists',
      'not',
      'count',
      'length',
      'lowercase',
      'uppercase',
      'trim',
      'escapeHtml',
      'encodeUrl',
      'encodeUrlComponent',
      'join',
    ]
    const TWO = ['contains', 'substringBefore', 'substringAfter', 'join', 'append', 'lookup']
    const called = fc.oneof(
      fc.tuple(fc.constantFrom(...ONE), value).map(([f, v]) => `$${f}(${v})`),
      fc.tuple(fc.constantFrom(...TWO), value, value).map(([f, v, w]) => `$${f}(${v}, ${w})`)
    )
    const operand = fc.oneof(value, called)
    const compared = fc
      .tuple(operand, fc.constantFrom('<', '<=', '>', '>=', 'in', '=', '!='), operand)
      .map(([a, op, b]) => `${a} ${op} ${b}`)
    // $each with the lambda written in place (custom fields into a list of objects).
    const eachBody = fc.constantFrom(
      '$v',
      "{ 'id': $k, 'value': $v }",
      "{ 'id': $number($k), 'value': $v }",
      '$v ? $k : ()',
      '$count($v)',
      "$k & '=' & $string($v)"
    )
    const each = fc
      .tuple(fc.oneof(path, fc.constant("{ 'a': a, 'b': b }")), eachBody)
      .map(([o, body]) => `$each(${o}, function($v, $k){ ${body} })`)
    // Lists handed to a lambda written in place ("the list, or nothing when it is empty"), as manifests write it.
    const handed = fc
      .tuple(
        fc.oneof(
          listed,
          path,
          each.map((e) => `[${e}]`)
        ),
        fc.constantFrom('$count($f) ? $f : ()', '$f', '$exists($f)')
      )
      .map(([v, body]) => `(${v}) ~> function($f){ ${body} }`)
    // One item by its place: the first, the last, the first of those a predicate keeps; then a name from it.
    const place = fc.constantFrom('[0]', '[-1]', '[1]', "[a = 'x'][0]", '[b != 1][-1]', '[$exists(c)][0]')
    const placed = fc
      .tuple(path, place, fc.option(key, { nil: undefined }))
      .map(([p, at, k]) => `${p}${at}${k ? `.${k}` : ''}`)
    // Each function and construct on its own, so that each meets its edge cases (a mistake in one is found).
    const cases: fc.Arbitrary<string>[] = [
      ...ONE.map((f) => value.map((v) => `$${f}(${v})`)),
      ...TWO.map((f) => fc.tuple(value, value).map(([v, w]) => `$${f}(${v}, ${w})`)),
      compared,
      each,
      handed,
      placed,
      listed,
      fc.tuple(compared, operand).map(([c, v]) => `(${c}) ? ${v}`),
    ]
    const reference = (source: string) => withHelpers(jsonata(source))
    let answered = 0
    let asked = 0
    const agree = async (source: string, scope: Record<string, unknown>) => {
      const expression = await agrees(source, scope, reference)
      asked++
      if (expression.fastValue(scope) !== UNSURE) answered++
    }
    for (const expression of cases)
      await fc.assert(fc.asyncProperty(expression, fc.dictionary(key, data, { maxKeys: 3 }), agree), { numRuns: 300 })
    const lists = smallLists(key, fc.constantFrom<unknown>('x', 'x', 1, true, null, '1'))
    await fc.assert(fc.asyncProperty(placed, lists, agree), { numRuns: 2000 })
    // Not a test that passes by handing everything to JSONata: most of these the fast path answers itself.
    expect(answered / asked).toBeGreaterThan(0.5)
  })
})

describe('templates of several parts worked out as code a build generates', () => {
  it('give the text the template gives, or leave it to the parts one by one', async () => {
    const key = fc.constantFrom('a', 'b', 'c')
    const data = jsonData(key, fc.constantFrom('', 'x', 'é😀', '{{'), fc.integer({ min: -3, max: 3 }))
    const path = fc.array(key, { minLength: 1, maxLength: 2 }).map((ks) => ks.join('.'))
    const part = fc.oneof(
      path,
      path.map((p) => `$string(${p})`),
      path.map((p) => `${p} ? ${p} : 'none'`),
      fc.constantFrom("{ 'k': a }", '[a, b]', '()', 'a & b', "$join([a, b], ',')", 'a.b[c = 1]')
    )
    const text = fc.constantFrom('', 'Ticket ', ' / ', '\n', '"quoted"')
    const template = fc
      .array(fc.tuple(text, part), { minLength: 1, maxLength: 3 })
      .chain((parts) => text.map((end) => parts.map(([t, p]) => `${t}{{ ${p} }}`).join('') + end))
      .filter((source) => !/^\{\{[^}]*\}\}$/.test(source))
    let made = 0
    await fc.assert(
      fc.asyncProperty(template, fc.dictionary(key, data, { maxKeys: 3 }), async (source, scope) => {
        const module = { exports: undefined as unknown as BuiltCode }
        new Function('module', programFor({ templates: [source] }))(module)
        const code = new Map(module.exports(ops).templates ?? []).get(source)
        if (!code) return
        made++
        const value = shown(fastValue(code, scope))
        // What the template gives part by part (its fast value, private: the one the code replaces), and in the end.
        const template = new Template(source)
        const parts = shown((template as unknown as { fastValue(s: object): unknown }).fastValue(scope))
        expect(value, `${source} over ${JSON.stringify(scope)}`).toBe(parts)
        const outcome = await template.evaluate(scope).then(shown, () => 'error')
        if (value !== 'UNSURE') expect(value, source).toBe(outcome)
      }),
      { numRuns: 1500 }
    )
    // Not a test that passes by making no code: most of these templates have it.
    expect(made).toBeGreaterThan(750)
  })
})

const ctx = useStandIns()
const CLIENT_SECRET = 'prop-intercom-secret'
/** The Intercom provider, configured with CLIENT_SECRET, its API on the helpdesk stand-in. */
const intercomCaller = () =>
  caller(
    ctx,
    {
      accessToken: 'prop-token',
      clientSecret: CLIENT_SECRET,
      adminId: '1',
      region: 'us',
      apiBaseUrl: ctx.helpdesk.url,
    },
    'intercom'
  )

describe('the webhook handler under random requests', () => {
  const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v))
  const shaped = fc
    .record(
      {
        topic: fc.constantFrom(
          'conversation.admin.replied',
          'conversation.admin.closed',
          'conversation.admin.assigned',
          'ping',
          'x'
        ),
        data: fc.record(
          {
            item: fc.record(
              {
                id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
                conversation_parts: fc.anything({ maxDepth: 3 }),
              },
              { requiredKeys: [] }
            ),
          },
          { requiredKeys: [] }
        ),
      },
      { requiredKeys: [] }
    )
    .map((v) => JSON.stringify(v))
  const body = fc.oneof(json, shaped, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 }))
  const contentType = fc.constantFrom(
    'application/json',
    'application/x-www-form-urlencoded',
    'text/plain',
    'application/json; charset=utf-8'
  )

  it('answers signed random bodies with 2xx or 4xx (Intercom, HMAC-SHA1)', async () => {
    const bp = intercomCaller()
    await fc.assert(
      fc.asyncProperty(body, contentType, async (raw, type) => {
        const signature = `sha1=${createHmac('sha1', CLIENT_SECRET).update(raw).digest('hex')}`
        const res = await bp.webhook({ headers: { 'content-type': type, 'x-hub-signature': signature }, body: raw })
        expect(
          res.status < 300 || (res.status >= 400 && res.status < 500),
          `${res.status} for ${JSON.stringify(raw)}: ${JSON.stringify(res.body)}`
        ).toBe(true)
      }),
      { numRuns: 150 }
    )
  })

  it('answers unsigned or wrongly signed random requests with 401', async () => {
    const bp = intercomCaller()
    const headers = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 20 }).filter((k) => /^[a-z-]+$/.test(k) && k !== 'x-hub-signature'),
      fc.string({ maxLength: 40 }),
      { maxKeys: 4 }
    )
    await fc.assert(
      fc.asyncProperty(body, headers, fc.option(fc.string({ maxLength: 50 })), async (raw, extra, signature) => {
        const res = await bp.webhook({
          headers: {
            ...extra,
            'content-type': 'application/json',
            ...(signature === null ? {} : { 'x-hub-signature': signature }),
          },
          body: raw,
        })
        expect(res.status, JSON.stringify(res.body)).toBe(401)
      }),
      { numRuns: 150 }
    )
  })

  it('answers random requests to a pasted manifest with a shared token with 2xx or 4xx', async () => {
    const bp = caller(
      ctx,
      {
        manifest: TINY,
        settings: { clientId: 'c', clientSecret: 's', webhookToken: 'prop-hook-token' },
        apiBaseUrl: `${ctx.helpdesk.url}/api`,
      },
      null
    )
    const event = fc
      .record(
        {
          kind: fc.constantFrom('reply', 'other'),
          ticket: fc.oneof(fc.integer(), fc.string()),
          id: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
          text: fc.string(),
          agent: fc.anything({ maxDepth: 2 }),
        },
        { requiredKeys: [] }
      )
      .map((v) => JSON.stringify(v))
    await fc.assert(
      fc.asyncProperty(fc.oneof(event, body), fc.boolean(), async (raw, good) => {
        const res = await bp.webhook({
          headers: { 'content-type': 'application/json', 'x-tiny-token': good ? 'prop-hook-token' : 'nope' },
          body: raw,
        })
        if (!good) expect(res.status).toBe(401)
        else
          expect(
            res.status < 300 || (res.status >= 400 && res.status < 500),
            `${res.status} for ${raw}: ${JSON.stringify(res.body)}`
          ).toBe(true)
      }),
      { numRuns: 150 }
    )
  })
})
