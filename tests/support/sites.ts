// Builds the deck the ways it gets hosted and serves each build the way such a
// host would, all from one process (Slidev's PDF export uses a fixed port, so
// builds must not run side by side). Started by playwright.config.ts.
//
//   DECK_PORT       dist/ at /, with SPA rewrites (Netlify, Vercel): unknown paths get index.html
//   PAGES_PORT      dist/ at /, GitHub Pages style: unknown paths get 404.html with status 404
//   SUB_PAGES_PORT  the sub-path build at SUB_PATH, GitHub Pages style
//   SUB_SPA_PORT    the sub-path build at SUB_PATH, with SPA rewrites
import { execFileSync } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { createServer, type RequestListener } from 'node:http'
import { join } from 'node:path'
import sirv from 'sirv'
import { DECK_PORT, PAGES_PORT, SUB_DECK_URL, SUB_DIST, SUB_PAGES_PORT, SUB_PATH, SUB_SPA_PORT } from './servers'

function build(args: string[], env: Record<string, string> = {}): void {
  execFileSync('npx', ['tsx', 'scripts/build.ts', ...args], { stdio: 'inherit', env: { ...process.env, ...env } })
}

if (!process.env.SITES_SKIP_BUILD) {
  build([])
  build(['--base', SUB_PATH, '--out', SUB_DIST], { DECK_URL: SUB_DECK_URL })
}

/** A static host for `dir` mounted at `base`; `fallback` decides what unknown paths get. */
function host(dir: string, base: string, fallback: 'spa' | '404.html'): RequestListener {
  const files = sirv(dir, {
    single: fallback === 'spa',
    onNoMatch: (_req, res) => {
      res.statusCode = 404
      res.setHeader('Content-Type', 'text/html')
      createReadStream(join(dir, '404.html')).pipe(res)
    },
  })
  return (req, res) => {
    if (!req.url?.startsWith(base)) {
      res.statusCode = 404
      return res.end('not found')
    }
    req.url = `/${req.url.slice(base.length)}`
    files(req, res)
  }
}

const sites: [number, RequestListener][] = [
  [DECK_PORT, host('dist', '/', 'spa')],
  [PAGES_PORT, host('dist', '/', '404.html')],
  [SUB_PAGES_PORT, host(SUB_DIST, SUB_PATH, '404.html')],
  [SUB_SPA_PORT, host(SUB_DIST, SUB_PATH, 'spa')],
]
for (const [port, listener] of sites)
  createServer(listener).listen(port, '127.0.0.1')
console.log(`serving ${sites.length} sites`)
