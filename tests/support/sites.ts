// Builds the deck the ways it gets hosted and serves each build the way such a
// host would (lib/serve.ts), all from one process. Started by playwright.config.ts.
//
//   DECK_PORT       dist/ at /, as Netlify serves it: SPA rewrites, netlify.toml's headers
//   PAGES_PORT      dist/ at /, as GitHub Pages: unknown paths get 404.html with status 404, no headers
//   SUB_PAGES_PORT  the sub-path build at SUB_PATH, as GitHub Pages
//   SUB_SPA_PORT    the sub-path build at SUB_PATH, as Vercel: SPA rewrites, vercel.json's headers
import process from 'node:process'
import { tsxAsync } from '../../lib/run'
import { serve } from '../../lib/serve'
import { DECK_PORT, PAGES_PORT, SUB_DECK_URL, SUB_DIST, SUB_PAGES_PORT, SUB_PATH, SUB_SPA_PORT } from './servers'

// Both at once: their PDF exports take turns (lib/run.ts), the rest overlaps.
if (!process.env.SITES_SKIP_BUILD) {
  const built = await Promise.all([
    tsxAsync('scripts/build.ts', []),
    tsxAsync('scripts/build.ts', ['--base', SUB_PATH, '--out', SUB_DIST], {
      env: { DECK_URL: SUB_DECK_URL },
    }),
  ])
  if (built.some(b => !b.ok))
    process.exit(1)
}

await Promise.all([
  serve('dist', { port: DECK_PORT, fallback: 'spa', headers: 'netlify' }),
  serve('dist', { port: PAGES_PORT, fallback: '404.html' }),
  serve(SUB_DIST, { port: SUB_PAGES_PORT, base: SUB_PATH, fallback: '404.html' }),
  serve(SUB_DIST, {
    port: SUB_SPA_PORT,
    base: SUB_PATH,
    fallback: 'spa',
    headers: 'vercel',
  }),
])
console.log('serving 4 sites')
