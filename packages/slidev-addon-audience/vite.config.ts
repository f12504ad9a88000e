import type { Plugin } from 'vite'
import { randomUUID } from 'node:crypto'
// Slidev merges this into its own Vite config. Four jobs, six plugins:
// - the QR code: DECK_URL, set at build time, is where the deck is hosted; the QR
//   code on the cover and the closing slide points there. It is drawn here, at
//   build time, by the `qrcode` library (no network). Without DECK_URL, none.
// - weight: what a phone downloads before the cover shows, and what dist/ (and so
//   the offline precache of it) holds: only the Mermaid diagrams the deck draws, and a
//   chunk map the budget tests read. README "Performance" has the figures.
// - the built pages' <head>: the Content-Security-Policy as a <meta> tag, one charset.
// - the handout PDF in the offline precache.
// It imports only lib/ and packages.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import process from 'node:process'
import QRCode from 'qrcode'
import { defineConfig } from 'vite'
import { CHUNK_MAP } from './lib/chunk-map.ts'
import { exportName } from './lib/deck-files.ts'
import { handoutFile } from './lib/handout.ts'
import { metaContentSecurityPolicy } from './lib/host-headers.ts'
import { checkDeckUrl } from './lib/options.ts'

const require = createRequire(import.meta.url)

// ----------------------------------------------------------------------------
// Mermaid ships ~40 diagram types, each a lazy chunk, plus KaTeX and extra
// layout engines. A build keeps the ones this deck's diagrams use and replaces
// the others with a stub that says why it is missing.

/** Mermaid's lazy chunks (by the name before their hash) each diagram keyword needs. */
const MERMAID_CHUNKS: Record<string, string[]> = {
  'flowchart': ['flowDiagram', 'dagre'],
  'graph': ['flowDiagram', 'dagre'],
  'sequenceDiagram': ['sequenceDiagram'],
  'classDiagram': ['classDiagram', 'classDiagram-v2', 'dagre'],
  'stateDiagram': ['stateDiagram', 'stateDiagram-v2', 'dagre'],
  'stateDiagram-v2': ['stateDiagram', 'stateDiagram-v2', 'dagre'],
  'erDiagram': ['erDiagram', 'dagre'],
  'gantt': ['ganttDiagram'],
  'pie': ['pieDiagram', 'pie'],
  'journey': ['journeyDiagram'],
  'timeline': ['timeline-definition'],
  'mindmap': ['mindmap-definition', 'cose-bilkent'],
  'gitGraph': ['gitGraphDiagram', 'gitGraph'],
  'quadrantChart': ['quadrantDiagram'],
}

/**
 * Every lazy chunk of Mermaid this build may leave out (the others always stay):
 * diagram types, their grammars, KaTeX, layout engines (dagre, and ELK, Mermaid 12's
 * default, which setup/mermaid.ts turns off), and `sizeCapture`, a
 * layout-debugging aid that only runs when `globalThis.mermaidCaptureSizes` is set.
 */
const OPTIONAL = /^(?:\w+Diagram(?:-v2)?|\w+-definition|diagram|katex|cose-bilkent|swimlanes|dagre|elk|bpmnIcons|info|packet|pie|treeView|architecture|gitGraph|eventmodeling|radar|railroad(?:-\w+)?|treemap|wardley|cynefin|sizeCapture)$/

/** The ```mermaid blocks of the deck: slides.md and every Markdown file in pages/. */
function deckDiagrams(root: string): string[] {
  const files = [
    join(root, 'slides.md'),
    ...(existsSync(join(root, 'pages'))
      ? readdirSync(join(root, 'pages'), { recursive: true })
      : [])
      .map(String)
      .filter(f => f.endsWith('.md'))
      .map(f => join(root, 'pages', f)),
  ]
  return files.flatMap(f => [
    ...readFileSync(f, 'utf8').matchAll(/```mermaid[^\n]*\n([\s\S]*?)```/g),
  ].map(m => m[1]))
}

/** The chunks to keep, or undefined (keep all) when a diagram's type is not in the table above. */
function mermaidChunksToKeep(diagrams: string[]): Set<string> | undefined {
  const keep = new Set<string>()
  for (const code of diagrams) {
    const keyword = code.replace(/^\s*(%%.*\n\s*)*/, '').split(/[\s;]/)[0]
    const chunks = MERMAID_CHUNKS[keyword]
    if (!chunks)
      return undefined
    chunks.forEach(c => keep.add(c))
    if (code.includes('$$'))
      keep.add('katex')
  }
  return keep
}

function onlyUsedMermaidDiagrams(): Plugin {
  let keep: Set<string> | undefined
  return {
    name: 'slidev-addon-audience:only-used-mermaid-diagrams',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      keep = mermaidChunksToKeep(deckDiagrams(config.root))
    },
    // Mermaid loads each of these with `import("./chunks/…/<name>-<hash>.mjs")`;
    // an unused one becomes a rejected promise, so no chunk is emitted for it.
    transform(code, id) {
      const kept = keep
      if (!kept || !/\/mermaid\/dist\/(?:mermaid\.esm\.mjs|chunks\/)/.test(id))
        return
      let changed = false
      const out = code.replace(/\bimport\(\s*"(\.[^"]+\.mjs)"\s*\)/g, (whole, source: string) => {
        const name = basename(source).replace(/\.mjs$/, '').replace(/(-[A-Z0-9]{8})+$/, '')
        if (!OPTIONAL.test(name) || kept.has(name))
          return whole
        changed = true
        const why = `Mermaid's "${name}" is left out of this build because no diagram in the deck uses it; add its diagram type to MERMAID_CHUNKS in slidev-addon-audience's vite.config.ts.`
        return `Promise.reject(new Error(${JSON.stringify(why)}))`
      })
      return changed
        ? { code: out, map: null }
        : undefined
    },
  }
}

// ----------------------------------------------------------------------------
// dist/.vite/chunks.json (CHUNK_MAP, read by lib/chunk-map.ts): for every built JS file, the modules in it (paths from
// node_modules/ or the project) and the files it imports. The budget tests read
// it to tell Mermaid's, Shiki's, KaTeX's and Monaco's code by its source, since
// chunk names cannot: Slidev's "modules/shiki" chunk holds Vue's runtime.
function chunkMap(): Plugin {
  return {
    name: 'slidev-addon-audience:chunk-map',
    apply: 'build',
    generateBundle(_options, bundle) {
      const short = (id: string) => id.replace(/^.*\/node_modules\//, '').replace(/^\0/, '').replace(`${process.cwd()}/`, '')
      const chunks = Object.fromEntries(Object.values(bundle).filter(c => c.type === 'chunk').map(c => [
        c.fileName,
        {
          entry: c.isEntry,
          modules: c.moduleIds.map(short),
          imports: c.imports,
          dynamicImports: c.dynamicImports,
          css: [
            ...c.viteMetadata?.importedCss ?? [],
          ],
        },
      ]))
      this.emitFile({
        type: 'asset',
        fileName: CHUNK_MAP,
        source: JSON.stringify(chunks),
      })
    },
  }
}

// ----------------------------------------------------------------------------
// Hosts that send no headers (GitHub Pages) still get the Content-Security-Policy:
// the built pages carry it as a <meta> tag, taken from netlify.toml (or the addon's default,
// lib/host-headers.ts), less the directives a <meta> tag cannot carry (frame-ancestors).
// Not in the dev server, whose module graph and hot reload the policy is not written for.
function contentSecurityPolicyMeta(): Plugin {
  let root = '.'
  return {
    name: 'slidev-addon-audience:csp-meta',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    async transformIndexHtml(html, ctx) {
      // Slidev's runner of `{monaco-run}` blocks evaluates the code it is given.
      const runsCode = Object.keys(ctx.bundle ?? {}).some(file => /(?:^|\/)CodeRunner-[\w-]+\.js$/.test(file))
      const content = await metaContentSecurityPolicy(root, html, runsCode)
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content },
          injectTo: 'head-prepend',
        },
      ]
    },
  }
}

// Slidev's index.html names its charset twice, as <meta charset> and as a
// <meta http-equiv="Content-Type">; a valid page has one. Every built page is this
// one (404.html a copy, the pre-rendered pages written from it).
function oneCharset(): Plugin {
  return {
    name: 'slidev-addon-audience:one-charset',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: html => html.replace(/<meta http-equiv="Content-Type"[^>]*>\n?/i, ''),
    },
  }
}

/** `virtual:deck-link` (typed in env.d.ts): the deck's address and its QR code, fixed at build time. */
function deckLinkModule(link: { url: string, svg: string }): Plugin {
  const id = 'virtual:deck-link'
  return {
    name: 'slidev-addon-audience:deck-link',
    resolveId: source => source === id
      ? `\0${id}`
      : undefined,
    load: loaded => loaded === `\0${id}`
      ? `export const deckUrl = ${JSON.stringify(link.url)}\nexport const qrSvg = ${JSON.stringify(link.svg)}\n`
      : undefined,
  }
}

// ----------------------------------------------------------------------------
// The handout PDF is printed from the built site after this build (scripts/handout.ts),
// so the offline precache cannot find it in dist/: name it here, with a revision new
// for every build, so a visit caches it and a new build replaces it.
function precacheHandout(): Plugin {
  let handout = ''
  return {
    name: 'slidev-addon-audience:precache-handout',
    apply: 'build',
    configResolved(config) {
      handout = handoutFile(exportName(config.root))
    },
    buildStart() {
      const pwa = this.environment.config.plugins.find(p => p.name === 'vite-plugin-pwa')
      const api = pwa?.api as { extendManifestEntries?: (fn: (entries: unknown[]) => unknown[]) => void } | undefined
      api?.extendManifestEntries?.(entries => [
        ...entries.filter(e => (e as { url?: string }).url !== handout),
        {
          url: handout,
          revision: randomUUID(),
        },
      ])
    },
  }
}

/** The deck's address and its QR code as SVG markup, both '' without DECK_URL. */
async function deckLink(): Promise<{ url: string, svg: string }> {
  const url = process.env.DECK_URL?.trim() ?? ''
  const problem = checkDeckUrl(url)
  if (problem)
    throw new Error(problem)
  if (!url)
    return { url, svg: '' }
  const drawn = await QRCode.toString(url, {
    type: 'svg',
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: '#000000', light: '#ffffff' },
  })
  // The component names the picture (role="img" with the address); the SVG itself is decoration.
  return {
    url,
    svg: drawn.replace('<svg ', '<svg aria-hidden="true" focusable="false" '),
  }
}

export default defineConfig(async () => {
  const link = await deckLink()
  return {
    resolve: {
      alias: [
        // Slidev points `vue` at the build that compiles templates in the browser;
        // every template here is compiled at build time, so the runtime-only build
        // does the same work without Vue's compiler (~33 KB gzip before the cover).
        {
          find: /^vue$/,
          replacement: require.resolve('vue/dist/vue.runtime.esm-bundler.js'),
        },
        // Slidev's client needs one function of its parser's `core` entry, which
        // also brings a YAML parser (~10 KB gzip) along; `utils` has the same function.
        {
          find: /^@slidev\/parser\/core$/,
          replacement: require.resolve('@slidev/parser/utils'),
        },
      ],
    },
    plugins: [
      deckLinkModule(link),
      onlyUsedMermaidDiagrams(),
      chunkMap(),
      contentSecurityPolicyMeta(),
      oneCharset(),
      precacheHandout(),
    ],
  }
})
