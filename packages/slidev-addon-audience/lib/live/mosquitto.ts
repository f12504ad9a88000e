import type { ChildProcess } from 'node:child_process'
// Mosquitto 2 with the shipped configuration (docs/mosquitto/), started as its docs say:
// the password file made with mosquitto_passwd, the ACL the embedded broker reads too,
// on loopback ports. The live engine's and the room's tests run on it, and so does the
// room bench's Mosquitto column (scripts/bench/room.ts).
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { connect, createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ACL_FILE } from './rules'
import { PRESENTER_USER } from './topics'

export const CONF_FILE = fileURLToPath(new URL('../../docs/mosquitto/mosquitto.conf', import.meta.url))

export interface RunningBroker {
  /** Where browsers and MQTT.js connect: ws://127.0.0.1:<port><path>. */
  url: string
  /** Stops the broker as its operator would (the process or the server ends). */
  stop: () => Promise<void>
  /** Starts it again on the same port. */
  start: () => Promise<void>
  /** Mosquitto's plain MQTT port on loopback, for bridges. */
  tcpPort?: number
  /** The broker's process while it runs (Mosquitto's), for measuring it. */
  pid?: () => number | undefined
}

export const BRIDGE_FILE = fileURLToPath(new URL('../../docs/mosquitto/bridge.conf', import.meta.url))

/** The shipped bridge.conf, joining a broker to the one at `tcpPort` with the presenter's key. */
export function bridgeConf(tcpPort: number, key: string): string {
  return readFileSync(BRIDGE_FILE, 'utf8')
    .replace(/^address .*$/m, `address 127.0.0.1:${tcpPort}`)
    .replace(/^remote_password .*$/m, `remote_password ${key}`)
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

export async function listening(port: number, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout
  while (Date.now() < until) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.destroy()
        resolve(true)
      })
      s.on('error', () => resolve(false))
    })
    if (up)
      return
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`nothing listens on ${port} after ${timeout} ms`)
}

/** The shipped mosquitto.conf with this run's files and ports; the rest as shipped. */
export function mosquittoConf(dir: string, tcpPort: number, wsPort: number): string {
  return readFileSync(CONF_FILE, 'utf8')
    .replace(/^password_file .*$/m, `password_file ${join(dir, 'passwd')}`)
    .replace(/^acl_file .*$/m, `acl_file ${ACL_FILE}`)
    .replace(/^listener \d+ 127\.0\.0\.1$/m, `listener ${tcpPort} 127.0.0.1`)
    .replace(/^listener \d+$/m, `listener ${wsPort}`)
}

// Debian puts it in /usr/sbin, which a user's PATH may not hold.
function mosquittoBin(): string {
  for (const bin of ['/usr/sbin/mosquitto', '/usr/bin/mosquitto']) {
    if (existsSync(bin))
      return bin
  }
  throw new Error('Mosquitto is not installed: `apt-get install mosquitto` (.ci/run does).')
}

/** Mosquitto with the shipped configuration, on the given ports or free ones, with `extra` lines. */
export async function mosquitto(key: string, ports?: { tcp: number, ws: number }, extra = ''): Promise<RunningBroker> {
  const bin = mosquittoBin()
  const dir = mkdtempSync(join(tmpdir(), 'lp-mosquitto-'))
  const [tcpPort, wsPort] = ports
    ? [ports.tcp, ports.ws]
    : [await freePort(), await freePort()]
  execFileSync('mosquitto_passwd', [
    '-c',
    '-b',
    join(dir, 'passwd'),
    PRESENTER_USER,
    key,
  ])
  writeFileSync(join(dir, 'mosquitto.conf'), `${mosquittoConf(dir, tcpPort, wsPort)}\n${extra}`)
  // Started as root, Mosquitto reads its files as the user "mosquitto".
  chmodSync(dir, 0o755)
  chmodSync(join(dir, 'passwd'), 0o644)
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn(bin, [
      '-c',
      join(dir, 'mosquitto.conf'),
    ], { stdio: 'ignore' })
    await listening(wsPort)
  }
  const stop = () => new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null)
      return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
  await start()
  return {
    url: `ws://127.0.0.1:${wsPort}`,
    tcpPort,
    pid: () => child?.pid,
    start,
    stop: async () => {
      await stop()
    },
  }
}
