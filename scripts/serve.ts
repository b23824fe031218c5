/**
 * npm run serve [-- --port 8080 --host 0.0.0.0]: serves the built integration (dist/index.js) over HTTP for
 * self-hosting, with the bounds of src/serve.ts. Botpress' runtime API is reached at BP_API_URL.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { maxBodyBytes, serve } from '../src/serve'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    bundle: { type: 'string' },
  },
})
const bundle = values.bundle ?? join(__dirname, '..', 'dist', 'index.js')
const integration = require(bundle).default as { handler: Parameters<typeof serve>[0] }
serve(integration.handler, { port: Number(values.port), host: values.host }).then((server) => {
  const { port } = server.address() as { port: number }
  console.log(`integration served on http://${values.host}:${port} (bodies up to ${maxBodyBytes()} bytes)`)
})
