// Serves a built deck as a static host does: gzip on (the `compression`
// middleware, level 6, files over 1 KB of compressible types) and SPA rewrites
// (sirv `single`), on 127.0.0.1 and a free port the system picks; `base` mounts it
// under a path, as a site built with `--base /talks/x/` is hosted.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import compression from 'compression'
import sirv from 'sirv'

export interface Served { url: string, close: () => Promise<void> }

export async function serve(dir: string, base = '/'): Promise<Served> {
  const gzip = compression()
  const files = sirv(dir, { single: true, dev: false, etag: true })
  const server = createServer((req, res) => {
    if (!req.url?.startsWith(base)) {
      res.statusCode = 404
      return res.end('not found')
    }
    req.url = `/${req.url.slice(base.length)}`
    gzip(req as any, res as any, () => files(req, res))
  })
  server.listen(0, '127.0.0.1')
  await new Promise(resolve => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise(resolve => server.close(() => resolve())),
  }
}
