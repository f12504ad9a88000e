import type { ChildProcess } from 'node:child_process'
import type { Server } from 'node:http'
import type { EmbeddedBroker } from '../../lib/live/broker'
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { connect, createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { attachBroker } from '../../lib/live/broker'
import { ACL_FILE, loadRules } from '../../lib/live/rules'
import { LIVE_PATH, PRESENTER_USER } from '../../lib/live/topics'

// The two brokers the live path runs on, started as their docs say, on loopback and on
// free ports: the embedded one (Aedes, lib/live/broker.ts) and Mosquitto with the shipped
// configuration (docs/mosquitto/), its password file made with mosquitto_passwd.
export const CONF_FILE = fileURLToPath(new URL('../../docs/mosquitto/mosquitto.conf', import.meta.url))
export const BROKERS = ['embedded', 'mosquitto'] as const
export type BrokerKind = typeof BROKERS[number]

export interface RunningBroker {
  /** Where browsers and MQTT.js connect: ws://127.0.0.1:<port><path>. */
  url: string
  /** Stops the broker as its operator would (the process or the server ends). */
  stop: () => Promise<void>
  /** Starts it again on the same port. */
  start: () => Promise<void>
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

async function listening(port: number, timeout = 10_000): Promise<void> {
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

async function embedded(key: string): Promise<RunningBroker> {
  const port = await freePort()
  const rules = loadRules()
  let server: Server | undefined
  let broker: EmbeddedBroker | undefined
  const start = async () => {
    server = createServer((_req, res) => res.writeHead(404).end())
    broker = await attachBroker(server, key, rules)
    await new Promise<void>(resolve => server!.listen(port, '127.0.0.1', () => resolve()))
  }
  const stop = async () => {
    await broker?.close()
    server?.closeAllConnections()
    await new Promise(resolve => server?.close(resolve))
  }
  await start()
  return { url: `ws://127.0.0.1:${port}${LIVE_PATH}`, start, stop }
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

async function mosquitto(key: string): Promise<RunningBroker> {
  const bin = mosquittoBin()
  const dir = mkdtempSync(join(tmpdir(), 'lp-mosquitto-'))
  const [tcpPort, wsPort] = [await freePort(), await freePort()]
  execFileSync('mosquitto_passwd', [
    '-c',
    '-b',
    join(dir, 'passwd'),
    PRESENTER_USER,
    key,
  ])
  writeFileSync(join(dir, 'mosquitto.conf'), mosquittoConf(dir, tcpPort, wsPort))
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
    start,
    stop: async () => {
      await stop()
    },
  }
}

export async function startBroker(kind: BrokerKind, key: string): Promise<RunningBroker> {
  return kind === 'embedded'
    ? embedded(key)
    : mosquitto(key)
}
