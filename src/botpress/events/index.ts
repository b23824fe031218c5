/**
 * What each outcome does in Botpress: one applier per kind of the language's event vocabulary (the schema's
 * matcher.emit), in a table the type checker holds to it. `ignore` touches no session; the others are applied to the
 * session of their ticket (../session/apply.ts finds it, keeps what comes early, and applies one at a time).
 */
import type { Emit } from '../../manifest/plan'
import type { Applier } from './applier'
import { assigned } from './assigned'
import { ignore } from './ignore'
import { message } from './message'
import { stopped } from './stopped'

export type { Applier }

export const APPLIERS: { [E in Emit]: Applier<E> } = { message, assigned, stopped, ignore }
