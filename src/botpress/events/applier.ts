/** What an applier is: given the call, (for a session's outcome) its session and whether it closed, and the outcome. */
import type { Emit } from '../../manifest/plan'
import type { Outcome } from '../../runtime/events'
import type { Call } from '../call'
import type { Closed } from '../session/close'
import type { Session } from '../session/settle'

export type Applier<E extends Emit> = E extends 'ignore'
  ? (call: Call, outcome: Extract<Outcome, { kind: E }>) => Promise<void>
  : (call: Call, session: Session, outcome: Extract<Outcome, { kind: E }>, closed: Closed | undefined) => Promise<void>
