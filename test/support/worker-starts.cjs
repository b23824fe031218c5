/* global require, process */
// Preloaded into an integration server by tests (NODE_OPTIONS=--require): says on its output each worker thread the
// process starts and each job it sends one (its kind: a pasted manifest's load, an expression's evaluation), so a
// test can tell what an instance asked of its isolation workers.
const threads = require('node:worker_threads')

const { Worker } = threads
threads.Worker = class extends Worker {
  constructor(...args) {
    super(...args)
    process.stdout.write('worker thread started\n')
  }

  postMessage(message, ...rest) {
    if (message && typeof message.kind === 'string') process.stdout.write(`worker job ${message.kind}\n`)
    return super.postMessage(message, ...rest)
  }
}
