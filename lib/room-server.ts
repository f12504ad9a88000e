// Starting the room server: Slidev's dev server with its sync, listening on the venue's
// network, with the presenter's key in its environment (lib/room.ts guards with it).
// `npm run present` (scripts/present.ts) and the room bench start it here.
import type { Buffer } from 'node:buffer'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { networkInterfaces } from 'node:os'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { KEY_ENV, KEY_QUERY } from './room'

export interface RoomOptions {
  /** The presenter's key. */
  key: string
  port: number
  /** The address to listen on: every interface (0.0.0.0) unless one is named. */
  bind: string
  /** Where Slidev's own output goes: shown (the default) or dropped. */
  quiet?: boolean
}

export interface Room {
  child: ChildProcess
  /** Where the room opens the talk. */
  url: string
  /** The presenter's address: the view with the key, to open on the presenter's devices. */
  presenterUrl: string
  /** Ends the server. */
  stop: () => Promise<void>
}

const PRIVATE = /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/

/** The address other devices on the network reach this machine at, found locally (no lookup). */
export function roomAddress(bind: string): string {
  if (bind !== '0.0.0.0' && bind !== '::')
    return bind
  const found = Object.values(networkInterfaces()).flat().filter(i => i && i.family === 'IPv4' && !i.internal).map(i => i!.address)
  return found.find(a => PRIVATE.test(a)) ?? found[0] ?? '127.0.0.1'
}

// Slidev prints addresses of its own (localhost, "remote control", MCP) that are not
// the room's; the present command prints the room's instead.
const SLIDEV_ADDRESS_LINES = /public slide show|private slide show|presenter mode|slides overview|export slides|mcp server|remote control|remote via tunnel|shortcuts/

const slidevBin = fileURLToPath(new URL('../node_modules/@slidev/cli/bin/slidev.mjs', import.meta.url))

async function answered(url: string, child: ChildProcess, timeout: number): Promise<void> {
  const until = Date.now() + timeout
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`Slidev stopped (exit ${child.exitCode}) before the room server answered.`)
    try {
      const res = await fetch(url)
      if (res.ok)
        return
    }
    catch {}
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  throw new Error(`The room server did not answer at ${url} within ${timeout / 1000} s.`)
}

export async function startRoom({ key, port, bind, quiet = false }: RoomOptions): Promise<Room> {
  const host = roomAddress(bind)
  const url = `http://${host}:${port}/`
  // `--remote` without a password: Slidev listens on `bind` and shares its state, and
  // neither looks up a public IP nor puts a password in the code it serves. stdin is
  // not a terminal, so Slidev's keyboard shortcuts (one looks up the public IP) are off.
  const child = spawn(process.execPath, [
    slidevBin,
    'slides.md',
    '--remote',
    '--bind',
    bind,
    '--port',
    String(port),
    '--log',
    'warn',
  ], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, [KEY_ENV]: key, DECK_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const show = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
    if (quiet)
      return
    const lines = chunk.toString().split('\n').filter(l => !SLIDEV_ADDRESS_LINES.test(l))
    to.write(lines.join('\n'))
  }
  child.stdout!.on('data', show(process.stdout))
  child.stderr!.on('data', show(process.stderr))
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null)
      return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
  const local = bind === '0.0.0.0' || bind === '::'
    ? '127.0.0.1'
    : bind
  try {
    await answered(`http://${local}:${port}/`, child, 180_000)
  }
  catch (e) {
    await stop()
    throw e
  }
  return {
    child,
    url,
    presenterUrl: `${url}presenter?${KEY_QUERY}=${encodeURIComponent(key)}`,
    stop,
  }
}
