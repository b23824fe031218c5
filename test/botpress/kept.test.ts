/**
 * What a call leaves in Botpress for later calls to read for free, and what it reads only when it must: a session's
 * data on its conversation's tag (small, no secret) or in state; registration's kept secrets learnt by the redactor
 * only when a failure is about to leave the call, and nothing of the vendor's words shown when they cannot be read.
 * (The whole path: test/sessions/zendesk.test.ts, test/hardening/secrets.test.ts, test/botpress/botpress-calls.test.ts.)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataTag, MAX_DATA_TAG } from '../../src/botpress/session/data'
import { loadManifest } from '../../src/manifest/load'
import { Redactor } from '../../src/runtime/redact'

const zendesk = loadManifest(
  readFileSync(join(__dirname, '..', '..', 'providers', 'zendesk.yaml'), 'utf8'),
  'providers/zendesk.yaml'
)

describe("a session's data on its conversation", () => {
  it('rides on the data tag when small and free of secrets, else stays in state', () => {
    expect(dataTag(zendesk, { botName: 'Bot' })).toEqual({ data: '{"botName":"Bot"}' })
    expect(dataTag(zendesk, undefined)).toEqual({})
    // Named as a secret (as Salesforce's session token is): state only, never a tag the dashboard shows.
    expect(dataTag(zendesk, { accessToken: 'x' })).toEqual({})
    expect(dataTag(zendesk, { note: 'x'.repeat(MAX_DATA_TAG) })).toEqual({})
    expect(dataTag(zendesk, { note: 'x'.repeat(MAX_DATA_TAG - 20) }).data).toHaveLength(MAX_DATA_TAG - 9)
  })
})

describe('secrets learnt later', () => {
  it('are read once, when a text is about to leave, and redact it then', async () => {
    const r = new Redactor()
    let reads = 0
    r.learnLater(async () => {
      reads++
      r.add('kept-SECRET-1')
    })
    expect(reads).toBe(0)
    expect((await r.settled()).redact('vendor said kept-SECRET-1')).toBe('vendor said ***')
    expect((await r.settled()).redact('kept-SECRET-1 again')).toBe('*** again')
    expect(reads).toBe(1)
  })

  it('show nothing of a text when they cannot be read', async () => {
    const r = new Redactor()
    r.learnLater(async () => {
      throw new Error('Botpress is down')
    })
    for (const _ of [1, 2]) expect((await r.settled()).redact('kept-SECRET-1')).not.toContain('kept-SECRET-1')
  })
})
