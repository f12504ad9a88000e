// The rooms the room specs present to (playwright.room.config.ts starts this), as the
// README says to start them, on loopback only:
// - `npm run present` with its embedded broker, on ROOM_PORT;
// - Mosquitto with the shipped configuration (docs/mosquitto/), and `npm run present
//   -- --broker ws://…` in front of it, on MOSQUITTO_ROOM_PORT.
// The first builds dist/ if it is missing or stale; the second serves the same build.
// Every present process records and refuses any connection off this machine
// (tests/support/no-way-out.ts, through NODE_OPTIONS). Ends them all when it is stopped.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { answering } from 'slidev-addon-audience/lib/run'
import { mosquitto } from './brokers'
import { CONNECTIONS_LOG, ROOM_KEY, ROOMS } from './room'
import { MOSQUITTO_ROOM_PORT, MOSQUITTO_TCP_PORT, MOSQUITTO_WS_PORT, ROOM_PORT } from './servers'

const children: ChildProcess[] = []
let stopping = false

function present(args: string[]): ChildProcess {
  const child = spawn('npm', [
    'run',
    'present',
    '--',
    '--bind',
    '127.0.0.1',
    // Their reports, when they stop, are not the project's.
    '--report',
    join(tmpdir(), `lp-room-reports-${args[1]}`),
    ...args,
  ], {
    env: {
      ...process.env,
      PRESENTER_KEY: ROOM_KEY,
      NODE_OPTIONS: '--import ./tests/support/no-way-out.ts',
      NO_WAY_OUT_LOG: CONNECTIONS_LOG,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  children.push(child)
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`npm run present ${args.join(' ')} stopped (${code})`)
      process.exit(1)
    }
  })
  return child
}

async function open(url: string): Promise<void> {
  if (!await answering(url, 300_000))
    throw new Error(`${url} did not answer`)
}

rmSync(CONNECTIONS_LOG, { force: true })
const broker = await mosquitto(ROOM_KEY, { tcp: MOSQUITTO_TCP_PORT, ws: MOSQUITTO_WS_PORT })
async function stop(): Promise<void> {
  stopping = true
  for (const child of children)
    child.kill('SIGTERM')
  await broker.stop()
  process.exit(0)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void stop())

present([
  '--port',
  String(ROOM_PORT),
])
await open(`${ROOMS[0].url}/`)
present([
  '--port',
  String(MOSQUITTO_ROOM_PORT),
  '--no-build',
  '--broker',
  ROOMS[1].brokerUrl,
])
await open(`${ROOMS[1].url}/`)
console.log('both rooms are open')
