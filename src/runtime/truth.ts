/** JSONata's idea of truth: nothing, null, false, 0, '' and [] are false. */
export function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(truthy)
  return v !== undefined && v !== null && v !== false && v !== 0 && v !== ''
}
