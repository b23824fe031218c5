/** `definition:` renames, in a build for one provider: valid Botpress names, none used twice. */
import type { ManifestPath } from '../problems'
import type { Compiler } from './compiler'

const BOTPRESS_NAME = /^[a-z][a-zA-Z0-9]{0,99}$/

export function checkRenames(c: Compiler) {
  const d = c.m.definition
  if (!d || !c.options.checked) return
  const seen = new Map<string, string>()
  const check = (
    kind: string,
    original: string,
    rename: { name?: string } | undefined,
    others: string[],
    path: ManifestPath
  ) => {
    const name = rename?.name ?? original
    if (rename?.name !== undefined && !BOTPRESS_NAME.test(rename.name)) {
      c.problems.push(
        c.src.problem(
          [...path, 'name'],
          `'${rename.name}' is not a valid Botpress name (a lowercase letter, then letters and digits)`
        )
      )
    }
    const key = `${kind}:${name}`
    const clash =
      seen.get(key) ?? (rename?.name !== undefined && others.includes(name) && name !== original ? name : undefined)
    if (clash !== undefined) c.problems.push(c.src.problem([...path, 'name'], `${kind} name '${name}' is used twice`))
    seen.set(key, original)
  }
  const actions = ['createUser', 'startHitl', 'stopHitl'] as const
  for (const a of actions) check('action', a, d.actions?.[a], [...actions], ['definition', 'actions', a])
  const events = ['hitlAssigned', 'hitlStopped'] as const
  for (const e of events) check('event', e, d.events?.[e], [...events], ['definition', 'events', e])
  check('channel', 'hitl', d.channel, [], ['definition', 'channel'])
}
