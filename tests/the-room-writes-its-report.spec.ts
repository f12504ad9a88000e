import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import mqtt from 'mqtt'
import { freePort } from 'slidev-addon-audience/lib/live/mosquitto'
import { moderator, roomPhone } from 'slidev-addon-audience/lib/live/room-voice'
import { PRESENTER_USER, TOPIC } from 'slidev-addon-audience/lib/live/topics'
import { answering, script } from 'slidev-addon-audience/lib/run'

// `npm run present` writes what the room said beside the deck when it stops (Ctrl+C):
// a room of its own on a free port, a presenter and two phones as MQTT.js clients. It is
// started with tsx itself: npx would not hand the Ctrl+C on.
const KEY = 'room-report-presenter-key-90aa'
const PROMPTS = ['First prompt', 'Second prompt']

test('npm run present writes the report, Markdown and JSON, when it stops', async () => {
  test.setTimeout(120_000)
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'lp-report-'))
  const child: ChildProcess = spawn('node_modules/.bin/tsx', [
    script('present.ts'),
    '--no-build',
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--report',
    dir,
  ], {
    env: { ...process.env, PRESENTER_KEY: KEY },
    stdio: 'ignore',
  })
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
  const clients: mqtt.MqttClient[] = []
  try {
    expect(await answering(`http://127.0.0.1:${port}/`, 60_000)).toBe(true)
    const url = `ws://127.0.0.1:${port}/live`
    const connect = async (options: mqtt.IClientOptions) => {
      const c = mqtt.connect(url, { reconnectPeriod: 500, ...options })
      clients.push(c)
      await new Promise(r => c.once('connect', r))
      return c
    }
    const presenter = await connect({ username: PRESENTER_USER, password: KEY })
    const host = moderator(presenter)
    host.prompts(PROMPTS)
    const move = (page: number) => presenter.publishAsync(TOPIC.nav, JSON.stringify({
      page,
      clicks: 0,
      lastUpdate: {
        id: 'laptop',
        type: 'presenter',
        time: Date.now(),
      },
    }), { qos: 1, retain: true })
    await move(18)
    const phones = [
      roomPhone(await connect({ clientId: 'a1a1a1a1a1a1.000001' })),
      roomPhone(await connect({ clientId: 'b2b2b2b2b2b2.000002' })),
    ]
    await phones[0].vote(1)
    await phones[1].vote(1)
    await phones[0].ask('q1', 'Is a rollup | a <layer>?')
    await phones[1].ask('q2', 'Who pays for the agents?')
    await expect.poll(() => Object.keys(host.record().questions).length).toBe(2)
    host.moderate(Object.values(host.record().questions).find(q => q.text.startsWith('Is'))!.id, 'answered')
    await new Promise(r => setTimeout(r, 1200))
    await move(21)
    await new Promise(r => setTimeout(r, 800))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
  }
  finally {
    clients.forEach(c => c.end(true))
    if (child.exitCode === null)
      child.kill('SIGKILL')
  }
  const files = readdirSync(dir)
  expect(files.filter(f => f.endsWith('.md'))).toHaveLength(1)
  const md = readFileSync(join(dir, files.find(f => f.endsWith('.md'))!), 'utf8')
  const json = JSON.parse(readFileSync(join(dir, files.find(f => f.endsWith('.json'))!), 'utf8'))
  expect(md).toContain('- Second prompt: 2 of 2 (100%)')
  expect(md).toContain('| answered | 0 | Is a rollup \\| a \\<layer\\>? |')
  expect(md).toContain('| new | 0 | Who pays for the agents? |')
  expect(md).toMatch(/\| 18 \| Your turn: where does the analogy break\? \| 0:0[12] \|/)
  expect(json.vote).toEqual([
    { prompt: 'First prompt', votes: 0 },
    { prompt: 'Second prompt', votes: 2 },
  ])
  expect(json.questions.map((q: { state: string }) => q.state)).toEqual(['new', 'answered'])
  expect(json.slides.map((s: { no: number }) => s.no)).toEqual([18, 21])
  expect(existsSync(join(dir, files[0]))).toBe(true)
})
