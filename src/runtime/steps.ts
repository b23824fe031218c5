/** Runs a manifest's steps: conditions, repetition, requests built from templates, captures bound for later steps. */
import { widened, type Scope } from '../manifest/expressions'
import { noneLeft } from '../manifest/compile/reads'
import type { RequestPlan, StepPlan } from '../manifest/plan'
import type { HttpClient, HttpResponse, OutgoingRequest } from './http'
import { truthy } from './truth'

/** Runs the steps in order and returns the scope with every capture added. */
export async function runSteps(steps: StepPlan[], scope: Scope, http: HttpClient): Promise<Scope> {
  let current = scope
  for (const step of steps) {
    if (step.when && !truthy(await step.when.evaluate(current))) continue
    if (!step.forEach) {
      const request = await buildRequest(step, current, http)
      const response = await http.send(request)
      current = widened(current, await captures(step, widened(current, { response, request: sent(request) })))
      continue
    }
    const items = await step.forEach.evaluate(current)
    const list = items === undefined || items === null ? [] : Array.isArray(items) ? items : [items]
    const collected: Record<string, unknown[]> = Object.fromEntries(step.capture.map(([name]) => [name, []]))
    for (const [index, item] of list.entries()) {
      const inner = widened(current, { item, index })
      const request = await buildRequest(step, inner, http)
      const response = await http.send(request)
      for (const [name, value] of Object.entries(
        await captures(step, widened(inner, { response, request: sent(request) }))
      ))
        collected[name]!.push(value)
    }
    current = { ...current, ...collected }
  }
  return current
}

/** What a capture may read of the request it follows: no headers, so no credentials. */
function sent(r: OutgoingRequest) {
  return {
    method: r.method,
    path: r.path,
    query: Object.fromEntries(r.query),
    body:
      r.body?.kind === 'json' ? r.body.value : r.body?.kind === 'form' ? Object.fromEntries(r.body.value) : undefined,
  }
}

async function captures(step: StepPlan, scope: Scope): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  for (const [name, expression] of step.capture) out[name] = await expression.evaluate(scope)
  return out
}

/**
 * The fields of a step's plan used here or by runSteps (`where` by errors): a new one does not compile until it is
 * listed. A type, not a destructuring: reading `where` works out the step's place (a YAML parse, in a build that did
 * not bring its places), which a request that succeeds never needs.
 */
type Handled = 'name' | 'where' | 'when' | 'forEach' | 'capture' | 'request' | 'accept' | 'acceptWhen' | 'failWhen'
type Sent = 'retryOn' | 'idempotent' | 'timeoutMs'
noneLeft({} as Omit<StepPlan, Handled | Sent>)

async function buildRequest(step: StepPlan, scope: Scope, http: HttpClient): Promise<OutgoingRequest> {
  const { name, request: r, accept, acceptWhen, failWhen, retryOn, idempotent, timeoutMs } = step
  const request: OutgoingRequest = {
    step: name,
    method: r.method,
    host: r.host,
    path: (await r.path.text(scope)) ?? '',
    query: await pairs(r.query, scope),
    headers: await pairs(r.headers, scope),
    body: await body(r.body, scope, http),
    accept,
    retryOn,
    idempotent,
    timeoutMs,
  }
  // The step's conditions over the answer read it as its captures do.
  const answered = (response: HttpResponse) => widened(scope, { response, request: sent(request) })
  if (acceptWhen.length) {
    request.acceptWhen = async (response) => {
      for (const a of acceptWhen)
        if (a.status === response.status && truthy(await a.when.evaluate(answered(response)))) return true
      return false
    }
  }
  if (failWhen) request.failWhen = async (response) => truthy(await failWhen.evaluate(answered(response)))
  return request
}

async function pairs(list: RequestPlan['query'], scope: Scope): Promise<[string, string][]> {
  const out: [string, string][] = []
  for (const [k, t] of list) {
    const v = await t.evaluate(scope)
    if (v === undefined || v === null) continue
    if (Array.isArray(v)) for (const item of v) out.push([k, String(item)])
    else out.push([k, typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)])
  }
  return out
}

async function body(b: RequestPlan['body'], scope: Scope, http: HttpClient): Promise<OutgoingRequest['body']> {
  if (!b) return undefined
  switch (b.kind) {
    case 'json':
      return { kind: 'json', value: await b.json.evaluate(scope) }
    case 'form':
      return { kind: 'form', value: await pairs(b.form, scope) }
    case 'raw': {
      if (b.url) {
        const file = await http.download((await b.url.text(scope)) ?? '', messageUrls(scope))
        return { kind: 'bytes', value: file.bytes, contentType: (await b.contentType?.text(scope)) ?? file.contentType }
      }
      const text = (await b.text?.text(scope)) ?? ''
      return {
        kind: 'bytes',
        value: new TextEncoder().encode(text),
        contentType: (await b.contentType?.text(scope)) ?? 'text/plain',
      }
    }
    case 'multipart': {
      const form = new FormData()
      for (const [k, v] of await pairs(b.fields, scope)) form.append(k, v)
      for (const f of b.files) {
        const url = await f.url.text(scope)
        if (!url) continue
        const file = await http.download(url, messageUrls(scope))
        const type = (await f.contentType?.text(scope)) ?? file.contentType
        form.append(
          f.field,
          new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type }),
          (await f.fileName?.text(scope)) ?? file.fileName
        )
      }
      return { kind: 'multipart', value: form }
    }
  }
}

/** Every http(s) URL the message being sent carries (its file, image, or a bloc's items). */
function messageUrls(scope: Scope): string[] {
  const found: string[] = []
  const walk = (v: unknown, depth: number) => {
    if (typeof v === 'string') {
      if (/^https?:\/\//i.test(v)) found.push(v)
    } else if (v && typeof v === 'object' && depth < 6) for (const x of Object.values(v)) walk(x, depth + 1)
  }
  walk(scope.message, 0)
  return found
}
