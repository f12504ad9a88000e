// `npm run bench:vote`: the room votes, on each broker. A room (`npm run present`, its
// own process on loopback, serving dist/) with its embedded broker, or in front of
// Mosquitto with the shipped configuration; the presenter's view (Chromium, with the key)
// on the discussion slide, keeping the record; a projector (Chromium, an audience page on
// the same slide) showing the tally; and PHONES MQTT.js clients, each a phone of its own,
// voting one after another over SPREAD ms (9 s by default, so that all vote within 10 s),
// as the pages' code votes (lib/live/room-voice.ts).
// It checks the tally the projector ends on against the votes sent (exact or not) and
// times each vote to the projector's chart: the k-th vote sent against the moment the
// chart's total reaches k (one clock: browser and phones run on this machine). Writes
// bench/room-vote.json. A benchmark, not a test: nothing here fails on a figure.
//
//   npm run bench:vote -- [--broker embedded|mosquitto] [--phones 500] [--spread 9000] [--port 4197]
import type { MqttClient } from 'mqtt'
import type { RunningBroker } from '../../lib/live/mosquitto'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import process from 'node:process'
import { parseArgs } from 'node:util'
import mqtt from 'mqtt'
import { chromium } from 'playwright-chromium'
import { percentile } from '../../lib/bench/report'
import { CHROMIUM_ARGS, requireChromium } from '../../lib/chromium'
import { mosquitto } from '../../lib/live/mosquitto'
import { newKey } from '../../lib/live/room'
import { roomPhone } from '../../lib/live/room-voice'
import { answering, script } from '../../lib/run'

const { values: args } = parseArgs({
  options: {
    phones: { type: 'string', default: '500' },
    spread: { type: 'string', default: '9000' },
    port: { type: 'string', default: '4197' },
    out: { type: 'string', default: 'bench/room-vote.json' },
    broker: {
      type: 'string',
      multiple: true,
      default: ['embedded', 'mosquitto'],
    },
  },
})
const PHONES = Number(args.phones)
const SPREAD = Number(args.spread)
const port = Number(args.port)
/** The discussion slide, whose vote has two prompts. */
const SLIDE = 18
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
const key = newKey()

async function room(kind: string): Promise<{ url: string, broker: string, stop: () => Promise<void> }> {
  let running: RunningBroker | undefined
  if (kind === 'mosquitto')
    running = await mosquitto(key)
  const child = spawn(process.execPath, [
    '--import',
    'tsx',
    script('present.ts'),
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--no-build',
    '--report',
    '/tmp/lp-bench-reports',
    ...(running
      ? ['--broker', running.url]
      : []),
  ], {
    env: { ...process.env, PRESENTER_KEY: key },
    stdio: 'ignore',
  })
  if (!await answering(`http://127.0.0.1:${port}/`, 60_000, () => child.exitCode !== null)) {
    child.kill('SIGKILL')
    await running?.stop()
    throw new Error('The room did not start (is dist/ built? npm run build).')
  }
  return {
    url: `http://127.0.0.1:${port}`,
    broker: running?.url ?? `ws://127.0.0.1:${port}/live`,
    stop: async () => {
      child.kill('SIGKILL')
      await running?.stop()
    },
  }
}

async function measure(kind: string) {
  const r = await room(kind)
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: CHROMIUM_ARGS,
  })
  const phones: MqttClient[] = []
  try {
    const presenter = await (await browser.newContext({
      viewport: { width: 1280, height: 720 },
    })).newPage()
    await presenter.goto(`${r.url}/presenter/${SLIDE}?key=${key}`)
    await presenter.locator(`.slidev-page-${SLIDE} .room-vote.live`).first().waitFor()
    const projector = await (await browser.newContext({
      viewport: { width: 1280, height: 720 },
    })).newPage()
    await projector.goto(`${r.url}/${SLIDE}`)
    const total = projector.locator(`.slidev-page-${SLIDE} .room-vote .total`)
    await total.waitFor()
    // Every change of the chart's total, as it is drawn.
    await total.evaluate((el) => {
      const w = window as unknown as { seen: [number, number][] }
      w.seen = []
      new MutationObserver(() => w.seen.push([
        Date.now(),
        Number.parseInt(el.textContent ?? '', 10),
      ])).observe(el, { childList: true, characterData: true, subtree: true })
    })

    // The phones arrive first, in batches, as a room does.
    for (let i = 0; i < PHONES; i += 50) {
      await Promise.all(Array.from({
        length: Math.min(50, PHONES - i),
      }, async (_, j) => {
        const c = mqtt.connect(r.broker, { clientId: `${(0xB00000000000 + i + j).toString(16)}.000000`, reconnectPeriod: 0, connectTimeout: 30_000 })
        phones.push(c)
        await new Promise((resolve, reject) => {
          c.once('connect', resolve)
          c.once('error', reject)
        })
      }))
    }
    const expected = [0, 0]
    const sent: number[] = []
    const started = Date.now()
    await Promise.all(phones.map(async (c, i) => {
      await sleep(i * SPREAD / PHONES)
      const choice = i % 3 === 0
        ? 0
        : 1
      expected[choice]++
      sent.push(Date.now())
      await roomPhone(c).vote(choice)
    }))
    const allSent = Date.now() - started
    // Until the chart shows every vote, or 30 s after the last.
    const until = Date.now() + 30_000
    while (Date.now() < until && !(await total.textContent())?.startsWith(`${PHONES} votes`))
      await sleep(100)
    const seen = await projector.evaluate(() => (window as unknown as { seen: [number, number][] }).seen)
    const all = seen.find(([, n]) => n >= PHONES)
    const counts = await projector.locator(`.slidev-page-${SLIDE} .room-vote .count`).allTextContents()
    const shown = counts.map(t => Number.parseInt(t, 10))
    sent.sort((a, b) => a - b)
    const latencies = sent.map((t, k) => {
      const reached = seen.find(([, n]) => n >= k + 1)
      return reached
        ? reached[0] - t
        : Number.NaN
    }).filter(Number.isFinite).sort((a, b) => a - b)
    return {
      broker: kind,
      phones: PHONES,
      sentWithinMs: allSent,
      /** From the first vote sent to the projector's chart counting every vote. */
      onProjectorWithinMs: all
        ? all[0] - started
        : null,
      expected,
      projector: shown,
      exact: shown[0] === expected[0] && shown[1] === expected[1],
      timed: latencies.length,
      latencyMs: {
        p50: Math.round(percentile(latencies, 50)),
        p95: Math.round(percentile(latencies, 95)),
        max: Math.round(latencies.at(-1) ?? Number.NaN),
      },
    }
  }
  finally {
    phones.forEach(c => c.end(true))
    await browser.close()
    await r.stop()
  }
}

const results = []
for (const kind of args.broker) {
  console.log(`The room votes on the ${kind} broker: ${PHONES} phones over ${SPREAD} ms…`)
  const result = await measure(kind)
  console.log(result)
  results.push(result)
}
writeFileSync(args.out, `${JSON.stringify({
  at: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    load: loadavg().map(l => l.toFixed(2)),
    node: process.version,
  },
  results,
}, null, 2)}\n`)
console.log(`Written to ${args.out}.`)
