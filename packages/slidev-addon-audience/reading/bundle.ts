import type { BuildOptions } from 'esbuild'
// Bundles the reading page's scripts (reading/page/, with the contract they share with
// the build) into one small classic script for a built site: prerendered.js, which every
// pre-rendered page loads in its <head>. esbuild: TypeScript in, one minified IIFE out.
// Beside it, live-page.js: the live follower (./live-page.ts, MQTT.js inside), an ES
// module that prerendered.js imports only in a live talk.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { LIVE_SCRIPT } from './contract'

const common: BuildOptions = {
  bundle: true,
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
  // MQTT.js's browser build, as Vite picks it for the slides.
  conditions: ['browser'],
  platform: 'browser',
}

/** Writes the page's script to `outfile`, and its live follower beside it. */
export async function bundlePageScript(outfile: string): Promise<void> {
  await build({
    ...common,
    entryPoints: [
      fileURLToPath(new URL('./page/main.ts', import.meta.url)),
    ],
    format: 'iife',
    outfile,
  })
  await build({
    ...common,
    entryPoints: [
      fileURLToPath(new URL('./live-page.ts', import.meta.url)),
    ],
    format: 'esm',
    outfile: join(dirname(outfile), LIVE_SCRIPT),
  })
}
