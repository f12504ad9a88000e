// Serve a built site from a folder on a free loopback port, with SPA rewrites
// (sirv), for the scripts that drive a browser over it.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'

export async function serveSite(dir: string): Promise<{ url: string, close: () => void }> {
  const server = createServer(sirv(dir, { single: true })).listen(0, '127.0.0.1')
  await new Promise(resolve => server.once('listening', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() }
}
