import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { MqttClient } from 'mqtt'
import type { Server, Socket } from 'node:net'
import type { RoomUnderTest } from './support/room'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer, connect as netConnect } from 'node:net'
import { expect, test } from '@playwright/test'
import jsQR from 'jsqr'
import mqtt from 'mqtt'
import { PNG } from 'pngjs'
import { TOPIC } from 'slidev-addon-audience/lib/live/topics'
import { pageErrors } from './support/page-errors'
import { heldUpright } from './support/reading'
import { CONNECTIONS_LOG, presentUpTo as movePresenter, ROOM_KEY, ROOMS } from './support/room'
import { ROOM_NETWORK_PORT, ROOM_PORT } from './support/servers'

// A talk given with `npm run present` (tests/support/rooms.ts starts the rooms), once on
// each broker: the presenter's laptop with the key, and two devices of the audience, a
// phone held upright on the static reading page and a laptop on the slides. The tests
// of a room run in order, as the talk does.

interface Device {
  context: BrowserContext
  page: Page
  /** Everything it was sent: response headers and bodies, WebSocket frames. */
  received: string[]
  errors: string[]
}

/** The phone's Wi-Fi: a proxy in front of the room that the tests can cut. */
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
  const errors = pageErrors(page)
  page.on('response', async (res) => {
    // A response may still arrive as its context closes.
    received.push(`${res.url()} ${JSON.stringify(await res.allHeaders().catch(() => ({})))}`)
    received.push(await res.text().catch(() => ''))
  })
  page.on('websocket', ws => ws.on('framereceived', f => received.push(String(f.payload))))
  return { context, page, received, errors }
}

/** What the broker holds as the talk's position (its retained state), read as a follower reads it. */
async function brokerPage(room: RoomUnderTest): Promise<number> {
  const client = mqtt.connect(room.brokerUrl, { reconnectPeriod: 0 })
  try {
    return await new Promise<number>((resolve, reject) => {
      client.on('error', reject)
      client.on('message', (_t, payload) => resolve(JSON.parse(payload.toString()).page))
      client.subscribe(TOPIC.nav)
      setTimeout(() => reject(new Error('no retained state')), 5000)
    })
  }
  finally {
    client.end(true)
  }
}

/** A raw request with the given Host header: what a rebound DNS name would send. */
function withHost(port: number, host: string, path = '/', headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      headers: { ...headers, host },
    }, (res) => {
      res.resume()
      resolve(res.statusCode!)
    })
    req.on('upgrade', (res, socket) => {
      socket.destroy()
      resolve(res.statusCode!)
    })
    req.on('error', reject)
    req.end()
  })
}

for (const room of ROOMS) {
  test.describe(`a talk in a room on the ${room.broker} broker`, () => {
    test.describe.configure({ mode: 'serial' })
    let network: Network | undefined
    let presenter: Device
    let phone: Device
    let laptop: Device
    const intruders: MqttClient[] = []

    test.beforeAll(async ({ browser }) => {
      if (room.phoneUrl !== room.url) {
        network = new Network(ROOM_NETWORK_PORT, ROOM_PORT)
        await network.listening()
      }
      presenter = await device(browser, {
        baseURL: room.url,
        viewport: { width: 1280, height: 720 },
      })
      phone = await device(browser, {
        baseURL: room.phoneUrl,
        ...heldUpright(),
        reducedMotion: 'reduce',
      })
      laptop = await device(browser, {
        baseURL: room.url,
        viewport: { width: 1280, height: 720 },
      })
    })

    test.afterAll(async () => {
      for (const d of [presenter, phone, laptop])
        await d?.context.close()
      intruders.forEach(c => c.end(true))
      await network?.close()
    })

    const presentUpTo = (no: number) => movePresenter(presenter.page, no)

    async function expectFollowing(no: number): Promise<void> {
      await expect(laptop.page).toHaveURL(new RegExp(`/${no}(\\?|$)`))
      await expect(laptop.page.locator(`.slidev-page-${no}`)).toBeVisible()
      await expect(phone.page.locator('.reading-slide[data-live]')).toHaveAttribute('id', `slide-${no}`)
      await expect(phone.page.getByRole('status').filter({ hasText: 'Live' })).toContainText(`slide ${no} of`)
    }

    test('the presenter\'s clicks reach the phone\'s reading page and the laptop\'s slides', async () => {
      await presenter.page.goto(`/presenter?key=${ROOM_KEY}`)
      await expect(presenter.page).toHaveURL(/\/presenter\/1(\?|$)/)
      expect(presenter.page.url(), 'the key leaves the address').not.toContain(ROOM_KEY)
      await expect(presenter.page.locator('.slidev-page-1').first()).toBeVisible()
      await laptop.page.goto('/')
      await expect(laptop.page.locator('.slidev-page-1')).toBeVisible()
      await phone.page.goto('/')
      await expect(phone.page.locator('.reading-slide').first()).toBeVisible()
      expect(await phone.page.evaluate(() => !!document.querySelector('script[type="module"]')), 'the phone runs no app').toBe(false)
      // The cover's QR code, on the room's screen: the room's address, drawn by its server.
      const link = laptop.page.locator('.slidev-page-1 .deck-link')
      await expect(link.getByRole('img')).toHaveAccessibleName(`QR code for ${room.url}/`)
      await expect(link.locator('img')).toHaveJSProperty('complete', true)
      const png = PNG.sync.read(await link.locator('.qr').screenshot())
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data, 'the QR code decodes').toBe(`${room.url}/`)

      await presentUpTo(4)
      await expectFollowing(4)
      await expect(phone.page.locator('#slide-4')).toBeInViewport()
      expect(await brokerPage(room)).toBe(4)
    })

    test('a device that joins late opens at the live slide', async ({ browser }) => {
      const late = await device(browser, {
        baseURL: room.url,
        viewport: { width: 1280, height: 720 },
      })
      await late.page.goto('/')
      await expect(late.page).toHaveURL(/\/4(\?|$)/)
      await late.context.close()
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

    test('the presenter\'s second device, a phone as a remote, moves the room, and the two views stay in step', async ({ browser }) => {
      const remote = await device(browser, {
        baseURL: room.url,
        ...heldUpright(),
      })
      const at = await brokerPage(room)
      await remote.page.goto(`/presenter/${at}?key=${ROOM_KEY}`)
      await expect(remote.page).toHaveURL(new RegExp(`/presenter/${at}(\\?|$)`), { timeout: 60_000 })
      await expect(remote.page.locator(`.slidev-page-${at}`).first()).toBeVisible({ timeout: 60_000 })
      await remote.page.keyboard.press('ArrowDown')
      await expectFollowing(at + 1)
      await expect(presenter.page, 'the laptop\'s presenter view follows the phone\'s').toHaveURL(new RegExp(`/presenter/${at + 1}(\\?|$)`))
      await presenter.page.keyboard.press('ArrowDown')
      await expect(remote.page, 'and the phone\'s the laptop\'s').toHaveURL(new RegExp(`/presenter/${at + 2}(\\?|$)`))
      await expectFollowing(at + 2)
      expect(remote.errors).toEqual([])
      await remote.context.close()
    })

    test('an audience device cannot move the talk: not by publishing, not with a wrong key, not by replaying a frame', async () => {
      const before = await brokerPage(room)
      const forged = JSON.stringify({
        page: 12,
        clicks: 0,
        lastUpdate: {
          id: 'audience-device',
          type: 'presenter',
          time: Date.now(),
        },
      })
      // As a device in the room would: the broker's address from the page, no credentials.
      const anonymous = mqtt.connect(room.brokerUrl, { reconnectPeriod: 0 })
      intruders.push(anonymous)
      await new Promise(resolve => anonymous.once('connect', resolve))
      // A frame the phone received, sent back as it came.
      const replay = phone.received.filter(f => f.includes('"type":"presenter"')).at(-1)
      expect(replay, 'the phone received the presenter\'s state').toBeTruthy()
      for (const [topic, payload] of [
        [TOPIC.nav, forged],
        [TOPIC.drawings, '{"1":"<svg/>"}'],
        [
          'talk/nav',
          replay!.slice(replay!.indexOf('{')),
        ],
      ]) {
        anonymous.publish(topic, payload, { retain: true, qos: 0 })
      }
      const wrongKey = mqtt.connect(room.brokerUrl, { reconnectPeriod: 0, username: 'presenter', password: `not-${ROOM_KEY}` })
      intruders.push(wrongKey)
      const refused = await new Promise<number | undefined>(resolve => wrongKey.once('error', e => resolve((e as { code?: number }).code)))
      expect(refused, 'CONNACK 5, not authorized').toBe(5)
      await laptop.page.waitForTimeout(1500)
      expect(await brokerPage(room)).toBe(before)
      await expect(laptop.page).toHaveURL(new RegExp(`/${before}(\\?|$)`))
      await presentUpTo(before + 1)
      await expectFollowing(before + 1)
      for (const d of [presenter, phone, laptop])
        expect(d.received.filter(r => r.includes('audience-device'))).toEqual([])
    })

    test('only the built site is served: no file beside the deck, no dev server', async () => {
      const secret = `beside-the-deck-${room.broker}-${Date.now()}`
      writeFileSync('secrets.txt', secret)
      try {
        for (const path of [
          '/secrets.txt',
          '/@fs/secrets.txt',
          `/@fs${process.cwd()}/secrets.txt`,
          '/package.json',
          '/slides.md',
          '/node_modules/.package-lock.json',
          '/.npmrc',
          '/@vite/client',
          '/__slidev/slides/1.json',
          '/@server-reactive/nav',
        ]) {
          const res = await laptop.context.request.get(`${room.url}${path}`)
          const body = await res.text()
          expect(body, path).not.toContain(secret)
          expect(body, path).not.toMatch(/"devDependencies"|import\.meta\.hot|createHotContext|^---\ntheme:/m)
          if (/^\/(?:@|__|node_modules|\.)/.test(path))
            expect(res.status(), path).toBe(404)
        }
        const post = await laptop.context.request.post(`${room.url}/@server-reactive/nav`, { data: '{}' })
        expect(post.status()).toBe(405)
      }
      finally {
        rmSync('secrets.txt', { force: true })
      }
    })

    test('a request for another host name is refused (DNS rebinding), so is a socket from another site\'s page', async () => {
      const port = Number(new URL(room.url).port)
      expect(await withHost(port, `127.0.0.1:${port}`)).toBe(200)
      expect(await withHost(port, `localhost:${port}`)).toBe(200)
      for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.nip.io:${port}`])
        expect(await withHost(port, host), host).toBe(421)
      if (room.broker === 'embedded') {
        const upgrade = {
          'connection': 'Upgrade',
          'upgrade': 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
          'sec-websocket-protocol': 'mqtt',
        }
        expect(await withHost(port, `127.0.0.1:${port}`, '/live', upgrade)).toBe(101)
        expect(await withHost(port, `attacker.example:${port}`, '/live', upgrade)).toBe(400)
        expect(await withHost(port, `127.0.0.1:${port}`, '/live', { ...upgrade, origin: 'http://attacker.example' })).toBe(400)
      }
    })

    if (room.phoneUrl !== room.url) {
      test('a phone that went offline catches up when it is back', async () => {
        const at = await brokerPage(room)
        network!.cut()
        await presentUpTo(at + 2)
        await expect(laptop.page.locator(`.slidev-page-${at + 2}`)).toBeVisible()
        // Cut off, the phone still shows where it was.
        await expect(phone.page.locator('.reading-slide[data-live]')).toHaveAttribute('id', `slide-${at}`)
        network!.restore()
        await expect(phone.page.locator('.reading-slide[data-live]')).toHaveAttribute('id', `slide-${at + 2}`, { timeout: 15_000 })
        await expect(phone.page.locator(`#slide-${at + 2}`)).toBeInViewport()
        // Losing the network is loud in a browser's console; the page itself had no error.
        phone.errors.splice(0, phone.errors.length, ...phone.errors.filter(e => !/WebSocket|ERR_CONNECTION|ERR_EMPTY_RESPONSE|Failed to load resource|net::/.test(e)))
      })
    }

    test('the key is in no response or frame an audience device received', async () => {
      for (const [name, d] of [
        ['phone', phone],
        ['laptop', laptop],
      ] as const) {
        expect(d.received.length, `${name} received something`).toBeGreaterThan(20)
        expect(d.received.filter(r => r.includes(ROOM_KEY)), `what the ${name} received holding the key`).toEqual([])
      }
    })

    test('no page had an error', async () => {
      for (const d of [presenter, phone, laptop])
        expect(d.errors).toEqual([])
    })
  })
}

test('the rooms opened no connection off this machine while they started and served', async () => {
  const lines = readFileSync(CONNECTIONS_LOG, 'utf8').trim().split('\n').map(l => JSON.parse(l) as { kind: string, to: string, local: boolean })
  // The log is live: each present command's own check that its room answers is in it.
  expect(lines.filter(l => l.kind === 'connect' && l.to === '127.0.0.1').length).toBeGreaterThanOrEqual(2)
  expect(lines.filter(l => !l.local)).toEqual([])
})
