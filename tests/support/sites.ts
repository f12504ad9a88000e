// Builds the deck the ways it gets hosted and serves each build the way such a
// host would (lib/serve.ts), all from one process. Started by playwright.config.ts.
//
//   DECK_PORT       dist/ at /, as Netlify serves it: SPA rewrites, netlify.toml's headers
//   PAGES_PORT      dist/ at /, as GitHub Pages: unknown paths get 404.html with status 404, no headers
//   SUB_PAGES_PORT  the sub-path build at SUB_PATH, as GitHub Pages
//   SUB_SPA_PORT    the sub-path build at SUB_PATH, as Vercel: SPA rewrites, vercel.json's headers
//
// dist/ is `npm run build` with no DECK_URL (no QR code). The sub-path build is the GitHub
// Pages workflow's build step, run as written in a fresh copy of the project with the
// values configure-pages would give it for SUB_DECK_URL; its published folder becomes
// SUB_DIST, and SUB_BUILT_BY records the step (tests/deploy-config.spec.ts checks both).
//
// Slidev's starter deck (tests/support/starter.ts) is built with the addon's own build, as a
// deck that takes the addon builds itself, before the fixture decks, and served on STARTER_PORT.
//
// The fixture decks (FIXTURE_DECKS: the broken decks that prove the gates can fail, the
// plain reference deck) are built one after another while the two builds run, and served
// on their ports as Netlify serves a site.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { copyOfProject } from 'slidev-addon-audience/lib/project-copy'
import { runAsync, script, slidevAsync, tsxAsync } from 'slidev-addon-audience/lib/run'
import { serve } from 'slidev-addon-audience/lib/serve'
import { pagesBuild } from './hosts'
import { DECK_PORT, FIXTURE_DECKS, PAGES_PORT, STARTER_PORT, SUB_BUILT_BY, SUB_DIST, SUB_PAGES, SUB_PAGES_PORT, SUB_PATH, SUB_SPA_PORT } from './servers'
import { makeStarter, STARTER_DIR } from './starter'

/** How Netlify serves a site: unknown paths get index.html, and netlify.toml's headers. */
const AS_NETLIFY = { fallback: 'spa', headers: 'netlify' } as const

/**
 * The starter deck with the addon's build (no PDF download, so no export lock), then the
 * fixture decks, one at a time: each a plain `slidev build`.
 */
async function buildFixtures(): Promise<boolean> {
  makeStarter()
  if (!(await tsxAsync(script('build.ts'), [], { cwd: STARTER_DIR })).ok)
    return false
  for (const deck of FIXTURE_DECKS) {
    if (deck.made && !(await tsxAsync(deck.made, [])).ok)
      return false
    if (!(await slidevAsync([
      'build',
      join(deck.dir, 'slides.md'),
      '--out',
      'dist',
    ])).ok) {
      return false
    }
  }
  return true
}

// The two deck builds at once, the fixtures beside them: their PDF exports take turns
// (lib/run.ts), the rest overlaps.
if (!process.env.SITES_SKIP_BUILD) {
  const pages = pagesBuild(SUB_PAGES)
  const copy = copyOfProject('.', 'lp-pages-')
  try {
    const built = await Promise.all([
      tsxAsync(script('build.ts'), []),
      runAsync('sh', ['-c', pages.command], { cwd: copy, env: pages.env }),
      buildFixtures().then(ok => ({ ok })),
    ])
    if (built.some(b => !b.ok))
      process.exit(1)
    rmSync(SUB_DIST, { recursive: true, force: true })
    mkdirSync(dirname(SUB_DIST), { recursive: true })
    cpSync(join(copy, pages.published), SUB_DIST, { recursive: true })
    writeFileSync(SUB_BUILT_BY, `${JSON.stringify(pages, null, 2)}\n`)
  }
  finally {
    rmSync(copy, { recursive: true, force: true })
  }
}

// The fixtures first: the suite starts when DECK_PORT answers.
await Promise.all([
  ...FIXTURE_DECKS.map(deck => serve(join(deck.dir, 'dist'), { port: deck.port, ...AS_NETLIFY })),
  serve(join(STARTER_DIR, 'dist'), { port: STARTER_PORT, ...AS_NETLIFY, root: STARTER_DIR }),
])
await Promise.all([
  serve('dist', { port: DECK_PORT, ...AS_NETLIFY }),
  serve('dist', { port: PAGES_PORT, fallback: '404.html' }),
  serve(SUB_DIST, { port: SUB_PAGES_PORT, base: SUB_PATH, fallback: '404.html' }),
  serve(SUB_DIST, {
    port: SUB_SPA_PORT,
    base: SUB_PATH,
    fallback: 'spa',
    headers: 'vercel',
  }),
])
console.log(`serving 4 sites, the starter deck and ${FIXTURE_DECKS.length} fixture decks`)
