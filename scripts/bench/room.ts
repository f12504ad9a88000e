// `npm run bench:room`: the room server (`npm run present`) with a room of followers.
// It starts the server on loopback, connects FOLLOWERS WebSocket clients as Slidev's
// pages connect (Vite's HMR socket), and plays the presenter: one move every INTERVAL
// ms, each a POST with the key, as the presenter view sends it. Per move it times the
// POST to each follower's receipt, counts what never arrived, and samples the server's
// memory and CPU (/proc). It writes bench/room.json and bench/README.md from it. A
// benchmark, not a test: nothing here fails on a figure.
//
//   npm run bench:room -- [--followers 200] [--moves 100] [--interval 100] [--port 4190]
import type { RoomBench } from '../../lib/bench/report'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import process from 'node:process'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { renderReadme } from '../../lib/bench/report'
import { generateKey, KEY_HEADER } from '../../lib/room'
import { startRoom } from '../../lib/room-server'

const { values: args } = parseArgs({
  options: {
    followers: { type: 'string', default: '200' },
    moves: { type: 'string', default: '100' },
    interval: { type: 'string', default: '100' },
    port: { type: 'string', default: '4186' },
    out: { type: 'string', default: 'bench/room.json' },
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
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]
}

const key = generateKey()
console.log(`Starting the room server on 127.0.0.1:${port}…`)
const room = await startRoom({
  key,
  port,
  bind: '127.0.0.1',
  quiet: true,
})
const pid = room.child.pid!
const base = `http://127.0.0.1:${port}`
try {
  // The modules a page loads first, compiled once, as after the first device has opened the deck.
  await fetch(`${base}/`)
  await fetch(`${base}/@server-reactive/nav`)
  const idleRss = rssMb(pid)

  const sentAt = new Map<number, number>()
  const latencies: number[] = []
  const received: Set<number>[] = []
  const sockets: WebSocket[] = []
  await Promise.all(Array.from({ length: FOLLOWERS }, (_, i) => new Promise<void>((resolve, reject) => {
    const seen = new Set<number>()
    received[i] = seen
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, 'vite-hmr')
    sockets.push(ws)
    ws.on('error', reject)
    ws.on('message', (raw) => {
      const now = performance.now()
      const msg = JSON.parse(String(raw))
      if (msg.type === 'connected')
        return resolve()
      const id = msg.data?.patch?.lastUpdate?.id
      if (msg.event !== 'vue-server-ref' || typeof id !== 'string' || !id.startsWith('bench-'))
        return
      const move = Number(id.slice(6))
      if (!seen.has(move)) {
        seen.add(move)
        latencies.push(now - sentAt.get(move)!)
      }
    })
  })))
  console.log(`${FOLLOWERS} followers connected; the presenter moves ${MOVES} times, one every ${INTERVAL} ms…`)
  const connectedRss = rssMb(pid)

  let peakRss = connectedRss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(pid))
  }, 50)
  const cpuStart = cpuSeconds(pid)
  const wallStart = performance.now()
  const refused: number[] = []
  for (let move = 1; move <= MOVES; move++) {
    const page = 1 + (move % 22)
    const body = JSON.stringify({
      source: 'bench-presenter',
      patch: {
        page,
        clicks: 0,
        lastUpdate: {
          id: `bench-${move}`,
          type: 'presenter',
          time: Date.now(),
        },
      },
      timestamp: Date.now(),
    })
    sentAt.set(move, performance.now())
    const res = await fetch(`${base}/@server-reactive/nav`, {
      method: 'POST',
      body,
      headers: { [KEY_HEADER]: key, 'content-type': 'application/json' },
    })
    if (!res.ok)
      refused.push(res.status)
    await res.arrayBuffer()
    await sleep(Math.max(0, sentAt.get(move)! + INTERVAL - performance.now()))
  }
  // Stragglers: everything sent has had two seconds to arrive.
  const until = performance.now() + 2000
  while (performance.now() < until && received.some(s => s.size < MOVES))
    await sleep(20)
  const wall = (performance.now() - wallStart) / 1000
  const cpu = cpuSeconds(pid) - cpuStart
  clearInterval(sampler)
  sockets.forEach(ws => ws.terminate())
  if (refused.length)
    throw new Error(`The server refused ${refused.length} of the presenter's moves (${refused[0]}).`)

  const sorted = latencies.toSorted((a, b) => a - b)
  const result: RoomBench = {
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
  writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`)
  console.table(result)
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'))
  writeFileSync('bench/README.md', renderReadme(read('bench/results.json'), read('bench/before.json'), result))
  console.log(`${args.out} and bench/README.md written`)
}
finally {
  await room.stop()
}
