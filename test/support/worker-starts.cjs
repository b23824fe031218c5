/* global require, process */
// Preloaded into an integration server by tests (NODE_OPTIONS=--require): says on its output each worker thread the
// process starts, so a test can tell whether an instance started an isolation worker.
const threads = require('node:worker_threads')

const { Worker } = threads
threads.Worker = class extends Worker {
  constructor(...args) {
    super(...args)
    process.stdout.write('worker thread started\n')
  }
}
