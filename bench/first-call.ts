/**
 * A bot's first hitl call in a fresh process: the integration bundle imported, then one createUser driven as Botpress
 * drives it (testkit's caller, API stand-in and the fixture's helpdesk stand-in, started before the clock).
 * `bundled`: Zendesk Messaging chosen in the configuration; `pasted`: the same manifest pasted as text, kept valid in
 * the bot's state by an earlier instance (its registration: here the same call, run before the clock in a process of
 * its own, `keep`, whose states this one starts with), so compiled from there; `unkept`: pasted, nothing kept, so
 * loaded in the isolation workers (YAML, schema, lint) first. Prints { importMs, callMs } as JSON (`keep`: the
 * states). npm run bench runs it five times a way: `tsx bench/first-call.ts <integration bundle> <way>` (the
 * isolation workers run the program the bundle carries, without tsx).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { configurationName } from '../src/botpress/names'
import { BotpressApiStandIn } from '../testkit/botpress-api'
import { BotpressCaller } from '../testkit/botpress-caller'
import { fill, loadFixtures } from '../testkit/fixture'
import { HelpdeskStandIn } from '../testkit/helpdesk'

/** A manifest with no deployment secrets (a pasted manifest may declare none), as the heap bench's. */
const PROVIDER = 'zendesk-messaging'

type Way = 'bundled' | 'pasted' | 'unkept' | 'keep'

async function main(bundleFile: string, way: Way) {
  process.env.HITL_ALLOW_LOCAL_NETWORK = '1'
  const api = new BotpressApiStandIn()
  process.env.BP_API_URL = await api.start()
  const helpdesk = new HelpdeskStandIn()
  await helpdesk.start()
  const f = fill(
    loadFixtures().find((x) => x.provider === PROVIDER)!,
    {
      files: helpdesk.filesUrl,
      storage: `${helpdesk.storageUrl}/_downloads`,
      webhookUrl: 'https://webhook.botpress.cloud/wh',
      helpdesk: helpdesk.url,
    }
  )
  helpdesk.answer(f.routes)
  const apiBaseUrl = `${helpdesk.url}${f.apiPath ?? ''}`
  const text = readFileSync(join(__dirname, '..', 'providers', `${PROVIDER}.yaml`), 'utf8')
  const [configuration, type] =
    way === 'bundled'
      ? [{ ...f.configuration, apiBaseUrl }, configurationName(PROVIDER)]
      : [{ manifest: text, settings: f.configuration, apiBaseUrl }, null]
  if (way === 'pasted') {
    const states = execFileSync(process.execPath, [...process.execArgv, __filename, bundleFile, 'keep'], {
      encoding: 'utf8',
    })
    for (const [key, value] of JSON.parse(states) as [string, never][]) api.states.set(key, value)
  }

  const start = performance.now()
  const integration = require(bundleFile).default
  const imported = performance.now()
  await new BotpressCaller(integration, api, configuration, type).action('createUser', f.createUser.input)
  const done = performance.now()
  console.log(
    JSON.stringify(way === 'keep' ? [...api.states] : { importMs: imported - start, callMs: done - imported })
  )
  await helpdesk.stop()
  await api.stop()
  process.exit(0)
}

const [bundleFile, way] = process.argv.slice(-2) as [string, Way]
main(bundleFile, way).catch((err) => {
  console.error(err)
  process.exit(1)
})
