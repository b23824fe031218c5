/**
 * The schema documents the language for editors and for people who have never seen the code: every property, in
 * every alternative, has a title and a description (its own or its definition's).
 */
import { describe, expect, it } from 'vitest'
import schema from '../../schemas/provider.schema.json'

type Node = Record<string, any>
const definitions = (schema as Node).definitions as Record<string, Node>
const resolve = (n: Node): Node => (typeof n.$ref === 'string' ? (definitions[n.$ref.split('/').pop()!] ?? {}) : n)

function undocumented(node: Node, path: string, out: string[]) {
  for (const [name, property] of Object.entries<Node>(node.properties ?? {})) {
    const here = `${path}.${name}`
    if (!(property.title ?? resolve(property).title)) out.push(`${here}: no title`)
    if (!(property.description ?? resolve(property).description)) out.push(`${here}: no description`)
    undocumented(property, here, out)
  }
  for (const key of ['oneOf', 'anyOf', 'allOf'])
    (node[key] ?? []).forEach((alt: Node, i: number) => undocumented(alt, `${path}.${key}[${i}]`, out))
  for (const key of ['items', 'additionalProperties'])
    if (node[key] && typeof node[key] === 'object') undocumented(node[key], `${path}.${key}`, out)
}

describe('the schema documents itself', () => {
  it('gives every property a title and a description', () => {
    const out: string[] = []
    undocumented(schema as Node, '(root)', out)
    for (const [name, definition] of Object.entries(definitions)) undocumented(definition, `#/definitions/${name}`, out)
    expect(out).toEqual([])
  })
})
