/**
 * Compiles a schema-valid manifest into its Plan, checking what the schema cannot:
 * every expression compiles, every name it reads is in scope where it stands
 * (configuration fields, stored state, captures of earlier steps), no secret goes into a URL,
 * and renames are valid, distinct Botpress names.
 */
import { Expression, ExpressionError, Template, type ExpressionOptions, type Reference } from './expressions'
import type { MatcherPlan, Pairs, Plan, StepPlan, Tree } from './plan'
import { formatPath, type ManifestPath, type Problem, type SourceMap } from './problems'
import {
  API_BASE_URL_FIELD,
  MESSAGE_TYPES,
  type Manifest,
  type Signature,
  type Step,
  type TemplateMap,
  type Timestamp,
} from './types'

/** Names every expression may read. */
const GLOBAL = ['config', 'state', 'env']
const WEBHOOK_REQUEST = ['rawBody', 'headers', 'query', 'method', 'url', 'path']
const BOTPRESS_NAME = /^[a-z][a-zA-Z0-9]{0,99}$/

type Scope = { names: Set<string> }

/**
 * `checked: false` is for a manifest already validated at build time (the bundled ones): no lint, and each
 * expression compiled on its first use, so loading it at run time costs next to nothing.
 */
export function compileManifest(
  manifest: Manifest,
  source: SourceMap,
  options: ExpressionOptions = {}
): { plan?: Plan; problems: Problem[] } {
  const c = new Compiler(manifest, source, { checked: options.checked ?? true, isolatedFor: options.isolatedFor })
  const plan = c.plan()
  c.checkRenames()
  return { plan: c.problems.length ? undefined : plan, problems: c.problems }
}

class Compiler {
  readonly problems: Problem[] = []
  private readonly configFields: Set<string>
  private readonly secretFields: string[]
  private readonly storedNames?: Set<string>

  constructor(
    private readonly m: Manifest,
    private readonly src: SourceMap,
    private readonly options: { checked: boolean; isolatedFor?: string }
  ) {
    this.configFields = new Set([...Object.keys(m.configuration ?? {}), API_BASE_URL_FIELD])
    this.secretFields = Object.entries(m.configuration ?? {})
      .filter(([, f]) => f.secret)
      .map(([k]) => k)
    const store = m.lifecycle?.register?.store
    if (store && typeof store === 'object' && !Array.isArray(store)) this.storedNames = new Set(Object.keys(store))
  }

  plan(): Plan {
    const m = this.m
    const g = scope(GLOBAL)
    const http = m.http
    const auth = http.auth
    const at = (...p: ManifestPath) => ['http', 'auth', ...p]
    const plan: Plan = {
      manifest: m,
      file: this.src.file,
      secretFields: this.secretFields,
      http: {
        baseUrl: this.template(http.baseUrl, ['http', 'baseUrl'], g),
        headers: this.pairs(http.headers, ['http', 'headers'], g),
        timeoutMs: http.timeoutMs ?? 15000,
        auth:
          auth.type === 'basic'
            ? {
                type: 'basic',
                username: this.template(auth.username, at('username'), g),
                password: this.template(auth.password, at('password'), g),
              }
            : auth.type === 'bearer'
              ? { type: 'bearer', token: this.template(auth.token, at('token'), g), scheme: auth.scheme ?? 'Bearer' }
              : auth.type === 'apiKey'
                ? { type: 'apiKey', in: auth.in, name: auth.name, value: this.template(auth.value, at('value'), g) }
                : auth.type === 'headers'
                  ? { type: 'headers', headers: this.pairs(auth.headers, at('headers'), g) }
                  : auth.type === 'oauth2ClientCredentials' || auth.type === 'oauth2RefreshToken'
                    ? {
                        type: 'oauth2',
                        grant: auth.type === 'oauth2ClientCredentials' ? 'client_credentials' : 'refresh_token',
                        tokenUrl: this.template(auth.tokenUrl, at('tokenUrl'), g),
                        clientId: this.template(auth.clientId, at('clientId'), g),
                        clientSecret: this.template(auth.clientSecret, at('clientSecret'), g),
                        scope:
                          'scope' in auth && auth.scope !== undefined
                            ? this.template(auth.scope, at('scope'), g)
                            : undefined,
                        refreshToken:
                          'refreshToken' in auth ? this.template(auth.refreshToken, at('refreshToken'), g) : undefined,
                        clientAuth: auth.clientAuth ?? 'body',
                        refreshOn: auth.refreshOn ?? [401],
                        expiryMarginSeconds: auth.expiryMarginSeconds ?? 60,
                        scheme: auth.scheme ?? 'Bearer',
                      }
                    : { type: 'none' },
        retry: {
          maxRetries: http.retry?.maxRetries ?? 3,
          statuses: http.retry?.statuses ?? [429, 500, 502, 503, 504],
          retryAfterHeaders: (http.retry?.retryAfterHeaders ?? ['retry-after']).map((h) => h.toLowerCase()),
          resetHeaders: (http.retry?.resetHeaders ?? ['x-ratelimit-reset']).map((h) => h.toLowerCase()),
          baseDelayMs: http.retry?.baseDelayMs ?? 250,
          maxDelayMs: http.retry?.maxDelayMs ?? 20000,
        },
        errorMessage:
          http.errorMessage === undefined
            ? undefined
            : this.expression(http.errorMessage, ['http', 'errorMessage'], scope(GLOBAL, ['response'])),
        closedWhen:
          http.closedWhen === undefined
            ? undefined
            : this.expression(http.closedWhen, ['http', 'closedWhen'], scope(GLOBAL, ['response'])),
      },
      createUser: this.action('createUser', ['input', 'user'], (s) => ({
        externalId: this.template(
          m.actions.createUser.result.externalId,
          ['actions', 'createUser', 'result', 'externalId'],
          s
        ),
        data: this.optionalTree(m.actions.createUser.result.data, ['actions', 'createUser', 'result', 'data'], s),
      })),
      startHitl: {
        history: { strategy: 'none', count: 10, botName: 'Bot', ...m.actions.startHitl.history },
        ...this.action('startHitl', ['input', 'user', 'transcript', 'history'], (s) => ({
          ticketId: this.template(
            m.actions.startHitl.result.ticketId,
            ['actions', 'startHitl', 'result', 'ticketId'],
            s
          ),
          data: this.optionalTree(m.actions.startHitl.result.data, ['actions', 'startHitl', 'result', 'data'], s),
        })),
      },
      stopHitl: this.action('stopHitl', ['session'], () => ({})),
      messages: {},
      webhook: this.webhook(),
      lifecycle: {},
    }
    for (const type of MESSAGE_TYPES) {
      const op = m.messages[type]
      if (!op) continue
      const s = scope(GLOBAL, ['message', 'author', 'user', 'session'])
      const steps = this.steps(op.steps, ['messages', type, 'steps'], s)
      plan.messages[type] = {
        steps,
        messageId:
          op.result?.messageId === undefined
            ? undefined
            : this.template(op.result.messageId, ['messages', type, 'result', 'messageId'], s),
      }
    }
    const reg = m.lifecycle?.register
    if (reg) {
      const s = scope(GLOBAL)
      const steps = this.steps(reg.steps, ['lifecycle', 'register', 'steps'], s)
      plan.lifecycle.register = { steps, store: this.optionalTree(reg.store, ['lifecycle', 'register', 'store'], s) }
    }
    const unreg = m.lifecycle?.unregister
    if (unreg)
      plan.lifecycle.unregister = {
        steps: this.steps(unreg.steps, ['lifecycle', 'unregister', 'steps'], scope(GLOBAL)),
      }
    return plan
  }

  private action<K extends 'createUser' | 'startHitl' | 'stopHitl', R>(
    name: K,
    names: string[],
    result: (s: Scope) => R
  ) {
    const s = scope(GLOBAL, names)
    const steps = this.steps(this.m.actions[name].steps, ['actions', name, 'steps'], s)
    return { steps, ...result(s) }
  }

  private webhook(): Plan['webhook'] {
    const w = this.m.webhook
    const v = w.verify
    const vs = scope(GLOBAL, WEBHOOK_REQUEST)
    const p = (...rest: ManifestPath) => ['webhook', 'verify', ...rest]
    const signature = (sig: { header: string; prefix?: string; pattern?: string; encoding: 'hex' | 'base64' }) => ({
      header: sig.header.toLowerCase(),
      prefix: sig.prefix,
      encoding: sig.encoding,
      pattern: sig.pattern === undefined ? undefined : new RegExp(sig.pattern, 'g'),
    })
    const timestamp = (t?: Timestamp) =>
      t && { header: t.header.toLowerCase(), format: t.format, toleranceSeconds: t.toleranceSeconds ?? 300 }
    /** What HMAC and RSA verification share: where the signature is, what is signed, the replay window. */
    const signed = (x: { signature: Signature; signedPayload?: string; timestamp?: Timestamp }) => ({
      signature: signature(x.signature),
      signedPayload: this.template(x.signedPayload ?? '{{ rawBody }}', p('signedPayload'), vs),
      timestamp: timestamp(x.timestamp),
    })
    const verify: Plan['webhook']['verify'] =
      v.type === 'hmac'
        ? { type: 'hmac', algorithm: v.algorithm, secret: this.template(v.secret, p('secret'), vs), ...signed(v) }
        : v.type === 'rsa'
          ? {
              type: 'rsa',
              algorithm: v.algorithm,
              publicKey: this.template(v.publicKey, p('publicKey'), vs),
              ...signed(v),
            }
          : v.type === 'token'
            ? {
                type: 'token',
                in: v.in,
                name: v.in === 'header' ? v.name.toLowerCase() : v.name,
                value: this.template(v.value, p('value'), vs),
              }
            : v.type === 'jwt'
              ? {
                  type: 'jwt',
                  header: v.header.toLowerCase(),
                  prefix: v.prefix,
                  jwksUrl: this.template(v.jwksUrl, p('jwksUrl'), vs),
                  algorithms: v.algorithms ?? ['RS256'],
                  issuer: v.issuer === undefined ? undefined : this.template(v.issuer, p('issuer'), vs),
                  audience: v.audience === undefined ? undefined : this.template(v.audience, p('audience'), vs),
                  clockToleranceSeconds: v.clockToleranceSeconds ?? 60,
                  maxAgeSeconds: v.maxAgeSeconds,
                }
              : { type: 'none' }
    const hs = scope(GLOBAL, [...WEBHOOK_REQUEST, 'body'])
    const es = scope(GLOBAL, ['body', 'headers', 'query'])
    return {
      verify,
      handshakes: (w.handshakes ?? []).map((h, i) => ({
        when: this.expression(h.when, ['webhook', 'handshakes', i, 'when'], hs),
        beforeVerify: h.beforeVerify ?? false,
        status: h.respond.status ?? 200,
        headers: this.pairs(h.respond.headers, ['webhook', 'handshakes', i, 'respond', 'headers'], hs),
        body:
          h.respond.body === undefined
            ? undefined
            : this.template(h.respond.body, ['webhook', 'handshakes', i, 'respond', 'body'], hs),
      })),
      format: w.format ?? 'auto',
      settleMs: (w.settleSeconds ?? 3) * 1000,
      events: w.events === undefined ? undefined : this.expression(w.events, ['webhook', 'events'], es),
      matchers: w.matchers.map((mt, i): MatcherPlan => {
        const base: ManifestPath = ['webhook', 'matchers', i]
        const ms = scope(GLOBAL, ['event', 'body', 'headers', 'query'])
        const when = this.expression(mt.when, [...base, 'when'], ms)
        const fetch = mt.fetch ? this.steps(mt.fetch, [...base, 'fetch'], ms) : []
        const x = (src: string | undefined, ...p: ManifestPath) =>
          src === undefined ? undefined : this.expression(src, [...base, ...p], ms)
        const where = () => this.where(base)
        return {
          name: mt.name,
          get where() {
            return where()
          },
          when,
          fetch,
          emit: mt.emit,
          ticketId: x(mt.ticketId, 'ticketId'),
          agent: mt.agent && {
            id: x(mt.agent.id, 'agent', 'id')!,
            name: x(mt.agent.name, 'agent', 'name'),
            pictureUrl: x(mt.agent.pictureUrl, 'agent', 'pictureUrl'),
            email: x(mt.agent.email, 'agent', 'email'),
          },
          message: mt.message && {
            id: x(mt.message.id, 'message', 'id')!,
            text: x(mt.message.text, 'message', 'text'),
            html: mt.message.html ?? false,
            attachments: x(mt.message.attachments, 'message', 'attachments'),
          },
        }
      }),
    }
  }

  /** Compiles steps in order; each step's captures come into scope for the steps after it (and for what follows the list). */
  private steps(steps: Step[], path: ManifestPath, s: Scope): StepPlan[] {
    return steps.map((step, i) => {
      const p = [...path, i]
      const when = step.when === undefined ? undefined : this.expression(step.when, [...p, 'when'], s)
      const forEach = step.forEach === undefined ? undefined : this.expression(step.forEach, [...p, 'forEach'], s)
      const inner = forEach ? scope([...s.names], ['item', 'index']) : s
      const r = step.request
      const rp = [...p, 'request']
      const where = () => this.where(p)
      const plan: StepPlan = {
        name: step.name,
        get where() {
          return where()
        },
        when,
        forEach,
        request: {
          method: r.method,
          path: this.template(r.path, [...rp, 'path'], inner, { url: true }),
          query: this.pairs(r.query, [...rp, 'query'], inner, { url: true }),
          headers: this.pairs(r.headers, [...rp, 'headers'], inner),
          body: r.body && this.body(r.body, [...rp, 'body'], inner),
        },
        accept: step.accept ?? [],
        retryOn: step.retryOn ?? [],
        idempotent: step.idempotent ?? false,
        capture: [],
      }
      const cs = scope([...inner.names], ['response', 'request'])
      for (const [name, src] of Object.entries(step.capture ?? {})) {
        plan.capture.push([name, this.expression(src, [...p, 'capture', name], cs)])
      }
      for (const name of Object.keys(step.capture ?? {})) s.names.add(name)
      return plan
    })
  }

  private body(body: NonNullable<Step['request']['body']>, path: ManifestPath, s: Scope): StepPlan['request']['body'] {
    if ('json' in body) return { kind: 'json', json: this.tree(body.json, [...path, 'json'], s) }
    if ('form' in body) return { kind: 'form', form: this.pairs(body.form, [...path, 'form'], s) }
    if ('multipart' in body) {
      const mp = [...path, 'multipart']
      return {
        kind: 'multipart',
        fields: this.pairs(body.multipart.fields, [...mp, 'fields'], s),
        files: (body.multipart.files ?? []).map((f, i) => ({
          field: f.field,
          url: this.template(f.url, [...mp, 'files', i, 'url'], s),
          fileName:
            f.fileName === undefined ? undefined : this.template(f.fileName, [...mp, 'files', i, 'fileName'], s),
          contentType:
            f.contentType === undefined
              ? undefined
              : this.template(f.contentType, [...mp, 'files', i, 'contentType'], s),
        })),
      }
    }
    const raw = body.raw
    const rp = [...path, 'raw']
    const t = (v: string | undefined, k: string) => (v === undefined ? undefined : this.template(v, [...rp, k], s))
    return {
      kind: 'raw',
      url: t(raw.url, 'url'),
      text: t(raw.text, 'text'),
      contentType: t(raw.contentType, 'contentType'),
    }
  }

  private pairs(map: TemplateMap | undefined, path: ManifestPath, s: Scope, options: { url?: boolean } = {}): Pairs {
    return Object.entries(map ?? {}).map(([k, v]) => [k, this.template(String(v), [...path, k], s, options)])
  }

  private optionalTree(value: unknown, path: ManifestPath, s: Scope): Tree | undefined {
    return value === undefined ? undefined : this.tree(value, path, s)
  }

  /** A JSON value whose strings are templates; keys whose whole template gives undefined are left out. */
  private tree(value: unknown, path: ManifestPath, s: Scope): Tree {
    if (typeof value === 'string') {
      const t = this.template(value, path, s)
      return { evaluate: (scope) => t.evaluate(scope) }
    }
    if (Array.isArray(value)) {
      const items = value.map((v, i) => this.tree(v, [...path, i], s))
      return {
        evaluate: async (scope) => {
          const out: unknown[] = []
          for (const item of items) {
            const v = await item.evaluate(scope)
            if (v !== undefined) out.push(v)
          }
          return out
        },
      }
    }
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).map(([k, v]) => [k, this.tree(v, [...path, k], s)] as const)
      return {
        evaluate: async (scope) => {
          const out: Record<string, unknown> = {}
          for (const [k, t] of entries) {
            const v = await t.evaluate(scope)
            if (v !== undefined) out[k] = v
          }
          return out
        },
      }
    }
    return { evaluate: async () => value }
  }

  private template(source: string, path: ManifestPath, s: Scope, options: { url?: boolean } = {}): Template {
    try {
      const t = new Template(source, this.options)
      t.locate(() => this.where(path))
      if (this.options.checked) this.checkReferences(t.references, path, s, options)
      return t
    } catch (err) {
      return this.failed(err, path, () => new Template(''))
    }
  }

  private expression(source: string, path: ManifestPath, s: Scope): Expression {
    try {
      const e = new Expression(source, this.options)
      e.locate(() => this.where(path))
      if (this.options.checked) this.checkReferences(e.references, path, s, {})
      return e
    } catch (err) {
      return this.failed(err, path, () => new Expression('null'))
    }
  }

  private failed<T>(err: unknown, path: ManifestPath, placeholder: () => T): T {
    if (!(err instanceof ExpressionError)) throw err
    this.problems.push(this.src.problem(path, err.message, { offset: err.position }))
    return placeholder()
  }

  private checkReferences(refs: Reference[], path: ManifestPath, s: Scope, options: { url?: boolean }) {
    for (const ref of refs) {
      if (!s.names.has(ref.root)) {
        const known = [...s.names].sort().join(', ')
        const hint = ref.root === 'undefined' ? ' (JSONata writes "nothing" as ())' : ''
        this.problems.push(
          this.src.problem(path, `unknown name '${ref.root}'${hint}: names here are ${known}`, { offset: ref.position })
        )
      } else if (ref.root === 'config' && ref.member !== undefined && !this.configFields.has(ref.member)) {
        const known = [...this.configFields].join(', ')
        this.problems.push(
          this.src.problem(path, `config.${ref.member} is not a configuration field (fields: ${known})`, {
            offset: ref.position,
          })
        )
      } else if (ref.root === 'config' && options.url && ref.member && this.secretFields.includes(ref.member)) {
        this.problems.push(
          this.src.problem(
            path,
            `secret config.${ref.member} must not go into a URL (use a header or the auth block)`,
            { offset: ref.position }
          )
        )
      } else if (
        ref.root === 'state' &&
        ref.member !== undefined &&
        this.storedNames &&
        !this.storedNames.has(ref.member)
      ) {
        const known = [...this.storedNames].join(', ')
        this.problems.push(
          this.src.problem(path, `state.${ref.member} is never stored (lifecycle.register.store has: ${known})`, {
            offset: ref.position,
          })
        )
      } else if (ref.root === 'state' && ref.member !== undefined && !this.storedNames) {
        this.problems.push(
          this.src.problem(path, `state.${ref.member} is never stored: lifecycle.register.store is missing`, {
            offset: ref.position,
          })
        )
      }
    }
  }

  checkRenames() {
    const d = this.m.definition
    if (!d || !this.options.checked) return
    const seen = new Map<string, string>()
    const check = (
      kind: string,
      original: string,
      rename: { name?: string } | undefined,
      others: string[],
      path: ManifestPath
    ) => {
      const name = rename?.name ?? original
      if (rename?.name !== undefined && !BOTPRESS_NAME.test(rename.name)) {
        this.problems.push(
          this.src.problem(
            [...path, 'name'],
            `'${rename.name}' is not a valid Botpress name (a lowercase letter, then letters and digits)`
          )
        )
      }
      const key = `${kind}:${name}`
      const clash =
        seen.get(key) ?? (rename?.name !== undefined && others.includes(name) && name !== original ? name : undefined)
      if (clash !== undefined)
        this.problems.push(this.src.problem([...path, 'name'], `${kind} name '${name}' is used twice`))
      seen.set(key, original)
    }
    const actions = ['createUser', 'startHitl', 'stopHitl'] as const
    for (const a of actions) check('action', a, d.actions?.[a], [...actions], ['definition', 'actions', a])
    const events = ['hitlAssigned', 'hitlStopped'] as const
    for (const e of events) check('event', e, d.events?.[e], [...events], ['definition', 'events', e])
    check('channel', 'hitl', d.channel, [], ['definition', 'channel'])
  }

  private where(path: ManifestPath): string {
    const { line, column } = this.src.locate(path)
    return `${this.src.file}:${line}:${column} ${formatPath(path)}`
  }
}

function scope(...lists: string[][]): Scope {
  return { names: new Set(lists.flat()) }
}
