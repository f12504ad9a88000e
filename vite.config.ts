// Slidev merges this into its own Vite config. Everything here is about weight:
// what a phone downloads before the cover shows, and what dist/ (and so an
// offline precache of it) holds. README "Performance" has the figures.
import { createRequire } from 'node:module'
import { defineConfig } from 'vite'

const require = createRequire(import.meta.url)

export default defineConfig({
  resolve: {
    alias: [
      // Slidev points `vue` at the build that compiles templates in the browser;
      // every template here is compiled at build time, so the runtime-only build
      // does the same work without Vue's compiler (~33 KB gzip before the cover).
      { find: /^vue$/, replacement: require.resolve('vue/dist/vue.runtime.esm-bundler.js') },
      // Slidev's client needs one function of its parser's `core` entry, which
      // also brings a YAML parser (~10 KB gzip) along; `utils` has the same function.
      { find: /^@slidev\/parser\/core$/, replacement: require.resolve('@slidev/parser/utils') },
    ],
  },
})
