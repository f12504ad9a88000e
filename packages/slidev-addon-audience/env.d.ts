// Types for what the build provides to the deck's own code (vite.config.ts).

declare module 'virtual:deck-link' {
  /** Where the deck is hosted (DECK_URL at build time), or '' when it was not set. */
  export const deckUrl: string
  /** The QR code of deckUrl as SVG markup, or ''. */
  export const qrSvg: string
}

// Slidev's client is published as TypeScript source, and its compile-time flags are
// declared only in Slidev's own repository; our components import its composables.
declare const __DEV__: boolean
declare const __SLIDEV_FEATURE_BROWSER_EXPORTER__: boolean
declare const __SLIDEV_FEATURE_DRAWINGS_PERSIST__: boolean
declare const __SLIDEV_FEATURE_DRAWINGS__: boolean
declare const __SLIDEV_FEATURE_EDITOR__: boolean
declare const __SLIDEV_FEATURE_PRESENTER__: boolean
declare const __SLIDEV_FEATURE_PRINT__: boolean
declare const __SLIDEV_FEATURE_PWA__: boolean
declare const __SLIDEV_FEATURE_RECORD__: boolean
declare const __SLIDEV_FEATURE_WAKE_LOCK__: boolean
declare const __SLIDEV_HASH_ROUTE__: boolean
declare const __SLIDEV_HAS_SERVER__: boolean
declare const __SLIDEV_MEMORY_ROUTE__: boolean

// Used by Slidev's client for its download button; the package ships no types.
declare module 'file-saver' {
  export function saveAs(data: Blob | string, filename?: string): void
}
