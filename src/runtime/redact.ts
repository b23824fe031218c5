/** Removes secrets (credentials, tokens, signing secrets, Authorization values) from any text that leaves the runtime. */
export class Redactor {
  private secrets = new Set<string>()

  /** Adds a secret, and the forms it travels in (base64 of basic credentials is added by the caller). */
  add(value: unknown): void {
    if (typeof value !== 'string' || value.length < 4) return
    this.secrets.add(value)
    this.secrets.add(encodeURIComponent(value))
  }

  redact(text: string): string {
    let out = text
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(s)) out = out.split(s).join('***')
    }
    return out
  }
}
