import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { EmbeddedBroker } from './broker'
// The room (`npm run present`): the built site (dist/), served to the venue's network as
// any static host would serve it, with the live talk's broker on the same origin:
// - the embedded broker (Aedes, ./broker.ts) on the WebSocket path /live, with the
//   shipped ACL's rules; or, with `brokers`, none here: the pages follow that broker;
// - every HTML page gets the `lp-live` meta tag (./pages.ts), so the pages follow the
//   talk, and the room's address for the cover's QR code, drawn here (`room-qr.svg`);
// - only the files of the built site are served: nothing beside the deck, no dev server;
// - a request for a host name that is not one of the room's gets 421 (DNS rebinding),
//   a WebSocket from a page of another origin is refused.
import { randomBytes } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { networkInterfaces } from 'node:os'
import { join, normalize } from 'node:path'
import QRCode from 'qrcode'
import sirv from 'sirv'
import { hostHeaders } from '../host-headers'
import { attachBroker } from './broker'
import { allowBrokers, livePage, sitePages } from './pages'
import { loadRules } from './rules'
import { KEY_QUERY, LIVE_PATH, ROOM_QR } from './topics'

export interface RoomOptions {
  /** The presenter's key: the embedded broker's presenter password. */
  key: string
  port: number
  /** The address to listen on: every interface (0.0.0.0) unless one is named. */
  bind: string
  /** The built site. */
  dist: string
  /** More names the room answers to (a .local name, say), besides its addresses. */
  hosts?: string[]
  /** An external broker's WebSocket addresses; none: the embedded one at /live. */
  brokers?: string[]
}

export interface Room {
  /** Where the room opens the talk. */
  url: string
  /** The presenter's address: the view with the key, to open on the presenter's devices. */
  presenterUrl: string
  port: number
  /** The embedded broker, when the room has it. */
  broker?: EmbeddedBroker
  /** Ends every connection and the server. */
  stop: () => Promise<void>
}

/** A new presenter's key, for a run without PRESENTER_KEY: 24 URL-safe characters. */
export function newKey(): string {
  return randomBytes(18).toString('base64url')
}

const PRIVATE = /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/

/** The address other devices on the network reach this machine at, found locally (no lookup). */
export function roomAddress(bind: string): string {
  if (bind !== '0.0.0.0' && bind !== '::')
    return bind
  const found = Object.values(networkInterfaces()).flat().filter(i => i && i.family === 'IPv4' && !i.internal).map(i => i!.address)
  return found.find(a => PRIVATE.test(a)) ?? found[0] ?? '127.0.0.1'
}

/** The host name of a `Host` header (`[::1]:3030` → `::1`), lower case. */
function hostname(header: string | undefined): string {
  if (!header)
    return ''
  try {
    return new URL(`http://${header}`).hostname.replace(/^\[|\]$/g, '').toLowerCase()
  }
  catch {
    return ''
  }
}

/** Paths of a dev server or a project folder: never a file of a built site. */
const NOT_SITE = /^\/(?:@|__|node_modules\/|\.)/

export async function startRoom({ key, port, bind, dist, hosts = [], brokers = [] }: RoomOptions): Promise<Room> {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist} has no index.html: build the deck first (npm run build).`)
  const address = roomAddress(bind)
  const names = new Set([
    address,
    bind,
    'localhost',
    '127.0.0.1',
    '::1',
    ...hosts,
  ].map(h => h.toLowerCase()))
  const allowedHost = (req: IncomingMessage) => names.has(hostname(req.headers.host))
  // A WebSocket is not held to the same origin: a page elsewhere could open one.
  const allowedOrigin = (req: IncomingMessage) => {
    const origin = req.headers.origin
    return origin === undefined || names.has(hostname(origin.replace(/^\w+:\/\//, '')))
  }

  const headersFor = await hostHeaders('netlify', '.', dist)
  const files = sirv(dist, { dev: false, etag: true, single: false })
  let qr = ''
  let pages = new Map<string, string>()

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHost(req)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', 'Connection': 'close' })
      return res.end('This room does not answer to that host name.\n')
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://room').pathname)
    for (const [name, value] of Object.entries(headersFor(path))) {
      res.setHeader(name, name.toLowerCase() === 'content-security-policy'
        ? allowBrokers(value, brokers)
        : value)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' })
      return res.end()
    }
    if (NOT_SITE.test(path) || normalize(path) !== path) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      return res.end('not found\n')
    }
    if (path === `/${ROOM_QR}`) {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-cache' })
      return res.end(qr)
    }
    const name = path === '/'
      ? 'index.html'
      : path.slice(1)
    const page = pages.get(name) ?? pages.get(`${name}.html`)
    const file = join(dist, name)
    const isFile = !page && existsSync(file) && statSync(file).isFile()
    if (page || !isFile) {
      // A slide's address, the presenter's, /read…: the page, or the app's (as a host's SPA rewrite).
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
      return res.end(req.method === 'HEAD'
        ? undefined
        : page ?? pages.get('index.html'))
    }
    files(req, res)
  }

  const server = createServer(handle)
  const broker = brokers.length
    ? undefined
    : await attachBroker(server, key, loadRules(), req => allowedHost(req) && allowedOrigin(req))
  if (brokers.length) {
    server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n'))
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, bind, () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  const shown = address.includes(':')
    ? `[${address}]`
    : address
  const url = `http://${shown}:${actual}/`
  qr = await QRCode.toString(url, {
    type: 'svg',
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: '#000000', light: '#ffffff' },
  })
  const servers = brokers.length
    ? brokers
    : [LIVE_PATH]
  pages = sitePages(dist, (html, file) => livePage(html, { servers, brokers, room: url }, file))
  return {
    url,
    presenterUrl: `${url}presenter?${KEY_QUERY}=${encodeURIComponent(key)}`,
    port: actual,
    broker,
    stop: async () => {
      await broker?.close()
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    },
  }
}
