/**
 * npm start [-- --provider <id>] [--connect] [--poll] [--port <first port>]: the playground (playground/playground.ts)
 * on 127.0.0.1. With --provider, a real helpdesk instead of the sandbox, configured from HITL_<FIELD> environment
 * variables; with --connect, the sandbox connected with "Connect with …" (OAuth authorization code); with --poll, the
 * sandbox's webhooks off and its events polled, woken every 2 s as a bot's recurring event would.
 */
import { parseArgs } from 'node:util'
import { envName, startPlayground } from './playground'

async function main() {
  const { values } = parseArgs({
    options: {
      provider: { type: 'string' },
      connect: { type: 'boolean' },
      poll: { type: 'boolean' },
      port: { type: 'string', default: '4100' },
    },
  })
  const playground = await startPlayground({
    provider: values.provider,
    connect: values.connect,
    poll: values.poll,
    port: Number(values.port),
  })
  // Since the process started: module loading, the build if one was needed, and every server.
  const seconds = (performance.now() / 1000).toFixed(1)
  console.log(`\nHITL playground ready in ${seconds} s\n`)
  console.log(`  end user (the bot's side):   ${playground.url}`)
  if (playground.connectUrl) console.log(`  connect the helpdesk first:  ${playground.connectUrl}`)
  if (playground.agentUrl) console.log(`  agent (sandbox helpdesk):    ${playground.agentUrl}`)
  else
    console.log(
      `  point ${values.provider}'s webhooks at: ${playground.webhookUrl}\n  (it must reach this machine: use a tunnel for a helpdesk on the internet)`
    )
  console.log(`  Botpress API stand-in:       ${process.env.BP_API_URL}\n\nCtrl+C stops it (and unregisters).`)
  const stop = () => {
    console.log('\nstopping: the integration unregisters from the helpdesk, then every server closes …')
    void playground.stop().then(() => {
      console.log('stopped.')
      process.exit(0)
    })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err) => {
  console.error(`playground: ${(err as Error).message}`)
  if (process.argv.includes('--provider'))
    console.error(`configuration fields are read from HITL_<FIELD> variables, e.g. apiToken → ${envName('apiToken')}`)
  process.exit(1)
})
