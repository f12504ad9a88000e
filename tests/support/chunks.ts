// Which built files hold a heavy library's code, read from dist/.vite/chunks.json
// (written by vite.config.ts: each JS file's modules and imports). A library's
// files are the chunks holding its modules and whatever only they import; chunks
// the app needs anyway (Vue, Slidev) are not counted as the library's. Chunk names
// cannot tell this: Slidev's "modules/shiki" chunk holds Vue's runtime, no Shiki.
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { readChunkMap } from 'slidev-addon-audience/lib/chunk-map'

/** The libraries the issue names, by the source paths of their modules. */
export const LIBRARIES = {
  Mermaid: /\/mermaid\/dist\/|\/@mermaid-js\/|\/builtin\/Mermaid\.vue(\?|$)/,
  Shiki: /^\/(shiki|@shikijs\/(core|engine-[\w-]+|langs|themes|magic-move|monaco))\//,
  KaTeX: /^\/katex\/|\/builtin\/KaTexBlockWrapper\.vue(\?|$)/,
  Monaco: /^\/monaco-editor\/|\/builtin\/Monaco\.vue(\?|$)|\/setup\/monaco\.ts$/,
} as const
export type Library = keyof typeof LIBRARIES

/** Whether slide Markdown needs the library at run time. */
export const NEEDS: Record<Library, RegExp> = {
  Mermaid: /^```mermaid/m,
  // Code blocks are highlighted at build time; Shiki runs in the page only for these.
  Shiki: /^````?\w*\s*(\{monaco[\w-]*\}|magic-move)/m,
  KaTeX: /\$\$[\s\S]+?\$\$|(^|[^\\$\w])\$[^\s$][^$\n]*\$/m,
  Monaco: /^```\w*\s*\{monaco[\w-]*\}/m,
}

export { CHUNK_MAP } from 'slidev-addon-audience/lib/chunk-map'

/** dist-relative files (e.g. `assets/slidev/chunk-x.js`) holding each library's code. */
export function libraryFiles(dist: string): Record<Library, Set<string>> {
  const chunks = readChunkMap(dist)
  const reach = (starts: string[], stop: (file: string) => boolean) => {
    const seen = new Set<string>()
    const todo = [...starts]
    while (todo.length) {
      const file = todo.pop()!
      if (seen.has(file) || !chunks[file] || stop(file))
        continue
      seen.add(file)
      todo.push(...chunks[file].imports, ...chunks[file].dynamicImports)
    }
    return seen
  }
  // Code, not styles: Slidev always bundles Shiki's magic-move and twoslash CSS (3 KB).
  const isCode = (m: string) => !/\.(?:css|scss|postcss)(?:\?|$)/.test(m)
  const holds = (re: RegExp) => (file: string) => chunks[file].modules.some(m => isCode(m) && re.test(`/${m}`))
  const anyLibrary = (file: string) => Object.values(LIBRARIES).some(re => holds(re)(file))
  // What the app reaches without going through a library's chunks.
  const entries = Object.keys(chunks).filter(f => chunks[f].entry)
  const app = reach(entries, f => !entries.includes(f) && anyLibrary(f))
  const withCss = (files: Iterable<string>) => [...files].flatMap(f => [f, ...chunks[f].css])
  const appFiles = new Set(withCss(app))

  return Object.fromEntries(Object.entries(LIBRARIES).map(([name, re]) => {
    const roots = Object.keys(chunks).filter(holds(re))
    const own = withCss(reach(roots, () => false)).filter(f => roots.includes(f) || !appFiles.has(f))
    return [
      name,
      new Set(own),
    ]
  })) as Record<Library, Set<string>>
}

/**
 * What an offline precache of `dist` holds: the service worker's list when there
 * is one, else what Slidev's `pwa: true` would list (its Workbox globPatterns).
 */
export function precacheOrDist(dist: string, fromWorker: string[]): string[] {
  if (fromWorker.length)
    return fromWorker
  const glob = /\.(?:js|css|html|woff2?|ttf|png|jpe?g|svg|gif|webp|avif|ico|mp4|webm|ogv|mov|m4v|mp3|wav|ogg|oga|m4a|aac|flac|opus|weba)$/
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter(d => d.isFile() && glob.test(d.name))
    .map(d => relative(dist, join(d.parentPath, d.name)))
}

/** `/assets/modules/vue-CmzKxxDg.js` → `/assets/modules/vue.js`: the same chunk across builds. */
export function withoutHash(path: string): string {
  return path.replace(/-[\w-]{8}(\.(js|css|woff2?))$/, '$1')
}
