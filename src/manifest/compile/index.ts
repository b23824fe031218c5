/**
 * Compiles a schema-valid manifest into its Plan, checking what the schema cannot: every expression compiles, every
 * name it reads is in scope where it stands (configuration fields, stored state, captures of earlier steps), no
 * secret goes into a URL, and renames are valid, distinct Botpress names. Every problem is collected and placed.
 */
import type { ExpressionOptions } from '../expressions'
import type { Plan } from '../plan'
import type { Problem, SourceMap } from '../problems'
import { MESSAGE_TYPES, type Manifest } from '../types'
import { compileAuth } from '../kinds'
import { Compiler, scopeOf } from './compiler'
import { noneLeft } from './reads'
import { checkRenames } from './renames'
import { compileEvents } from './events'
import { compileInbound } from './inbound'

/**
 * `checked: false` is for a manifest already validated at build time (the bundled ones): no lint, and each
 * expression compiled on its first use, so loading it at run time costs next to nothing.
 */
export function compileManifest(
  manifest: Manifest,
  source: SourceMap,
  options: ExpressionOptions & { pasted?: boolean } = {}
): { plan?: Plan; problems: Problem[] } {
  const c = new Compiler(manifest, source, {
    checked: options.checked ?? true,
    isolatedFor: options.isolatedFor,
    trees: options.trees,
  })
  // The deployment's secrets are for the manifests reviewed here: a pasted one could send them anywhere it likes.
  if (options.pasted && Object.keys(manifest.secrets ?? {}).length)
    c.problems.push(
      source.problem(
        ['secrets'],
        "a pasted manifest cannot declare secrets (the deployment's): put its credentials in settings"
      )
    )
  const plan = compilePlan(c)
  checkRenames(c)
  if (c.options.checked) checkFieldPatterns(c)
  plan.notes.push(...c.notes)
  return { plan: c.problems.length ? undefined : plan, problems: c.problems }
}

function compilePlan(c: Compiler): Plan {
  const m = c.m
  const g = scopeOf()
  const http = m.http
  const plan: Plan = {
    manifest: m,
    file: c.src.file,
    size: c.src.size,
    bases: c.src.basesUnder(),
    notes: [],
    secretFields: c.secretFields,
    http: {
      // A URL like any path: no secret anywhere in it (host, path or query).
      baseUrl: c.template(http.baseUrl, ['http', 'baseUrl'], g, { url: true }),
      headers: c.pairs(http.headers, ['http', 'headers'], g),
      timeoutMs: http.timeoutMs ?? 15000,
      auth: compileAuth(http.auth, c),
      hosts: new Map(
        Object.entries(http.hosts ?? {}).map(([name, t]) => [
          name,
          c.template(t, ['http', 'hosts', name], g, { url: true }),
        ])
      ),
      fileHosts: (http.fileHosts ?? []).map((h, i) => c.template(h, ['http', 'fileHosts', i], g)),
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
          : c.expression(http.errorMessage, ['http', 'errorMessage'], scopeOf('errorResponse')),
      closedWhen:
        http.closedWhen === undefined
          ? undefined
          : c.expression(http.closedWhen, ['http', 'closedWhen'], scopeOf('errorResponse')),
    },
    createUser: c.action('createUser', (s) => ({
      externalId: c.template(
        m.actions.createUser.result.externalId,
        ['actions', 'createUser', 'result', 'externalId'],
        s
      ),
      data: c.optionalTree(m.actions.createUser.result.data, ['actions', 'createUser', 'result', 'data'], s),
    })),
    startHitl: {
      history: { strategy: 'none', count: 10, botName: 'Bot', ...m.actions.startHitl.history },
      ...c.action('startHitl', (s) => ({
        ticketId: c.template(m.actions.startHitl.result.ticketId, ['actions', 'startHitl', 'result', 'ticketId'], s),
        data: c.optionalTree(m.actions.startHitl.result.data, ['actions', 'startHitl', 'result', 'data'], s),
      })),
      linked: m.actions.startHitl.linked && {
        steps: c.steps(
          m.actions.startHitl.linked.steps,
          ['actions', 'startHitl', 'linked', 'steps'],
          scopeOf('linked')
        ),
      },
    },
    stopHitl: c.action('stopHitl', () => ({})),
    messages: {},
    inbound: compileInbound(c),
    events: compileEvents(c),
    lifecycle: {},
    doctor: {},
  }
  for (const type of MESSAGE_TYPES) {
    const op = m.messages[type]
    if (!op) continue
    const s = scopeOf('messages')
    const steps = c.steps(op.steps, ['messages', type, 'steps'], s)
    plan.messages[type] = {
      steps,
      messageId:
        op.result?.messageId === undefined
          ? undefined
          : c.template(op.result.messageId, ['messages', type, 'result', 'messageId'], s),
    }
  }
  const { register, unregister, ...rest } = m.lifecycle ?? {}
  noneLeft(rest)
  if (register) {
    const { generate, steps, store, ...unread } = register
    noneLeft(unread)
    const s = scopeOf('lifecycle')
    plan.lifecycle.register = {
      generate: Object.entries(generate ?? {}).map(([name, g]) => ({
        name,
        bytes: g.bytes ?? 32,
        encoding: g.encoding ?? 'hex',
      })),
      steps: c.steps(steps, ['lifecycle', 'register', 'steps'], s),
      store: c.optionalTree(store, ['lifecycle', 'register', 'store'], s),
    }
  }
  if (unregister)
    plan.lifecycle.unregister = {
      steps: c.steps(unregister.steps, ['lifecycle', 'unregister', 'steps'], scopeOf('lifecycle')),
    }
  const { credentials, webhooks, ...doctorRest } = m.doctor ?? {}
  noneLeft(doctorRest)
  if (credentials) plan.doctor.credentials = c.step(credentials, ['doctor', 'credentials'], scopeOf('lifecycle'))
  if (webhooks) {
    const { steps, urls, ...unread } = webhooks
    noneLeft(unread)
    const s = scopeOf('lifecycle')
    plan.doctor.webhooks = {
      steps: c.steps(steps, ['doctor', 'webhooks', 'steps'], s),
      urls: c.expression(urls, ['doctor', 'webhooks', 'urls'], s),
    }
  }
  return plan
}

/** Field patterns are checked on every call by RE2 (src/manifest/values.ts): one RE2 cannot run is refused here. */
function checkFieldPatterns(c: Compiler) {
  for (const section of ['configuration', 'hitlSession'] as const)
    for (const [name, field] of Object.entries(c.m[section] ?? {}))
      if (field.pattern !== undefined) c.linearRegex(field.pattern, [section, name, 'pattern'])
}
