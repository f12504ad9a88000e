import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { Server, Socket } from 'node:net'
import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { createServer, connect as netConnect } from 'node:net'
import { expect, test } from '@playwright/test'
import { KEY_HEADER, NO_KEY, REFUSED, SHARED_KEYS, WRONG_KEY } from '../lib/room'
import { heldUpright } from './support/reading'
import { AUDIENCE_URL, CONNECTIONS_LOG, PHONE_URL, ROOM_KEY, ROOM_URL } from './support/room'
import { ROOM_NETWORK_PORT, ROOM_PORT } from './support/servers'

// A talk given with `npm run present` (playwright.room.config.ts starts it): the
// presenter's laptop with the key, and two devices of the audience, a phone held
// upright in the reading view and a laptop on the slides. The tests run in order, on
// one server, as the talk does.
test.describe.configure({ mode: 'serial' })

interface Device {
  context: BrowserContext
  page: Page
  /** Everything the server sent it: response bodies and WebSocket frames. */
  received: string[]
  errors: string[]
}

/** The phone's Wi-Fi: a proxy in front of the room server that the tests can cut. */
class Network {
  private server: Server
  private sockets = new Set<Socket>()
  up = true
  constructor(port: number, target: number) {
    this.server = createServer((socket) => {
      if (!this.up)
        return socket.destroy()
      const upstream = netConnect(target, '127.0.0.1')
      for (const s of [socket, upstream]) {
        this.sockets.add(s)
        s.on('close', () => this.sockets.delete(s))
        s.on('error', () => {})
      }
      socket.pipe(upstream).pipe(socket)
    })
    this.server.listen(port, '127.0.0.1')
  }

  listening(): Promise<void> {
    return this.server.listening
      ? Promise.resolve()
      : new Promise(resolve => this.server.once('listening', () => resolve()))
  }

  cut(): void {
    this.up = false
    for (const s of this.sockets)
      s.destroy()
  }

  restore(): void {
    this.up = true
  }

  close(): Promise<void> {
    this.cut()
    return new Promise(resolve => this.server.close(() => resolve()))
  }
}

async function device(browser: Browser, options: Parameters<Browser['newContext']>[0]): Promise<Device> {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  const received: string[] = []
  const errors: string[] = []
  page.on('response', async (res) => {
    // A response may still arrive as its context closes.
    received.push(`${res.url()} ${JSON.stringify(await res.allHeaders().catch(() => ({})))}`)
    received.push(await res.text().catch(() => ''))
  })
  page.on('websocket', ws => ws.on('framereceived', f => received.push(String(f.payload))))
  page.on('pageerror', e => errors.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error')
      errors.push(`console error: ${m.text()}`)
  })
  page.on('dialog', d => errors.push(`dialog: ${d.type()} ${d.message()}`))
  return { context, page, received, errors }
}

/** A request from the device's page, as its browser sends it; refusals are expected, not errors. */
async function send(device: Device, path: string, init: { method: string, body?: string, headers?: Record<string, string> }): Promise<{ status: number, text: string }> {
  const answer = await device.page.evaluate(async ({ path, init }) => {
    // An open MCP endpoint answers GET with a stream that never ends.
    const res = await fetch(path, {
      ...init,
      signal: AbortSignal.timeout(10_000),
    })
    return { status: res.status, text: await res.text().catch(e => String(e)) }
  }, { path, init })
  const expected = `status of ${answer.status}`
  device.errors.splice(0, device.errors.length, ...device.errors.filter(e => !e.includes(expected)))
  return answer
}

/** The slide the server says is being presented. */
async function serverPage(context: BrowserContext): Promise<number> {
  const code = await (await context.request.get(`${ROOM_URL}/@server-reactive/nav`)).text()
  return JSON.parse(code.match(/reactive\((\{.*\})\)/)![1]).page
}

let network: Network
let presenter: Device
let phone: Device
let laptop: Device

test.beforeAll(async ({ browser }) => {
  network = new Network(ROOM_NETWORK_PORT, ROOM_PORT)
  await network.listening()
  presenter = await device(browser, {
    baseURL: ROOM_URL,
    viewport: { width: 1280, height: 720 },
  })
  phone = await device(browser, {
    baseURL: PHONE_URL,
    ...heldUpright(),
    reducedMotion: 'reduce',
  })
  laptop = await device(browser, {
    baseURL: AUDIENCE_URL,
    viewport: { width: 1280, height: 720 },
  })
})

test.afterAll(async () => {
  for (const d of [presenter, phone, laptop])
    await d?.context.close()
  await network?.close()
})

/** The presenter moves on to slide `no` with the keyboard, a slide at a time. */
async function presentUpTo(no: number): Promise<void> {
  const page = presenter.page
  const at = () => Number(new URL(page.url()).pathname.split('/').pop())
  while (at() !== no) {
    const from = at()
    await page.keyboard.press(from < no
      ? 'ArrowDown'
      : 'ArrowUp')
    await expect.poll(at).not.toBe(from)
  }
}

async function expectFollowing(no: number): Promise<void> {
  await expect(laptop.page).toHaveURL(new RegExp(`/${no}(\\?|$)`))
  await expect(laptop.page.locator(`.slidev-page-${no}`)).toBeVisible()
  const live = phone.page.locator('.reading-slide[data-live]')
  await expect(live).toHaveAttribute('id', `slide-${no}`)
  await expect(phone.page.getByRole('status').filter({ hasText: 'Live' })).toContainText(`slide ${no} of`)
}

test('the presenter\'s clicks reach the phone\'s reading view and the laptop\'s slides', async () => {
  await presenter.page.goto(`/presenter?key=${ROOM_KEY}`)
  await expect(presenter.page).toHaveURL(/\/presenter\/1(\?|$)/)
  await expect(presenter.page.locator('.slidev-page-1').first()).toBeVisible()
  await laptop.page.goto('/')
  await expect(laptop.page.locator('.slidev-page-1')).toBeVisible()
  await phone.page.goto('/')
  await expect(phone.page).toHaveURL(/\/read$/)
  await expect(phone.page.locator('.reading-slide').first()).toBeVisible()

  await presentUpTo(4)
  await expectFollowing(4)
  await expect(phone.page.locator('#slide-4')).toBeInViewport()
  expect(await serverPage(presenter.context)).toBe(4)
})

test('with reduced motion the phone jumps to the new slide, it does not glide', async () => {
  const positions = phone.page.evaluate(() => new Promise<number[]>((resolve) => {
    const seen: number[] = []
    const sample = () => {
      seen.push(Math.round(window.scrollY))
      if (seen.length < 60) {
        requestAnimationFrame(sample)
      }
      else {
        resolve([
          ...new Set(seen),
        ])
      }
    }
    requestAnimationFrame(sample)
  }))
  await presentUpTo(6)
  await expectFollowing(6)
  const distinct = await positions
  expect(distinct.length, `scroll positions on the way: ${distinct.join(', ')}`).toBeLessThanOrEqual(3)
})

test('a reader who scrolls away stops following, and "Back to live" brings them back', async () => {
  const back = phone.page.getByRole('button', { name: 'Back to live' })
  await expect(back).toBeHidden()
  await phone.page.mouse.move(200, 500)
  await phone.page.mouse.wheel(0, -4000)
  await expect(back).toBeVisible()
  await expect(phone.page.locator('#slide-6')).not.toBeInViewport()
  const readerAt = await phone.page.evaluate(() => window.scrollY)
  await presentUpTo(7)
  await expectFollowing(7)
  expect(await phone.page.evaluate(() => window.scrollY), 'the page stays where the reader is').toBe(readerAt)
  await back.click()
  await expect(phone.page.locator('#slide-7')).toBeInViewport()
  await expect(back).toBeHidden()
})

test('the presenter\'s second device, a phone as a remote, moves the room too', async ({ browser }) => {
  const remote = await device(browser, {
    baseURL: ROOM_URL,
    ...heldUpright(),
  })
  const at = await serverPage(presenter.context)
  // Opened at the slide being presented, it does not send the room back to the cover.
  await remote.page.goto(`/presenter/${at}?key=${ROOM_KEY}`)
  await expect(remote.page).toHaveURL(new RegExp(`/presenter/${at}(\\?|$)`), { timeout: 60_000 })
  await expect(remote.page.locator(`.slidev-page-${at}`).first()).toBeVisible({ timeout: 60_000 })
  await remote.page.keyboard.press('ArrowDown')
  await expectFollowing(at + 1)
  expect(remote.errors).toEqual([])
  await remote.context.close()
  // Slidev's presenter views do not follow each other: the laptop's catches up by itself.
  await presentUpTo(at + 1)
})

test('an audience POST to every shared-state key gets 403 and moves nothing', async () => {
  const before = await serverPage(presenter.context)
  const body = JSON.stringify({
    source: 'audience-device',
    patch: {
      page: 12,
      clicks: 0,
      lastUpdate: {
        id: 'audience-device',
        type: 'presenter',
        time: Date.now(),
      },
    },
    timestamp: Date.now(),
  })
  const targets = [
    ...SHARED_KEYS.flatMap(key => [`/@server-reactive/${key}`, `/@server-ref/${key}`]),
    '/@server-reactive/sync',
    // Slidev's own write to a slide's notes and content.
    '/__slidev/slides/1.json',
  ]
  for (const device of [phone, laptop]) {
    for (const target of targets) {
      const res = await send(device, target, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      })
      expect(res.status, `POST ${target}`).toBe(403)
      expect(res.text).toContain(REFUSED)
    }
  }
  expect(await serverPage(presenter.context)).toBe(before)
  // The presenter's next move is the next thing every device hears.
  await presentUpTo(before + 1)
  await expectFollowing(before + 1)
  for (const device of [presenter, phone, laptop])
    expect(device.received.filter(r => r.includes('audience-device'))).toEqual([])
  expect(readFileSync('slides.md', 'utf8')).not.toContain('audience-device')
})

test('a malformed or oversized body is refused and the server keeps serving', async () => {
  const post = (data: string | Buffer) => presenter.context.request.post(`${ROOM_URL}/@server-reactive/nav`, {
    data,
    headers: { [KEY_HEADER]: ROOM_KEY, 'content-type': 'application/json' },
  })
  expect((await post('{"patch": {')).status()).toBe(400)
  expect((await post('[]')).status()).toBe(400)
  // Slidev's own notes endpoint parses the body too; a bad one used to crash it.
  expect((await presenter.context.request.post(`${ROOM_URL}/__slidev/slides/1.json`, {
    data: '{"note": ',
    headers: { [KEY_HEADER]: ROOM_KEY },
  })).status()).toBe(400)
  expect((await post(Buffer.alloc(2 * 1024 * 1024, 'a'))).status()).toBe(413)
  expect((await presenter.context.request.post(`${ROOM_URL}/@server-reactive/__proto__`, {
    data: '{"patch":{"polluted":true}}',
    headers: { [KEY_HEADER]: ROOM_KEY },
  })).status()).toBe(400)
  expect((await send(laptop, '/', { method: 'GET' })).status).toBe(200)
  await presentUpTo(await serverPage(presenter.context) + 1)
})

test('/__mcp and the other tools of the dev server do not answer the audience', async () => {
  for (const device of [phone, laptop]) {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await send(device, '/__mcp', {
        method,
        body: method === 'POST'
          ? JSON.stringify({
              jsonrpc: '2.0',
              id: 1,
              method: 'tools/list',
              params: {},
            })
          : undefined,
        headers: { 'accept': 'application/json, text/event-stream', 'content-type': 'application/json' },
      })
      expect(res.status, `${method} /__mcp`).toBe(403)
      expect(res.text).not.toContain('jsonrpc')
    }
    expect((await send(device, '/__open-in-editor?file=slides.md', { method: 'GET' })).status).toBe(403)
  }
})

test('the presenter\'s pages tell the audience, once, that they need the key', async () => {
  const page = await laptop.context.newPage()
  for (const [address, message] of [
    ['/presenter', NO_KEY],
    ['/presenter/3', NO_KEY],
    [`/presenter?key=not-${ROOM_KEY}`, WRONG_KEY],
  ]) {
    const res = await page.goto(address)
    expect(res?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Presenter only' })).toBeVisible()
    await expect(page.getByText(message)).toBeVisible()
  }
  // The nav bar's presenter button, inside the app, ends on the same page.
  await page.goto('/')
  await page.getByRole('button', { name: 'Presenter Mode' }).click({ force: true })
  await expect(page.getByRole('heading', { name: 'Presenter only' })).toBeVisible()
  await expect(page.getByText(NO_KEY)).toBeVisible()
  await page.close()
  expect(laptop.errors.filter(e => e.startsWith('dialog'))).toEqual([])
})

test('a phone that went offline catches up when it is back', async () => {
  const at = await serverPage(presenter.context)
  network.cut()
  await presentUpTo(at + 2)
  await expect(laptop.page.locator(`.slidev-page-${at + 2}`)).toBeVisible()
  // Cut off, the phone still shows where it was.
  await expect(phone.page.locator('.reading-slide[data-live]')).toHaveAttribute('id', `slide-${at}`)
  network.restore()
  await expect(phone.page.locator('.reading-slide[data-live]')).toHaveAttribute('id', `slide-${at + 2}`, { timeout: 60_000 })
  await expect(phone.page.locator(`#slide-${at + 2}`)).toBeInViewport()
  // Losing the network is loud in a browser's console; the page itself had no error.
  phone.errors.splice(0, phone.errors.length, ...phone.errors.filter(e => !/WebSocket|ERR_CONNECTION|ERR_EMPTY_RESPONSE|Failed to load resource|net::/.test(e)))
})

test('the key is in no response an audience device received', async () => {
  for (const [name, device] of [
    ['phone', phone],
    ['laptop', laptop],
  ] as const) {
    expect(device.received.length, `${name} received something`).toBeGreaterThan(50)
    expect(device.received.filter(r => r.includes(ROOM_KEY)), `responses to the ${name} holding the key`).toEqual([])
    expect(device.received.filter(r => /lp-presenter=/.test(r)), `cookies for the ${name}`).toEqual([])
  }
  expect(presenter.received.some(r => r.includes('lp-presenter=')), 'the presenter got the cookie').toBe(true)
})

test('no page had an error', async () => {
  for (const device of [presenter, phone, laptop])
    expect(device.errors).toEqual([])
})

test('the server opened no connection off this machine while it started and served', async () => {
  const lines = readFileSync(CONNECTIONS_LOG, 'utf8').trim().split('\n').map(l => JSON.parse(l) as { kind: string, to: string, local: boolean })
  // The log is live: the present command's own check that the server answers is in it.
  expect(lines.some(l => l.kind === 'connect' && l.to === '127.0.0.1')).toBe(true)
  expect(lines.filter(l => !l.local)).toEqual([])
})
