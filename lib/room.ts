import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin, ViteDevServer } from 'vite'
import type { WebSocket } from 'ws'
// The room server (`npm run present`, scripts/present.ts) is Slidev's own dev server
// and sync, open to the venue's network. Slidev's server trusts every client: any POST
// to /@server-reactive/<key> moves every screen, its `--remote` password is only
// checked in the browser, and other routes write files (notes, drawings) or drive
// the talk (/__mcp). This plugin makes the presenter's key the only way in:
// - the presenter opens any page with `?key=…` once: an HttpOnly cookie (a token
//   derived from the key, never the key) is set and the address loses the key;
// - every request that is not a GET or HEAD, the dev tools and the presenter's pages
//   (PRESENTER_PAGES) need that cookie or the key in the `x-presenter-key` header,
//   else 403 (the pages: one plain page saying so);
// - a presenter's writes must be small JSON (and shared state, a known key), or they
//   are refused before Slidev's code, which crashes on a body it cannot parse, sees them;
// - messages an audience device sends over the HMR WebSocket are dropped.
import { Buffer } from 'node:buffer'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import process from 'node:process'
import { KEY_HEADER, KEY_QUERY, PRESENTER_PAGES, WHOAMI } from './room-contract.ts'

export { KEY_HEADER, KEY_QUERY } from './room-contract.ts'
export const KEY_ENV = 'PRESENTER_KEY'
export const COOKIE = 'lp-presenter'
/** Shared state a presenter may change (vite-plugin-vue-server-ref's keys in Slidev). */
export const SHARED_KEYS = ['nav', 'drawings', 'snapshots']
/** The most a presenter's write may weigh (a slide's drawings are its largest). */
export const MAX_BODY = 1024 * 1024
/** Dev-server doors that are not pages: MCP, the editor launcher, the inspector. */
const TOOLS = /^\/__(?:mcp|open-in-editor|inspect)(?:\/|$)/
const SHARED_STATE = /^\/@server-(?:ref|reactive)\/([^?]*)/

export function generateKey(): string {
  return randomBytes(18).toString('base64url')
}

/** What the cookie holds: derived from the key, so the key itself is sent once. */
function tokenOf(key: string): string {
  return createHmac('sha256', key).update('lp-presenter-cookie').digest('base64url')
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name)
      return v.join('=')
  }
}

export function isPresenter(req: IncomingMessage, key: string): boolean {
  const header = req.headers[KEY_HEADER]
  if (typeof header === 'string' && same(header, key))
    return true
  const cookie = cookieOf(req, COOKIE)
  return !!cookie && same(cookie, tokenOf(key))
}

const PAGE_STYLE = 'body{font:1.125rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}'

function refuse(res: ServerResponse, status: number, message: string, html = false, close = true): void {
  res.statusCode = status
  res.setHeader('Cache-Control', 'no-store')
  if (close)
    res.setHeader('Connection', 'close')
  if (html) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Presenter only</title><style>${PAGE_STYLE}</style><h1>Presenter only</h1><p>${message}</p><p><a href="/">Follow the talk</a></p></html>`)
  }
  else {
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
    res.end(`${message}\n`)
  }
}

export const WRONG_KEY = 'That is not the presenter\'s key. Open the presenter\'s address exactly as “npm run present” printed it.'
export const NO_KEY = 'This page is the presenter\'s. It opens with the presenter\'s address that “npm run present” printed; everyone else can follow the talk.'
export const REFUSED = 'Only the presenter can change the talk.'

/** The whole body, or undefined (and the request answered) when it is too large. */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
    // Read to its end and dropped (only the presenter gets here), so the sender, still
    // writing, hears 413 and not a closed connection.
    req.resume()
    refuse(res, 413, `A write may be ${MAX_BODY} bytes at most.`, false, false)
    return Promise.resolve(undefined)
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        refuse(res, 413, `A write may be ${MAX_BODY} bytes at most.`)
        req.destroy()
        resolve(undefined)
      }
      else {
        chunks.push(chunk)
      }
    })
    req.on('end', () => resolve(size > MAX_BODY
      ? undefined
      : Buffer.concat(chunks)))
    req.on('error', () => resolve(undefined))
  })
}

/** What is wrong with a presenter's write (to shared state when `state` is named), or ''. */
function writeProblem(body: string, state?: string): string {
  let payload: unknown
  try {
    payload = JSON.parse(body)
  }
  catch {
    return 'The body is not JSON.'
  }
  if (state === undefined)
    return ''
  if (!SHARED_KEYS.includes(state))
    return `No shared state is called "${state}".`
  const { patch, data } = (payload ?? {}) as { patch?: unknown, data?: unknown }
  if (typeof payload !== 'object' || Array.isArray(payload) || (typeof patch !== 'object' && typeof data !== 'object') || patch === null)
    return 'The body is not a change of shared state ({ source, patch | data, timestamp }).'
  return ''
}

/**
 * Passes a request whose body this middleware has read on to the next one, which
 * reads it again: Slidev's middlewares listen for `data` and `end` as soon as they
 * are called, so the body is replayed to them right after.
 */
function passOn(req: IncomingMessage, body: Buffer, next: () => void): void {
  req.removeAllListeners('data')
  req.removeAllListeners('end')
  next()
  req.emit('data', body)
  req.emit('end')
}

function isLoopback(host: string | boolean | undefined): boolean {
  return host === undefined || host === false || ['localhost', '127.0.0.1', '::1'].includes(String(host))
}

async function guard(req: IncomingMessage, res: ServerResponse, next: () => void, key: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://room')
  const given = url.searchParams.get(KEY_QUERY)
  if (given !== null) {
    if (!same(given, key))
      return refuse(res, 403, WRONG_KEY, true)
    url.searchParams.delete(KEY_QUERY)
    res.statusCode = 303
    res.setHeader('Set-Cookie', `${COOKIE}=${tokenOf(key)}; Path=/; HttpOnly; SameSite=Strict`)
    res.setHeader('Cache-Control', 'no-store')
    res.setHeader('Location', `${url.pathname}${url.search}`)
    return void res.end()
  }
  const presenter = isPresenter(req, key)
  if (url.pathname === WHOAMI) {
    res.setHeader('Content-Type', 'application/json')
    res.setHeader('Cache-Control', 'no-store')
    return void res.end(JSON.stringify({ presenter }))
  }
  const reading = req.method === 'GET' || req.method === 'HEAD'
  if (!presenter) {
    if (TOOLS.test(url.pathname) || !reading)
      return refuse(res, 403, REFUSED)
    if (PRESENTER_PAGES.test(url.pathname))
      return refuse(res, 403, NO_KEY, true)
    return next()
  }
  if (reading || TOOLS.test(url.pathname))
    return next()
  const body = await readBody(req, res)
  if (!body)
    return
  const state = url.pathname.match(SHARED_STATE)?.[1]
  const problem = writeProblem(body.toString('utf8'), state === undefined
    ? undefined
    : decodeURIComponent(state).replace(/\//g, '.'))
  if (problem)
    return refuse(res, 400, problem)
  passOn(req, body, next)
}

/**
 * The guard, in a dev server only. It needs the key when the server listens beyond
 * this machine (`npm run present` gives it one): a room server without it would be
 * open to anyone, so it does not start.
 */
export function presenterGuard(): Plugin {
  return {
    name: 'layered-paradox:presenter-guard',
    apply: 'serve',
    enforce: 'pre',
    configureServer(server: ViteDevServer) {
      const key = process.env[KEY_ENV]?.trim()
      if (!key) {
        if (!isLoopback(server.config.server.host))
          throw new Error(`This server listens beyond this machine without a presenter's key: start it with \`npm run present\` (or set ${KEY_ENV}).`)
        return
      }
      server.middlewares.use((req, res, next) => {
        guard(req, res, next, key).catch(() => refuse(res, 400, 'The request could not be read.'))
      })
      // First of all the middlewares, ahead of Slidev's and Vite's.
      const stack = server.middlewares.stack
      stack.unshift(stack.pop()!)
      server.ws.on('connection', (socket: WebSocket, req: IncomingMessage) => {
        if (isPresenter(req, key))
          return
        const emit = socket.emit.bind(socket)
        socket.emit = ((event: string, ...args: unknown[]) => event === 'message'
          ? false
          : emit(event, ...args)) as typeof socket.emit
      })
    },
  }
}
