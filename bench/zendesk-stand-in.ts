/**
 * The helpdesk both sides of the benchmark talk to: a Zendesk-shaped stand-in (test/support/helpdesk) in its own
 * process, so its CPU is not counted as the client's. Prints its URL on stdout, then serves until killed.
 */
import { HelpdeskStandIn } from '../testkit/helpdesk'

const desk = new HelpdeskStandIn()
let id = 1000
desk
  .on('POST', '/api/v2/users/create_or_update.json', () => ({ body: { user: { id: 501, name: 'Ada' } } }))
  .on('POST', '/api/v2/tickets.json', () => ({ status: 201, body: { ticket: { id: 77, status: 'new' } } }))
  .on('PUT', '/api/v2/tickets/:id.json', () => ({
    body: { ticket: { id: 77 }, audit: { events: [{ type: 'Comment', id: ++id }] } },
  }))
  .on('POST', '/api/v2/uploads.json', () => ({ status: 201, body: { upload: { token: `tok-${++id}` } } }))
  // The ticket's newest comments, read back for an agent's reply (its files): one without files.
  .on('GET', '/api/v2/tickets/:id/comments.json', () => ({ body: { comments: [{ id: 1, attachments: [] }] } }))
// Keep memory flat over long runs: the benchmark never reads what was recorded.
setInterval(() => (desk.requests.length = 0), 1000).unref()
desk.start().then((url) => console.log(url))
