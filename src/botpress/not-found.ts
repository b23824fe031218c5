/** Botpress' answer that a thing does not exist (a state never set), told apart from every other failure. */

export function isNotFound(err: unknown): boolean {
  const e = err as { code?: number; type?: string } | undefined
  return e?.code === 404 || e?.type === 'ResourceNotFound'
}

/** What `read` answers, or undefined when Botpress says there is no such thing (a state never set); other failures throw. */
export async function unlessMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read
  } catch (err) {
    if (isNotFound(err)) return undefined
    throw err
  }
}
