import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import process from 'node:process'
import { expect, test } from '@playwright/test'
import { heldUpright } from './support/reading'
import { AUDIENCE_HOST } from './support/room'
import { RESTART_ROOM_PORT } from './support/servers'

// The presenter's laptop restarts `npm run present` mid-talk (a crash, a closed lid):
// the room's phones come back by themselves, and the presenter's view puts the talk
// back where it was. This spec starts and stops its own room server, as the README says.
const KEY = 'restart-presenter-key-51c0'
const ROOM = `http://127.0.0.1:${RESTART_ROOM_PORT}`

function present(): ChildProcess {
  return spawn('npm', [
    'run',
    'present',
    '--',
    '--bind',
    '127.0.0.1',
    '--port',
    String(RESTART_ROOM_PORT),
  ], {
    env: { ...process.env, PRESENTER_KEY: KEY },
    stdio: 'ignore',
    detached: true,
  })
}

async function answering(): Promise<void> {
  await expect.poll(() => fetch(`${ROOM}/`).then(r => r.status, () => 0), { timeout: 180_000 }).toBe(200)
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    server.once('exit', () => resolve())
    process.kill(-server.pid!, 'SIGTERM')
  })
}

test('after a restart of the room server the phones follow the talk again, from where it was', async ({ browser }) => {
  test.setTimeout(420_000)
  let server = present()
  try {
    await answering()
    const presenter = await (await browser.newContext({ baseURL: ROOM })).newPage()
    await presenter.goto(`/presenter?key=${KEY}`)
    await expect(presenter).toHaveURL(/\/presenter\/1(\?|$)/)
    const phone = await (await browser.newContext({
      baseURL: `http://${AUDIENCE_HOST}:${RESTART_ROOM_PORT}`,
      ...heldUpright(),
    })).newPage()
    await phone.goto('/')
    await expect(phone.locator('.reading-slide').first()).toBeVisible()
    for (const no of [2, 3]) {
      await presenter.keyboard.press('ArrowDown')
      await expect(presenter).toHaveURL(new RegExp(`/presenter/${no}(\\?|$)`))
    }
    const live = phone.locator('.reading-slide[data-live]')
    await expect(live).toHaveAttribute('id', 'slide-3')

    // A mark that a reload wipes, to know each page has come back by itself.
    for (const page of [presenter, phone])
      await page.evaluate(() => document.documentElement.setAttribute('data-before-restart', ''))
    await stop(server)
    server = present()
    await answering()
    for (const page of [presenter, phone])
      await expect(page.locator('html[data-before-restart]')).toHaveCount(0, { timeout: 120_000 })
    // The presenter's view, reloaded, says where the talk is.
    // A cold, busy machine draws the pages again slowly.
    await expect(presenter).toHaveURL(/\/presenter\/3(\?|$)/, { timeout: 60_000 })
    await expect(live).toHaveAttribute('id', 'slide-3', { timeout: 60_000 })
    await expect(phone.locator('#slide-3')).toBeInViewport()
    await presenter.keyboard.press('ArrowDown')
    await expect(live).toHaveAttribute('id', 'slide-4')
  }
  finally {
    await stop(server)
  }
})
