/** A pasted manifest cannot hang or crash the integration: JSONata evaluation is bounded in time and depth. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Expression } from '../../src/manifest/expressions'
import { UNSURE } from '../../src/manifest/expressions/fast-path'
import { caller, useStandIns } from '../support/session'

const ctx = useStandIns()
const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'manifests', 'tiny-desk.yaml'), 'utf8')

describe('evaluation bounds', () => {
  it('stops deep recursion with a clear error', async () => {
    const e = new Expression('($f := function($n){ 1 + $f($n + 1) }; $f(0))')
    await expect(e.evaluate({})).rejects.toThrow(/recursed deeper than 200 levels/)
  })

  it('stops tail recursion (which JSONata runs without growing the stack) by time', async () => {
    const e = new Expression('($f := function($n){ $f($n + 1) }; $f(0))')
    await expect(e.evaluate({})).rejects.toThrow(/took longer than 1000 ms \(endless loop\?\)/)
  })

  it('stops an endless loop with a clear error', async () => {
    const e = new Expression(
      '($loop := function($n){ $n >= 0 ? $loop($n + 1) : 0 }; [1..1000] ~> $map(function($i){ $loop(0) }))'
    )
    await expect(e.evaluate({})).rejects.toThrow(/recursed deeper|took longer than 1000 ms/)
    const slow = new Expression('$sum([1..5000000] ~> $map(function($i){ $i * 2 }))')
    await expect(slow.evaluate({})).rejects.toThrow(/took longer than 1000 ms|sequence/)
  })

  it('hands JSONata (and its bounds) an expression whose fast path would walk a long payload inside itself', () => {
    // For every key of the event, the whole list again: quadratic in the payload, on the thread that serves every
    // tenant's calls, had the fast path no allowance of work (FAST_WORK).
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))
    const list = (n: number) => Array.from({ length: n }, (_, i) => i)
    const quadratic = new Expression('$count($each(event, function($v){ $v in list ? 1 : () }))')
    expect(quadratic.fastValue({ event: keys(10), list: list(10) })).toBe(10)
    expect(quadratic.fastValue({ event: keys(5000), list: list(5000) })).toBe(UNSURE)
    // Two long texts compared for every key: their characters count too.
    const rereading = new Expression('$count($each(event, function($v){ text = copy ? 1 : () }))')
    const texts = (n: number) => ({ text: 'x'.repeat(n), copy: 'x'.repeat(n) })
    expect(rereading.fastValue({ event: keys(10), ...texts(100) })).toBe(10)
    expect(rereading.fastValue({ event: keys(1000), ...texts(10_000) })).toBe(UNSURE)
    // Within the allowance (30 walks of 30,000 items), the fast path's, however often it is asked: each evaluation
    // has its own.
    for (let i = 0; i < 3; i++) expect(quadratic.fastValue({ event: keys(30), list: list(30_000) })).toBe(30)
  })

  it('turns a runaway expression in a pasted manifest into a RuntimeError that says where', async () => {
    ctx.helpdesk.on('POST', '/api/customers', () => ({ status: 201, body: { id: 'c1' } }))
    ctx.helpdesk.on('POST', '/api/oauth/token', () => ({ body: { access_token: 't', expires_in: 3600 } }))
    const manifest = BASE.replace(
      'capture: { customerId: response.body.id }',
      'capture: { customerId: "($f := function($n){ 1 + $f($n + 1) }; $f(0))" }'
    )
    const bp = caller(
      ctx,
      {
        manifest,
        settings: { clientId: 'a', clientSecret: 'b', webhookToken: 'c' },
        apiBaseUrl: `${ctx.helpdesk.url}/api`,
      },
      null
    )
    const err = await bp.action('createUser', { name: 'Ada' }).catch((e: Error) => e.message)
    // At the expression's own line and column: the plan keeps the pasted text packed, and unpacks it to say so.
    const lines = manifest.split('\n')
    const line = lines.findIndex((l) => l.includes('customerId: "($f')) + 1
    const column = lines[line - 1]!.indexOf('"($f') + 1
    expect(err).toContain(
      `<configuration: manifest>:${line}:${column} actions.createUser.steps[0].capture.customerId: expression failed: recursed deeper than 200 levels`
    )
  })
})
