/** The two kinds of computed values in a manifest: expressions (JSONata) and templates (text with `{{ }}` parts). */
export {
  EVALUATION_BOUNDS,
  Expression,
  ExpressionError,
  type ExpressionOptions,
  type Placer,
  type Trees,
  type Reference,
  type Scope,
} from './expression'
export { Template } from './template'
export { widened } from './ast'
export { after, soon, type Soon, type Steps } from './soon'
