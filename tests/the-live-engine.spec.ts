import type { MqttClient, Packet } from 'mqtt'
import type { BrokerKind, RunningBroker } from './support/brokers'
import { Buffer } from 'node:buffer'
import { expect, test } from '@playwright/test'
import mqtt from 'mqtt'
import { connectLive } from 'slidev-addon-audience/lib/live/connect'
import { loadRules, may } from 'slidev-addon-audience/lib/live/rules'
import { mqttSync } from 'slidev-addon-audience/lib/live/sync'
import { PRESENTER_USER, TOPIC } from 'slidev-addon-audience/lib/live/topics'
import { bridgeConf, BROKERS, mosquitto, startBroker } from './support/brokers'

// The live path's engine, on both brokers it runs on, from the devices' side: MQTT.js
// clients as the pages use them (lib/live/sync.ts is what the pages hand Slidev). No
// browser: what is tested is who may do what, and what arrives.
const KEY = 'live-engine-presenter-key-7d1e'
const CHANNEL = 'The Layered Paradox - shared'

interface Nav { page: number, clicks: number, lastUpdate: { id: string, type: 'presenter' | 'viewer', time: number } }
function nav(page: number, id = 'presenter-laptop'): Nav {
  return {
    page,
    clicks: 0,
    lastUpdate: {
      id,
      type: 'presenter',
      time: Date.now(),
    },
  }
}

interface Device {
  client: MqttClient
  /** Every packet the broker sent it, as bytes in text. */
  frames: string[]
  /** What Slidev would have been told (onUpdate), in order. */
  updates: Partial<Nav>[]
  write?: (state: Nav, updating?: boolean) => void
}

/**
 * Slidev's side of a channel, as the page holds it: each update lands in `state`, except
 * those `lets(update)` says the page lets fall (as Slidev's sync state does while the
 * page is patching its own state). `updates` is every update it was handed.
 */
function follow(client: MqttClient, presenter: boolean, lets: (update: Partial<Nav>) => boolean = () => false, at = 1) {
  const state = nav(at)
  const updates: Partial<Nav>[] = []
  const write = mqttSync(client, presenter).init<Nav>(CHANNEL, (d) => {
    updates.push(d)
    if (!lets(d))
      Object.assign(state, d)
  }, state)
  return { state, updates, write }
}

async function device(broker: RunningBroker, options: { presenter?: boolean, password?: string, lets?: (update: Partial<Nav>) => boolean, at?: number } = {}): Promise<Device & { state: Nav }> {
  const client = mqtt.connect(broker.url, {
    reconnectPeriod: 500,
    connectTimeout: 5000,
    ...(options.presenter || options.password
      ? { username: PRESENTER_USER, password: options.password ?? KEY }
      : {}),
  })
  const frames: string[] = []
  client.on('packetreceive', (p: Packet) => frames.push(JSON.stringify(p)))
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve())
    client.once('error', reject)
  })
  return {
    client,
    frames,
    ...follow(client, !!options.presenter, options.lets, options.at),
  }
}

const pages = (d: Device) => d.updates.map(u => u.page)

for (const kind of BROKERS) {
  test.describe(`the live path on the ${kind} broker`, () => {
    test.describe.configure({ mode: 'serial' })
    let broker: RunningBroker
    const devices: Device[] = []
    const open = async (options?: Parameters<typeof device>[1]) => {
      const d = await device(broker, options)
      devices.push(d)
      return d
    }
    test.beforeAll(async () => {
      broker = await startBroker(kind as BrokerKind, KEY)
    })
    // Each test's devices leave with it, as a talk's do.
    test.afterEach(() => {
      for (const d of devices.splice(0))
        d.client.end(true)
    })
    test.afterAll(async () => {
      await broker?.stop()
    })

    test('followers see each move; a late joiner gets the live slide at once', async () => {
      const presenter = await open({ presenter: true })
      const phone = await open()
      await expect.poll(() => phone.client.connected).toBe(true)
      presenter.write!(nav(3))
      await expect.poll(() => pages(phone)).toContain(3)
      presenter.write!(nav(4))
      await expect.poll(() => pages(phone).at(-1)).toBe(4)
      // A write Slidev makes while applying an update is not sent again.
      presenter.write!(nav(9), true)
      const late = await open()
      await expect.poll(() => pages(late)).toEqual([4])
      expect(pages(phone)).not.toContain(9)
    })

    test('a device without the key cannot move the talk: not by publishing, not by replaying what it received', async () => {
      const presenter = await open({ presenter: true })
      const phone = await open()
      presenter.write!(nav(5))
      await expect.poll(() => pages(phone).at(-1)).toBe(5)
      const received = phone.frames.filter(f => f.includes('"cmd":"publish"')).map(f => JSON.parse(f) as { topic: string, payload: { data: number[] } })
      expect(received.length).toBeGreaterThan(0)
      presenter.write!(nav(6))
      await expect.poll(() => pages(phone).at(-1)).toBe(6)
      // Each try on a connection of its own: Mosquitto drops a refused publish, Aedes also
      // closes the connection.
      const tries: [string, string | Buffer][] = [
        [
          TOPIC.nav,
          JSON.stringify(nav(13)),
        ],
        [
          TOPIC.drawings,
          JSON.stringify({ 1: '<path d="M0 0"/>' }),
        ],
        ...received.map(f => [
          f.topic,
          Buffer.from(f.payload.data),
        ] as [string, Buffer]),
      ]
      for (const [topic, payload] of tries) {
        const hostile = await open()
        for (const qos of [0, 1] as const)
          hostile.client.publish(topic, payload, { qos, retain: true })
      }
      // A new follower and the old one still see the presenter's slide: nothing moved.
      await new Promise(r => setTimeout(r, 1000))
      const late = await open()
      await expect.poll(() => pages(late)).toEqual([6])
      expect(pages(phone).at(-1)).toBe(6)
      expect(late.updates.some(u => JSON.stringify(u).includes('M0 0'))).toBe(false)
    })

    test('a wildcard subscription gets only the talk\'s state; a wrong key or user is refused; the key is in no frame', async () => {
      const snoop = await open()
      const topics = new Set<string>()
      snoop.client.on('message', t => topics.add(t))
      for (const filter of ['#', 'talk/+', '$SYS/#', '+/+/+'])
        await snoop.client.subscribeAsync(filter).catch(() => {})
      const presenter = await open({ presenter: true })
      presenter.write!(nav(7))
      await expect.poll(() => topics.has(TOPIC.nav)).toBe(true)
      await new Promise(r => setTimeout(r, 500))
      expect([...topics].filter(t => t !== TOPIC.nav && t !== TOPIC.drawings)).toEqual([])
      for (const password of [
        `${KEY}x`,
        KEY.slice(0, -1),
      ])
        await expect(device(broker, { password }), password).rejects.toThrow(/not authori[sz]ed/i)
      await expect(new Promise((resolve, reject) => {
        const c = mqtt.connect(broker.url, { username: 'audience', password: KEY, reconnectPeriod: 0 })
        c.once('connect', resolve)
        c.once('error', reject)
      })).rejects.toThrow(/not authori[sz]ed/i)
      for (const d of devices.filter(d => d !== presenter && !d.write))
        expect(d.frames.join('\n')).not.toContain(KEY)
      expect(snoop.frames.join('\n')).not.toContain(KEY)
    })

    test('presenter views stay in step: another presenter\'s move reaches a presenter as a viewer\'s, its own echo does not', async () => {
      const laptop = await open({ presenter: true })
      const remote = await open({ presenter: true })
      await new Promise(r => setTimeout(r, 300))
      const before = laptop.updates.length
      remote.write!(nav(8, 'phone-remote'))
      await expect.poll(() => laptop.updates.at(-1)?.page).toBe(8)
      expect(laptop.updates.at(-1)?.lastUpdate?.type).toBe('viewer')
      laptop.write!(nav(8, 'presenter-laptop'))
      laptop.write!(nav(9, 'presenter-laptop'))
      await expect.poll(() => pages(remote).at(-1)).toBe(9)
      await new Promise(r => setTimeout(r, 300))
      expect(laptop.updates.slice(before).map(u => u.page)).toEqual([8])
    })

    test('a state the page let fall (Slidev drops an update while it patches its own state) is handed on again until the page holds it', async () => {
      const presenter = await open({ presenter: true })
      let fallen = 0
      // The page lets the first two deliveries of slide 12 fall, as a laptop following the
      // talk does when the move arrives in the tick after its own write.
      const laptop = await open({
        lets: u => u.page === 12 && fallen++ < 2,
      })
      presenter.write!(nav(12))
      await expect.poll(() => laptop.state.page).toBe(12)
      expect(pages(laptop).filter(p => p === 12)).toHaveLength(3)
      // Once held, it is handed on no more.
      await new Promise(r => setTimeout(r, 300))
      expect(pages(laptop).filter(p => p === 12)).toHaveLength(3)
    })

    test('a presenter\'s own move wins over another\'s move it let fall: that one is not handed on again', async () => {
      let fell = 0
      const laptop: Device & { state: Nav } = await open({
        presenter: true,
        // The remote's move arrives as the laptop moves on by itself: Slidev lets it fall.
        lets: (u) => {
          if (u.page !== 13 || fell++ > 0)
            return false
          laptop.state.page = 14
          laptop.write!(nav(14, 'presenter-laptop'))
          return true
        },
      })
      const remote = await open({ presenter: true })
      await new Promise(r => setTimeout(r, 300))
      remote.write!(nav(13, 'phone-remote'))
      await expect.poll(() => pages(laptop)).toContain(13)
      await new Promise(r => setTimeout(r, 400))
      expect(laptop.state.page).toBe(14)
      expect(pages(laptop).filter(p => p === 13)).toHaveLength(1)
      await expect.poll(() => remote.state.page).toBe(14)
    })

    test('a presenter view that opens where the broker holds no talk starts it at its slide; where it holds one, follows it', async () => {
      // No talk held: what earlier tests left is taken away (an empty retained message).
      const clear = await open({ presenter: true })
      await clear.client.publishAsync(TOPIC.nav, '', { qos: 1, retain: true })
      clear.client.end(true)
      const phone = await open()
      const laptop = await open({ presenter: true, at: 5 })
      await expect.poll(() => pages(phone).at(-1)).toBe(5)
      const late = await open()
      await expect.poll(() => pages(late)).toEqual([5])
      // A second presenter view, opened elsewhere in the talk, does not move the room.
      const remote = await open({ presenter: true, at: 2 })
      await expect.poll(() => remote.state.page).toBe(5)
      await new Promise(r => setTimeout(r, 800))
      expect(pages(phone).at(-1)).toBe(5)
      expect(laptop.state.page).toBe(5)
    })

    test('a presenter view that moves before the talk the broker holds reaches it keeps its move: the held state is older', async () => {
      const laptop = await open({ presenter: true })
      laptop.write!(nav(6, 'presenter-laptop'))
      const phone = await open()
      await expect.poll(() => pages(phone).at(-1)).toBe(6)
      // A phone as a remote opens and is pressed at once: its move is on its way to the
      // broker behind its subscription, so the talk held (slide 6) reaches it after its move.
      const remote = await open({ presenter: true, at: 6 })
      remote.state.page = 7
      remote.write!(nav(7, 'phone-remote'))
      await expect.poll(() => pages(phone).at(-1)).toBe(7)
      await expect.poll(() => laptop.state.page).toBe(7)
      await new Promise(r => setTimeout(r, 500))
      expect(pages(remote), 'the held slide 6 is not handed to the remote after its move').not.toContain(6)
      expect(remote.state.page).toBe(7)
      // And the laptop, which followed the remote, does not send its own older move again
      // when the connection comes back: only a view whose move is the latest does.
      laptop.client.stream.destroy()
      await new Promise(r => setTimeout(r, 1_500))
      expect(pages(phone).at(-1)).toBe(7)
      expect(remote.state.page).toBe(7)
    })

    test('the broker restarts: followers are back within 5 s with no action, on the presenter\'s slide', async () => {
      const presenter = await open({ presenter: true })
      const phone = await open()
      presenter.write!(nav(10))
      await expect.poll(() => pages(phone).at(-1)).toBe(10)
      await broker.stop()
      await broker.start()
      const up = Date.now()
      // The presenter's slide is back (an embedded broker forgot it: the presenter sends it again).
      const late = await open()
      await expect.poll(() => pages(late).at(-1), { timeout: 5_000 }).toBe(10)
      presenter.write!(nav(11))
      await expect.poll(() => pages(phone).at(-1), { timeout: 5_000 }).toBe(11)
      test.info().annotations.push({ type: 'back after a restart', description: `${Date.now() - up} ms` })
      expect(Date.now() - up).toBeLessThan(5_000)
    })
  })
}

// Beyond one machine: two Mosquitto brokers joined by Mosquitto's own bridge, with the
// shipped bridge.conf, and the pages' own client (lib/live/connect.ts) given both addresses.
test.describe('two Mosquitto brokers joined by a bridge', () => {
  let a: RunningBroker
  let b: RunningBroker
  const clients: MqttClient[] = []
  test.beforeAll(async () => {
    a = await mosquitto(KEY)
    b = await mosquitto(KEY, undefined, bridgeConf(a.tcpPort!, KEY))
  })
  test.afterAll(async () => {
    for (const c of clients)
      c.end(true)
    await a?.stop()
    await b?.stop()
  })
  function join(servers: string[], key = ''): { client: MqttClient, updates: Partial<Nav>[], write?: (s: Nav) => void, connects: () => number } {
    const client = connectLive({ servers, room: '' }, key)
    clients.push(client)
    const { updates, write } = follow(client, !!key)
    let connects = 0
    client.on('connect', () => connects++)
    return {
      client,
      updates,
      write,
      connects: () => connects,
    }
  }

  test('the presenter on one, followers on both, all follow; stop one and its followers move to the other within 10 s', async () => {
    const presenter = join([a.url, b.url], KEY)
    const onA = join([a.url, b.url])
    const onB = join([b.url, a.url])
    for (const d of [presenter, onA, onB])
      await expect.poll(() => d.client.connected).toBe(true)
    // The bridge is up once a move crosses it.
    await expect.poll(() => {
      presenter.write!(nav(2))
      return onB.updates.at(-1)?.page
    }, { timeout: 15_000 }).toBe(2)
    presenter.write!(nav(3))
    for (const d of [onA, onB])
      await expect.poll(() => d.updates.at(-1)?.page).toBe(3)
    // A late joiner on the far broker gets the live slide from its own broker's retained state.
    const lateOnB = join([b.url])
    await expect.poll(() => lateOnB.updates.map(u => u.page)).toEqual([3])

    const before = [presenter, onA].map(d => d.connects())
    await a.stop()
    const stopped = Date.now()
    // The presenter and the follower that were on A connect again, with no action: to B,
    // the only broker left.
    for (const [i, d] of [presenter, onA].entries())
      await expect.poll(() => d.client.connected && d.connects() > before[i], { timeout: 10_000 }).toBe(true)
    presenter.write!(nav(4))
    for (const d of [onA, onB, lateOnB]) {
      await expect.poll(() => d.updates.at(-1)?.page, {
        timeout: Math.max(1, 10_000 - (Date.now() - stopped)),
      }).toBe(4)
    }
    test.info().annotations.push({ type: 'followers of the stopped broker on the other', description: `${Date.now() - stopped} ms` })
    expect(Date.now() - stopped).toBeLessThan(10_000)
  })
})

test('both brokers read one set of rules, the shipped ACL: the audience reads the state, only the presenter writes it', () => {
  const rules = loadRules()
  for (const topic of [
    TOPIC.nav,
    TOPIC.drawings,
    TOPIC.tally,
    TOPIC.questions,
  ]) {
    expect(may(rules, undefined, 'read', topic)).toBe(true)
    expect(may(rules, undefined, 'write', topic)).toBe(false)
    expect(may(rules, PRESENTER_USER, 'write', topic)).toBe(true)
  }
  expect(may(rules, undefined, 'read', 'talk/other')).toBe(false)
  expect(may(rules, PRESENTER_USER, 'write', '$SYS/broker')).toBe(false)
  expect(may(rules, 'someone', 'read', TOPIC.nav)).toBe(false)
})
