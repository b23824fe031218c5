/** Removes secrets (credentials, tokens, signing secrets, Authorization values) from any text that leaves the runtime. */
export class Redactor {
  private secrets = new Set<string>()
  private pending?: () => Promise<void>
  private loading?: Promise<void>

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

  /**
   * Secrets the call may meet only in a failure (what registration kept, when nothing the call runs reads it): not
   * read from Botpress unless a text with a vendor's words in it is about to leave the call (`settled`).
   */
  learnLater(load: () => Promise<void>): void {
    this.pending = load
  }

  /**
   * This redactor once what was left for later is learnt (read once per call); when it cannot be read, one that
   * lets nothing of a text through, since what it should remove is unknown.
   */
  async settled(): Promise<Redactor> {
    if (this.pending) {
      this.loading = this.pending()
      this.pending = undefined
    }
    try {
      await this.loading
      return this
    } catch {
      return WITHHOLDING
    }
  }
}

/** What a text becomes when the call's secrets could not be read. */
const WITHHOLDING = new (class extends Redactor {
  redact(): string {
    return '(not shown: the secrets to remove from it could not be read)'
  }
})()
