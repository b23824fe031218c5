/** Provided by the build (scripts/build.ts) and by vitest: the manifests under providers/, read and validated at build time. */
declare module 'virtual:providers' {
  export const providers: import('./botpress/providers').ProviderSource[]
  /** HITL_PROVIDER at build time: build for this provider alone (renames applied). */
  export const selected: string | undefined
}
