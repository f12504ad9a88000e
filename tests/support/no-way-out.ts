// Loaded into every Node process of the room server the tests start
// (NODE_OPTIONS=--import ./tests/support/no-way-out.ts, Node's own type stripping):
// each connection, name lookup and datagram a process tries is written as a line of
// JSON to NO_WAY_OUT_LOG, and anything not bound for this machine is refused before
// it leaves it, so a check that the server stays in the room sends nothing anywhere.
import dgram from 'node:dgram'
import dns from 'node:dns'
import { appendFileSync } from 'node:fs'
import net from 'node:net'
import process from 'node:process'

const log = process.env.NO_WAY_OUT_LOG

export function isLocal(host: string | undefined): boolean {
  if (!host)
    return true
  let h = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (net.isIPv6(h))
    h = new URL(`http://[${h}]`).hostname.replace(/^\[|\]$/g, '')
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\./.test(h) || h === '0.0.0.0' || h === '::' || h.startsWith('::ffff:7f')
}

function record(kind: string, to: string): boolean {
  const local = isLocal(to)
  if (log)
    appendFileSync(log, `${JSON.stringify({ pid: process.pid, kind, to, local })}\n`)
  return local
}

const refused = (to: string) => Object.assign(new Error(`no-way-out: ${to} is off this machine`), { code: 'ECONNREFUSED' })

if (log) {
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0]
    const options = (Array.isArray(first)
      ? first[0]
      : first) as { host?: string, port?: number, path?: string } | number | string
    let to: string
    if (typeof options === 'object' && options !== null) {
      to = options.path
        ? `unix:${options.path}`
        : `${options.host ?? 'localhost'}`
    }
    else if (typeof options === 'number') {
      to = typeof args[1] === 'string'
        ? args[1]
        : 'localhost'
    }
    else {
      to = `unix:${options}`
    }
    if (!to.startsWith('unix:') && !record('connect', to)) {
      process.nextTick(() => this.destroy(refused(to)))
      return this
    }
    return connect.apply(this, args as Parameters<typeof connect>)
  } as typeof connect

  const lookup = dns.lookup
  dns.lookup = function (hostname: string, ...rest: unknown[]) {
    const callback = rest.at(-1) as (err: Error | null) => void
    if (!record('lookup', hostname))
      return process.nextTick(() => callback(refused(hostname)))
    return (lookup as (...a: unknown[]) => void)(hostname, ...rest)
  } as typeof dns.lookup
  const lookupPromise = dns.promises.lookup
  dns.promises.lookup = function (hostname: string, ...rest: unknown[]) {
    if (!record('lookup', hostname))
      return Promise.reject(refused(hostname))
    return (lookupPromise as (...a: unknown[]) => Promise<unknown>)(hostname, ...rest)
  } as typeof dns.promises.lookup

  const send = dgram.Socket.prototype.send
  dgram.Socket.prototype.send = function (this: dgram.Socket, ...args: unknown[]) {
    const address = args.find((a, i) => i > 0 && typeof a === 'string') as string | undefined
    if (address && !record('datagram', address))
      return
    return send.apply(this, args as Parameters<typeof send>)
  } as typeof send
}
