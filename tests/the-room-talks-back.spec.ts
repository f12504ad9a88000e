import type { MqttClient } from 'mqtt'
import type { Moderation, ShownQuestion, Tally } from 'slidev-addon-audience/lib/live/audience'
import type { Moderator, RoomPhone } from 'slidev-addon-audience/lib/live/room-voice'
import type { BrokerKind, RunningBroker } from './support/brokers'
import { Buffer } from 'node:buffer'
import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import mqtt from 'mqtt'
import { emptyModeration, ingest, merge, moderate, PART_MAX, QUESTIONS_PER_MINUTE, readPart, recordParts } from 'slidev-addon-audience/lib/live/audience'
import { moderator, roomPhone } from 'slidev-addon-audience/lib/live/room-voice'
import { loadRules, may } from 'slidev-addon-audience/lib/live/rules'
import { INBOX, inboxTopic, PRESENTER_USER, TOPIC } from 'slidev-addon-audience/lib/live/topics'
import { BROKERS, startBroker } from './support/brokers'

// The room talking back (votes, questions, upvotes) on both brokers, from the devices'
// side: MQTT.js clients with the modules the pages use (lib/live/room-voice.ts). Three
// phones and a presenter; then what a hostile phone tries. The pages' controls are
// tested in the room's specs.
const KEY = 'room-talks-back-presenter-key-41c9'

const hex = (n: number) => randomBytes(n).toString('hex')

async function connected(broker: RunningBroker, options: mqtt.IClientOptions = {}): Promise<MqttClient> {
  const client = mqtt.connect(broker.url, { reconnectPeriod: 500, connectTimeout: 5000, ...options })
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve())
    client.once('error', reject)
  })
  return client
}

interface Phone extends RoomPhone {
  client: MqttClient
  device: string
  tally?: Tally
  questions?: ShownQuestion[]
}

for (const kind of BROKERS) {
  test.describe(`the room talks back on the ${kind} broker`, () => {
    test.describe.configure({ mode: 'serial' })
    let broker: RunningBroker
    const clients: MqttClient[] = []
    const keep = (c: MqttClient) => {
      clients.push(c)
      return c
    }
    const presenter = async (): Promise<Moderator & { client: MqttClient }> => {
      const client = keep(await connected(broker, { username: PRESENTER_USER, password: KEY }))
      return {
        client,
        ...moderator(client),
      }
    }
    const phone = async (device = hex(6)): Promise<Phone> => {
      const client = keep(await connected(broker, { clientId: `${device}.${hex(3)}` }))
      const p: Phone = {
        client,
        device,
        ...roomPhone(client),
      }
      p.onTally((t) => {
        p.tally = t
      })
      p.onQuestions((q) => {
        p.questions = q
      })
      return p
    }
    /** A client that listens where a curious phone would: everything, with wildcards. */
    const spy = async () => {
      const client = keep(await connected(broker))
      const heard: string[] = []
      client.on('message', (topic, payload) => heard.push(`${topic} ${payload.toString()}`))
      await client.subscribeAsync([
        '#',
        'talk/#',
        `${INBOX}/#`,
        `${INBOX}/+/question`,
        `${TOPIC.moderation}/#`,
      ], { qos: 1 })
      return heard
    }
    const questionsIn = (record: Moderation) => Object.values(record.questions)

    test.beforeAll(async () => {
      broker = await startBroker(kind as BrokerKind, KEY)
    })
    test.afterEach(() => {
      for (const c of clients.splice(0))
        c.end(true)
    })
    test.afterAll(async () => {
      await broker?.stop()
    })

    test('three phones vote and change their votes; the tally is one vote a phone, however often it clicks', async () => {
      const host = await presenter()
      const [a, b, c] = [await phone(), await phone(), await phone()]
      await a.vote(0)
      await b.vote(1)
      await c.vote(1)
      await expect.poll(() => c.tally?.counts.slice(0, 2)).toEqual([1, 2])
      // b changes its mind; a clicks its choice twenty times.
      await b.vote(0)
      for (let i = 0; i < 20; i++)
        await a.vote(0)
      await expect.poll(() => a.tally?.counts.slice(0, 2)).toEqual([2, 1])
      expect(a.tally?.total).toBe(3)
      expect(Object.keys(host.record().votes)).toHaveLength(3)
      // A phone whose page reloads (the same device, a new page) still has one vote.
      const again = await phone(c.device)
      await again.vote(0)
      await expect.poll(() => a.tally?.counts.slice(0, 2)).toEqual([3, 0])
      expect(a.tally?.total).toBe(3)
    })

    test('a question reaches the presenter only; shown, it reaches every phone, upvoted once a phone, sorted by votes, then answered', async () => {
      const host = await presenter()
      const [a, b, c] = [await phone(), await phone(), await phone()]
      const heard = await spy()
      await a.ask('q1', 'Is a rollup a layer or a product?')
      await b.ask('q2', 'Where do agents get their tokens?')
      await expect.poll(() => questionsIn(host.record()).map(q => q.state)).toEqual(['new', 'new'])
      // Nobody but the presenter saw them: not a phone, not a wildcard subscription.
      await new Promise(r => setTimeout(r, 500))
      expect(heard.filter(h => h.includes('rollup') || h.includes('agents'))).toEqual([])
      expect(c.questions ?? []).toEqual([])

      const [first, second] = questionsIn(host.record()).sort((x, y) => x.at - y.at)
      host.moderate(first.id, 'shown')
      host.moderate(second.id, 'shown')
      await expect.poll(() => c.questions?.map(q => q.text)).toEqual([first.text, second.text])
      // Two phones upvote the second; one of them three times.
      for (let i = 0; i < 3; i++)
        await c.upvote(second.id)
      await a.upvote(second.id)
      await expect.poll(() => b.questions?.map(q => [q.text, q.up])).toEqual([
        [second.text, 2],
        [first.text, 0],
      ])
      host.moderate(second.id, 'answered')
      await expect.poll(() => b.questions?.map(q => [q.text, q.answered])).toEqual([
        [first.text, false],
        [second.text, true],
      ])
      // Hidden, it leaves the phones.
      host.moderate(first.id, 'hidden')
      await expect.poll(() => b.questions?.map(q => q.text)).toEqual([second.text])
      expect(heard.filter(h => h.startsWith(TOPIC.moderation) || h.startsWith(INBOX))).toEqual([])
    })

    test('presenter views agree: one that opens later starts from the record, and each sees the other\'s moderation', async () => {
      const first = await presenter()
      const a = await phone()
      await a.ask('later', 'Does the analogy hold for oracles?')
      await expect.poll(() => questionsIn(first.record()).some(q => q.text.includes('oracles'))).toBe(true)
      const second = await presenter()
      await expect.poll(() => questionsIn(second.record()).some(q => q.text.includes('oracles'))).toBe(true)
      const q = questionsIn(second.record()).find(q => q.text.includes('oracles'))!
      second.moderate(q.id, 'shown')
      await expect.poll(() => first.record().questions[q.id]?.state).toBe('shown')
      first.moderate(q.id, 'answered')
      await expect.poll(() => second.record().questions[q.id]?.state).toBe('answered')
    })

    test('what a phone sends while no presenter view is open waits in the broker', async () => {
      const a = await phone()
      await a.vote(2)
      await a.ask('waiting', 'Sent before the presenter came back')
      const host = await presenter()
      await expect.poll(() => questionsIn(host.record()).some(q => q.text === 'Sent before the presenter came back')).toBe(true)
      await expect.poll(() => host.record().votes[a.device]?.choice).toBe(2)
    })

    test('a hostile phone: no writing to another\'s inbox or to what the presenter publishes, no HTML, no oversize, a burst limited while others are heard', async () => {
      const host = await presenter()
      const victim = await phone()
      await victim.vote(1)
      await expect.poll(() => host.record().votes[victim.device]?.choice).toBe(1)
      await expect.poll(() => victim.tally?.total).toBe(Object.keys(host.record().votes).length)
      const before = JSON.stringify(host.record())
      const tally = JSON.stringify(victim.tally)
      // Each try on a connection of its own: Aedes closes one whose publish it refuses.
      const tries: [string, string][] = [
        [
          inboxTopic(`${victim.device}.${hex(3)}`, 'vote'),
          JSON.stringify({ choice: 0 }),
        ],
        [
          inboxTopic(`${victim.device}.${hex(3)}`, 'question'),
          JSON.stringify({ id: 'forged', text: 'in another\'s name' }),
        ],
        [
          `${INBOX}/${hex(6)}.${hex(3)}/question`,
          JSON.stringify({ id: 'x', text: 'another inbox' }),
        ],
        [
          TOPIC.tally,
          JSON.stringify({
            counts: [99],
            total: 99,
          }),
        ],
        [
          TOPIC.questions,
          JSON.stringify([
            {
              id: 'x',
              text: 'fake',
              up: 99,
              answered: false,
            },
          ]),
        ],
        [
          `${TOPIC.moderation}/votes`,
          JSON.stringify({ votes: {}, limited: {} }),
        ],
      ]
      for (const [topic, payload] of tries) {
        const hostile = keep(await connected(broker, { clientId: `${hex(6)}.${hex(3)}`, reconnectPeriod: 0 }))
        hostile.publish(topic, payload, { qos: 1, retain: true })
      }
      await new Promise(r => setTimeout(r, 800))
      expect(JSON.stringify(host.record())).toBe(before)
      expect(JSON.stringify(victim.tally)).toBe(tally)

      // Its own inbox, with what a page would never send.
      const bad = await phone()
      const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>'
      await bad.ask('markup', markup)
      await bad.ask('long', 'x'.repeat(10_000))
      await bad.ask('empty', '   ')
      await bad.client.publishAsync(inboxTopic(bad.client.options.clientId!, 'vote'), JSON.stringify({ choice: 99 }), { qos: 1, retain: true })
      await expect.poll(() => questionsIn(host.record()).filter(q => q.device === bad.device).map(q => q.text)).toEqual([markup])
      expect(host.record().votes[bad.device]).toBeUndefined()

      // A burst of 30 from one phone, another phone's question in the middle of it.
      const flooder = await phone()
      const heard = await phone()
      const burst = Array.from({ length: 30 }, (_, i) => flooder.ask(`burst${i}`, `Burst question ${i}`).catch(() => {}))
      await heard.ask('heard', 'Still heard during the burst?')
      await Promise.all(burst)
      await expect.poll(() => questionsIn(host.record()).some(q => q.text === 'Still heard during the burst?')).toBe(true)
      await new Promise(r => setTimeout(r, 500))
      const taken = questionsIn(host.record()).filter(q => q.device === flooder.device)
      expect(taken.length).toBeGreaterThan(0)
      expect(taken.length).toBeLessThanOrEqual(QUESTIONS_PER_MINUTE)
    })
  })
}

test('the shipped ACL: a phone writes to its own inbox only, reads the tally and the shown questions; the record and the inboxes are the presenter\'s', () => {
  const rules = loadRules()
  const me = 'a1b2c3d4e5f6.0a0b0c'
  for (const kind of ['vote', 'question', 'upvote'] as const) {
    expect(may(rules, undefined, 'write', inboxTopic(me, kind), me)).toBe(true)
    expect(may(rules, undefined, 'write', inboxTopic('someoneelse.000000', kind), me)).toBe(false)
    expect(may(rules, undefined, 'read', inboxTopic(me, kind), me)).toBe(false)
    expect(may(rules, PRESENTER_USER, 'read', inboxTopic(me, kind), 'laptop')).toBe(true)
  }
  expect(may(rules, undefined, 'write', `${INBOX}/${me}/other`, me)).toBe(false)
  // An id that would reach past its own level gets nothing, as with Mosquitto.
  expect(may(rules, undefined, 'write', `${INBOX}/a/b/vote`, 'a/b')).toBe(false)
  expect(may(rules, undefined, 'write', `${INBOX}/#/vote`, '#')).toBe(false)
  for (const topic of [TOPIC.tally, TOPIC.questions]) {
    expect(may(rules, undefined, 'read', topic, me)).toBe(true)
    expect(may(rules, undefined, 'write', topic, me)).toBe(false)
  }
  expect(may(rules, undefined, 'read', `${TOPIC.moderation}/votes`, me)).toBe(false)
  expect(may(rules, undefined, 'read', `${TOPIC.moderation}/q/x`, me)).toBe(false)
  expect(may(rules, PRESENTER_USER, 'write', `${TOPIC.moderation}/votes`, 'laptop')).toBe(true)
})

test('the record stays in messages any broker delivers: 2,000 phones\' votes and a long question upvoted by all', () => {
  const record = emptyModeration()
  const devices = Array.from({ length: 2000 }, () => hex(6))
  devices.forEach((d, i) => ingest(record, d, { kind: 'vote', choice: i % 2 }, 1_796_000_000_000 + i))
  ingest(record, devices[0], {
    kind: 'question',
    id: 'long',
    text: '🚀'.repeat(280),
  }, 1_796_000_000_000)
  const [q] = Object.values(record.questions)
  moderate(record, q.id, 'shown', 1_796_000_000_001)
  devices.forEach(d => ingest(record, d, { kind: 'upvote', id: q.id }, 1_796_000_000_002))
  const parts = recordParts(record)
  const biggest = Math.max(...[
    ...parts.values(),
  ].map(t => Buffer.byteLength(t)))
  test.info().annotations.push({ type: 'largest part', description: `${biggest} bytes of ${PART_MAX}` })
  expect(biggest).toBeLessThan(PART_MAX)
  // Read back, part by part, it is the same record.
  const back = [...parts].reduce((r, [part, text]) => merge(r, readPart(part, text)!), emptyModeration())
  expect(recordParts(back)).toEqual(parts)
})

test('two records merge to one whatever their order: questions, states, votes, upvotes, limits and the prompts', () => {
  const a = emptyModeration()
  const b = emptyModeration()
  a.prompts = ['First', 'Second']
  ingest(a, 'aaaaaaaaaaaa', { kind: 'question', id: 'q', text: 'One?' }, 1000)
  ingest(a, 'aaaaaaaaaaaa', { kind: 'vote', choice: 0 }, 1000)
  Object.assign(b, merge(b, a))
  moderate(b, 'aaaaaaaaaaaa-q', 'shown', 2000)
  ingest(b, 'bbbbbbbbbbbb', { kind: 'upvote', id: 'aaaaaaaaaaaa-q' }, 2100)
  ingest(a, 'aaaaaaaaaaaa', { kind: 'vote', choice: 1 }, 3000)
  const ab = merge(a, b)
  expect(recordParts(ab)).toEqual(recordParts(merge(b, a)))
  expect(ab.prompts).toEqual(['First', 'Second'])
  expect(ab.questions['aaaaaaaaaaaa-q']).toMatchObject({
    state: 'shown',
    up: ['bbbbbbbbbbbb'],
  })
  expect(ab.votes.aaaaaaaaaaaa.choice).toBe(1)
})
