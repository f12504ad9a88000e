import type { ChildProcess } from 'node:child_process'
import type { RunningBroker } from './support/brokers'
import { spawn } from 'node:child_process'
import process from 'node:process'
import { expect, test } from '@playwright/test'
import { mosquitto } from './support/brokers'
import { tap } from './support/keyboard'
import { heldUpright } from './support/reading'
import { RESTART_ROOM_PORT } from './support/servers'

// The broker restarts mid-talk, and the room's phones and slides come back by themselves
// within 5 s of it answering again, and the presenter's view puts the talk back where it
// was. Two ways, each with a room of its own started as the README says, on the build the
// room specs share:
// - the presenter's laptop restarts `npm run present` (a crash, a closed lid): the embedded
//   broker is gone and with it the talk's retained state;
// - Mosquitto is restarted under `npm run present -- --broker …` (the service restarted).
const KEY = 'restart-presenter-key-51c0'
const ROOM = `http://127.0.0.1:${RESTART_ROOM_PORT}`

function present(broker?: RunningBroker): ChildProcess {
  return spawn('npm', [
    'run',
    'present',
    '--',
    '--bind',
    '127.0.0.1',
    '--port',
    String(RESTART_ROOM_PORT),
    '--no-build',
    ...(broker
      ? ['--broker', broker.url]
      : []),
  ], {
    env: { ...process.env, PRESENTER_KEY: KEY },
    stdio: 'ignore',
    detached: true,
  })
}

async function answering(): Promise<void> {
  await expect.poll(() => fetch(`${ROOM}/`).then(r => r.status, () => 0), {
    timeout: 60_000,
    intervals: [100],
  }).toBe(200)
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null)
      return resolve()
    server.once('exit', () => resolve())
    process.kill(-server.pid!, 'SIGTERM')
  })
}

// One room port: one restart at a time.
test.describe.configure({ mode: 'serial' })
const RESTARTS = [
  { what: 'the room (npm run present, its embedded broker)', mosquitto: false },
  { what: 'Mosquitto, under the room', mosquitto: true },
]

for (const restart of RESTARTS) {
  test(`after a restart of ${restart.what} the phones and slides follow again within 5 s, from where the talk was`, async ({ browser }) => {
    test.setTimeout(180_000)
    const broker = restart.mosquitto
      ? await mosquitto(KEY)
      : undefined
    let server = present(broker)
    try {
      await answering()
      const presenter = await (await browser.newContext({ baseURL: ROOM })).newPage()
      await presenter.goto(`/presenter?key=${KEY}`)
      await expect(presenter).toHaveURL(/\/presenter\/1(\?|$)/)
      const phone = await (await browser.newContext({
        baseURL: ROOM,
        ...heldUpright(),
      })).newPage()
      await phone.goto('/')
      await expect(phone.locator('.reading-slide').first()).toBeVisible()
      const slides = await (await browser.newContext({ baseURL: ROOM })).newPage()
      await slides.goto('/')
      for (const no of [2, 3]) {
        await tap(presenter, 'ArrowDown')
        await expect(presenter).toHaveURL(new RegExp(`/presenter/${no}(\\?|$)`))
      }
      const live = phone.locator('.reading-slide[data-live]')
      await expect(live).toHaveAttribute('id', 'slide-3')
      await expect(slides).toHaveURL(/\/3(\?|$)/)

      // A mark that a reload would wipe: each page comes back by itself, not reloaded.
      for (const page of [presenter, phone, slides])
        await page.evaluate(() => document.documentElement.setAttribute('data-before-restart', ''))
      let back: number
      if (broker) {
        await broker.stop()
        await broker.start()
        back = performance.now()
      }
      else {
        await stop(server)
        server = present()
        await answering()
        back = performance.now()
      }
      // The presenter's view, connected again, sends where the talk is; the next move reaches everyone.
      await tap(presenter, 'ArrowDown')
      await expect(live).toHaveAttribute('id', 'slide-4', { timeout: 5_000 })
      await expect(slides).toHaveURL(/\/4(\?|$)/, { timeout: 5_000 })
      const took = performance.now() - back
      test.info().annotations.push({ type: 'back after the restart', description: `${Math.round(took)} ms` })
      expect(took).toBeLessThan(5_000)
      for (const page of [presenter, phone, slides])
        await expect(page.locator('html[data-before-restart]')).toHaveCount(1)
    }
    finally {
      await stop(server)
      await broker?.stop()
    }
  })
}
