/**
 * A compiled JSON value whose strings are templates (a request's JSON body, what a result keeps): one small object
 * per node, its evaluation a method. No closure per node: a plan keeps thousands of them, and a closure costs a
 * context of its own, each.
 */
import type { Scope, Template } from '../expressions'
import type { Tree } from '../plan'

export class TemplateNode implements Tree {
  constructor(readonly template: Template) {}

  evaluate(scope: Scope): Promise<unknown> {
    return this.template.evaluate(scope)
  }
}

/** A list: its items' values, those that give nothing left out. */
export class ListNode implements Tree {
  constructor(readonly items: Tree[]) {}

  async evaluate(scope: Scope): Promise<unknown> {
    const out: unknown[] = []
    for (const item of this.items) {
      const v = await item.evaluate(scope)
      if (v !== undefined) out.push(v)
    }
    return out
  }
}

/** An object: its keys' values, keys whose value is nothing left out. */
export class ObjectNode implements Tree {
  constructor(readonly entries: [string, Tree][]) {}

  async evaluate(scope: Scope): Promise<unknown> {
    const out: Record<string, unknown> = {}
    for (const [k, t] of this.entries) {
      const v = await t.evaluate(scope)
      if (v !== undefined) out[k] = v
    }
    return out
  }
}

/** A number, a boolean or null, as written. */
export class LiteralNode implements Tree {
  constructor(readonly value: unknown) {}

  async evaluate(): Promise<unknown> {
    return this.value
  }
}
