/** Provided by the build (build/esbuild.ts, for `bp build` and `npm run bundle`): the manifests the build carries, validated at build time. */
declare module 'virtual:providers' {
  /** Each with its fast path as code (build/fast-code.ts). */
  export const providers: import('./botpress/providers').CarriedSource[]
  /** HITL_PROVIDER at build time: build for this provider alone (renames applied). */
  export const selected: string | undefined
}

/** Provided by the build (build/esbuild.ts): src/manifest/isolation/entry.ts bundled alone, minified, as text (inflated when first asked for); none in a build for one provider (it takes no pasted manifest). */
declare module 'virtual:isolation-worker' {
  export const workerCode: (() => string) | undefined
  /** The SHA-256 of that program's code. */
  export const workerDigest: string | undefined
}
