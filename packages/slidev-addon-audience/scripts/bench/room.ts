// `npm run bench:room`: the live path under a room of followers, on each broker: the
// room (`npm run present`'s script, its own process, on loopback, serving dist/) with its
// embedded broker, and Mosquitto with the shipped configuration (lib/live/mosquitto.ts).
// It connects FOLLOWERS MQTT.js clients subscribed to the talk's state as the pages are,
// and plays the presenter: an MQTT.js client with the key, one move every INTERVAL ms.
// Per move it times the publish to each follower's receipt, counts what never arrived,
// and samples the broker process's memory and CPU (/proc). Each result replaces its
// broker's entry of bench/room.json (the others, such as the dev server's figures from
// before the live path, stay) and bench/README.md is written from them. A benchmark,
// not a test: nothing here fails on a figure.
//
//   npm run bench:room -- [--broker embedded|mosquitto] [--followers 1000] [--moves 100]
//     [--interval 100] [--port 4196]
import type { MqttClient } from 'mqtt'
import type { RoomBench } from '../../lib/bench/report'
import type { RunningBroker } from '../../lib/live/mosquitto'
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import process from 'node:process'
import { parseArgs } from 'node:util'
import mqtt from 'mqtt'
import { percentile, renderReadme } from '../../lib/bench/report'
import { mosquitto } from '../../lib/live/mosquitto'
import { newKey } from '../../lib/live/room'
import { PRESENTER_USER, TOPIC } from '../../lib/live/topics'
import { answering, script } from '../../lib/run'

const { values: args } = parseArgs({
  options: {
    followers: { type: 'string', default: '1000' },
    moves: { type: 'string', default: '100' },
    interval: { type: 'string', default: '100' },
    port: { type: 'string', default: '4196' },
    out: { type: 'string', default: 'bench/room.json' },
    broker: {
      type: 'string',
      multiple: true,
      default: ['embedded', 'mosquitto'],
    },
  },
})
const FOLLOWERS = Number(args.followers)
const MOVES = Number(args.moves)
const INTERVAL = Number(args.interval)
const port = Number(args.port)
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

const TICKS = 100 // USER_HZ, the unit of /proc/<pid>/stat's CPU times on Linux
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS
}
function rssMb(pid: number): number {
  const kb = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1])
  return kb / 1024
}
function connected(client: MqttClient): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve())
    client.once('error', reject)
  })
}

const key = newKey()

/** The broker to measure, started: its WebSocket address, its process, how to end it. */
async function startBroker(path: string): Promise<{ url: string, pid: number, stop: () => Promise<void> }> {
  if (path === 'mosquitto') {
    const running: RunningBroker = await mosquitto(key)
    return {
      url: running.url,
      pid: running.pid!()!,
      stop: running.stop,
    }
  }
  console.log(`Starting the room on 127.0.0.1:${port}…`)
  const room = spawn(process.execPath, [
    '--import',
    'tsx',
    script('present.ts'),
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--no-build',
  ], {
    env: { ...process.env, PRESENTER_KEY: key },
    stdio: 'ignore',
  })
  if (!await answering(`http://127.0.0.1:${port}/`, 60_000, () => room.exitCode !== null)) {
    room.kill('SIGTERM')
    throw new Error('The room did not start (is dist/ built? npm run build).')
  }
  return {
    url: `ws://127.0.0.1:${port}/live`,
    pid: room.pid!,
    stop: async () => {
      room.kill('SIGTERM')
    },
  }
}

async function measure(path: string): Promise<RoomBench> {
  const running = await startBroker(path)
  const { pid } = running
  const broker = running.url
  try {
    const idleRss = rssMb(pid)

    const sentAt = new Map<number, number>()
    const latencies: number[] = []
    const received: Set<number>[] = []
    const followers: MqttClient[] = []
    // In batches, as a room's phones arrive over a minute, not in one instant.
    for (let i = 0; i < FOLLOWERS; i += 50) {
      await Promise.all(Array.from({
        length: Math.min(50, FOLLOWERS - i),
      }, async () => {
        const seen = new Set<number>()
        received.push(seen)
        const client = mqtt.connect(broker, { reconnectPeriod: 0, connectTimeout: 30_000 })
        followers.push(client)
        await connected(client)
        client.on('message', (_topic, payload) => {
          const now = performance.now()
          const id = JSON.parse(payload.toString()).lastUpdate?.id as string | undefined
          if (!id?.startsWith('bench-'))
            return
          const move = Number(id.slice(6))
          if (!seen.has(move) && sentAt.has(move)) {
            seen.add(move)
            latencies.push(now - sentAt.get(move)!)
          }
        })
        await client.subscribeAsync(TOPIC.nav, { qos: 1 })
      }))
    }
    const presenter = mqtt.connect(broker, { username: PRESENTER_USER, password: key, reconnectPeriod: 0 })
    await connected(presenter)
    console.log(`${path}: ${FOLLOWERS} followers connected; the presenter moves ${MOVES} times, one every ${INTERVAL} ms…`)
    const connectedRss = rssMb(pid)

    let peakRss = connectedRss
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMb(pid))
    }, 50)
    const cpuStart = cpuSeconds(pid)
    const wallStart = performance.now()
    for (let move = 1; move <= MOVES; move++) {
      const payload = JSON.stringify({
        page: 1 + (move % 21),
        clicks: 0,
        lastUpdate: {
          id: `bench-${move}`,
          type: 'presenter',
          time: Date.now(),
        },
      })
      sentAt.set(move, performance.now())
      presenter.publish(TOPIC.nav, payload, { qos: 1, retain: true })
      await sleep(Math.max(0, sentAt.get(move)! + INTERVAL - performance.now()))
    }
    // Stragglers: everything sent has had five seconds to arrive.
    const last = performance.now() + 5000
    while (performance.now() < last && received.some(s => s.size < MOVES))
      await sleep(20)
    const wall = (performance.now() - wallStart) / 1000
    const cpu = cpuSeconds(pid) - cpuStart
    clearInterval(sampler)
    followers.forEach(c => c.end(true))
    presenter.end(true)

    const sorted = latencies.toSorted((a, b) => a - b)
    const result: RoomBench = {
      path,
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpus().length} cores, Node ${process.versions.node}, load average ${loadavg()[0].toFixed(1)} at the end`,
      followers: FOLLOWERS,
      moves: MOVES,
      intervalMs: INTERVAL,
      delivered: latencies.length,
      lost: FOLLOWERS * MOVES - latencies.length,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted.at(-1) ?? Number.NaN,
      idleRssMb: idleRss,
      connectedRssMb: connectedRss,
      peakRssMb: peakRss,
      cpuPercent: cpu / wall * 100,
      cpuMsPerMove: cpu * 1000 / MOVES,
    }
    return result
  }
  finally {
    await running.stop()
  }
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'))
for (const path of args.broker) {
  const result = await measure(path)
  console.table(result)
  const rooms = [
    ...(read(args.out) as RoomBench[]).filter(r => r.path !== result.path),
    result,
  ]
  writeFileSync(args.out, `${JSON.stringify(rooms, null, 2)}\n`)
  writeFileSync('bench/README.md', renderReadme(read('bench/results.json'), read('bench/before.json'), rooms))
  console.log(`${args.out} and bench/README.md written`)
}
