import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { HeaderHost } from './host-headers'
// The one static server of the project: serves a built deck as a host does, on
// 127.0.0.1. Used by the tests (tests/support/sites.ts, the fixture decks) and the
// scripts (bench, exports, screenshots).
//   base      where the site is mounted ('/' or '/talks/layered-paradox/')
//   fallback  what unknown paths get: 'spa' (index.html, as Netlify and Vercel rewrite)
//             or '404.html' with status 404 (GitHub Pages)
//   headers   send the headers of that host's committed config (lib/host-headers.ts)
//   root      the folder that config is in: '.' (the default), or another deck's
//   gzip      compress as hosts do (the `compression` middleware: level 6, over 1 KB)
// From the command line: scripts/serve.ts.
import { createReadStream, existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import compression from 'compression'
import sirv from 'sirv'
import { hostHeaders } from './host-headers'

export interface ServeOptions {
  base?: string
  fallback?: 'spa' | '404.html'
  headers?: HeaderHost
  /** Where the host's config (netlify.toml, vercel.json) is read from: '.' by default. */
  root?: string
  gzip?: boolean
  /** 0 (the default): a free port the system picks. */
  port?: number
}

export interface Served { url: string, port: number, close: () => Promise<void> }

export async function serve(dir: string, options: ServeOptions = {}): Promise<Served> {
  const { base = '/', fallback = 'spa', headers, root = '.', gzip = false, port = 0 } = options
  const headersFor = headers
    ? await hostHeaders(headers, root, dir)
    : undefined
  const files = sirv(dir, {
    single: fallback === 'spa',
    dev: false,
    etag: true,
    onNoMatch: (_req, res) => {
      res.statusCode = 404
      if (!existsSync(join(dir, '404.html')))
        return res.end('not found')
      res.setHeader('Content-Type', 'text/html')
      createReadStream(join(dir, '404.html')).pipe(res)
    },
  })
  const compress = gzip
    ? compression()
    : undefined
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith(base)) {
      res.statusCode = 404
      return res.end('not found')
    }
    req.url = `/${req.url.slice(base.length)}`
    for (const [name, value] of Object.entries(headersFor?.(req.url.split('?')[0]) ?? {}))
      res.setHeader(name, value)
    files(req, res)
  }
  // compression's types are Express's; Node's request and response are what it handles.
  const server = createServer((req, res) => compress
    ? compress(req as never, res as never, () => handle(req, res))
    : handle(req, res))
  server.listen(port, '127.0.0.1')
  await new Promise(resolve => server.once('listening', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}${base.replace(/\/$/, '')}`,
    port: actual,
    close: () => new Promise(resolve => server.close(() => resolve())),
  }
}
