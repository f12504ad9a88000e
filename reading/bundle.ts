// Bundles the reading page's scripts (reading/page/, with the contract they share with
// the build) into one small classic script for a built site: prerendered.js, which every
// pre-rendered page loads in its <head>. esbuild: TypeScript in, one minified IIFE out.
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export const PAGE_SCRIPT = 'prerendered.js'

/** Writes the page's script to `outfile`. */
export async function bundlePageScript(outfile: string): Promise<void> {
  await build({
    entryPoints: [
      fileURLToPath(new URL('./page/main.ts', import.meta.url)),
    ],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    outfile,
    legalComments: 'none',
    logLevel: 'warning',
  })
}
