/** What an expression is evaluated over: the names in scope where it stands. */
export type Scope = Record<string, unknown>

/**
 * A scope with more names (later ones win). Object.assign, not `{ ...scope, name }`: on Node 20's V8 a spread
 * followed by more properties costs about 1 µs per added name (6.5 µs for a webhook's six), Object.assign 0.1 µs
 * in all; scopes are widened several times per call (`npm run bench`, the webhook throughput).
 */
export function widened(scope: Scope, more: Scope): Scope {
  return Object.assign({}, scope, more)
}

/**
 * A name an expression reads from its scope: `input.hitlSession.prio` gives { root: 'input', member: 'hitlSession',
 * sub: 'prio' }, with where each starts in the source.
 */
export type Reference = {
  root: string
  member?: string
  sub?: string
  position: number
  memberPosition?: number
  subPosition?: number
}

/** The parts of JSONata's syntax tree this code reads (jsonata's own ExprNode type leaves most of them out). */
export type Node = {
  type?: string
  value?: unknown
  position?: number
  steps?: Node[]
  /** A step's stages: `[predicate]` filters (type filter, expr). */
  stages?: { type?: string; expr?: Node; position?: number }[]
  expressions?: Node[]
  arguments?: Node[]
  procedure?: Node
  /** An operand; for an object constructor (`{`), its key/value pairs. */
  lhs?: Node | [Node, Node][]
  rhs?: Node
  condition?: Node
  then?: Node
  else?: Node
  expression?: Node
  /** A lambda's body (`function($t){ body }`). */
  body?: Node
}

export const asNode = (ast: unknown) => ast as Node
/** The left operand of a binary node (never the pairs of an object constructor). */
export const left = (node: Node) => node.lhs as Node | undefined
