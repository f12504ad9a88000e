// Builds the deck the ways it gets hosted and serves each build the way such a
// host would (lib/serve.ts), all from one process (Slidev's PDF export uses a fixed
// port, so builds must not run side by side). Started by playwright.config.ts.
//
//   DECK_PORT       dist/ at /, as Netlify serves it: SPA rewrites, netlify.toml's headers
//   PAGES_PORT      dist/ at /, as GitHub Pages: unknown paths get 404.html with status 404, no headers
//   SUB_PAGES_PORT  the sub-path build at SUB_PATH, as GitHub Pages
//   SUB_SPA_PORT    the sub-path build at SUB_PATH, as Vercel: SPA rewrites, vercel.json's headers
import { tsx } from '../../lib/run'
import { serve } from '../../lib/serve'
import { DECK_PORT, PAGES_PORT, SUB_DECK_URL, SUB_DIST, SUB_PAGES_PORT, SUB_PATH, SUB_SPA_PORT } from './servers'

function build(args: string[], env: Record<string, string> = {}): void {
  if (!tsx('scripts/build.ts', args, { env }).ok)
    process.exit(1)
}

if (!process.env.SITES_SKIP_BUILD) {
  build([])
  build(['--base', SUB_PATH, '--out', SUB_DIST], { DECK_URL: SUB_DECK_URL })
}

await Promise.all([
  serve('dist', { port: DECK_PORT, fallback: 'spa', headers: 'netlify' }),
  serve('dist', { port: PAGES_PORT, fallback: '404.html' }),
  serve(SUB_DIST, { port: SUB_PAGES_PORT, base: SUB_PATH, fallback: '404.html' }),
  serve(SUB_DIST, { port: SUB_SPA_PORT, base: SUB_PATH, fallback: 'spa', headers: 'vercel' }),
])
console.log('serving 4 sites')
