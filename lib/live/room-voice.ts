import type { MqttClient } from 'mqtt'
import type { InboxMessage, Moderation, QuestionState, ShownQuestion, Tally } from './audience'
// The room talking back over the live talk's broker: the presenter's side (`moderator`:
// takes what the phones send into the record, publishes the tally and the shown
// questions) and the phone's (`roomPhone`: sends to its own inbox, follows the tally
// and the questions). The rules of what counts are lib/live/audience.ts's; who may
// write where is the broker's (docs/mosquitto/acl).
// - Every inbox message is retained, so one sent while no presenter view is open waits
//   in the broker (the latest of each kind per page); a presenter view takes it and
//   empties that inbox.
// - The record is one retained topic only the presenter reads: a presenter view that
//   opens (or reloads) starts from it, and presenter views merge each other's.
// - After a restart of the broker (an embedded one loses what it retained) each presenter
//   view publishes the record, the tally and the questions again.
import { deviceOf, emptyModeration, ingest, merge, moderate, readInbox, readRecord, recordText, shownQuestions, tallyOf } from './audience'
import { fromInbox, INBOX, inboxTopic, TOPIC } from './topics'

/** How often, at most, the presenter's view publishes what changed. */
export const PUBLISH_MS = 150

export interface Moderator {
  /** The record as this view holds it now. */
  record: () => Moderation
  moderate: (id: string, state: QuestionState) => void
  /** Called on every change of the record. */
  onChange: (listener: (record: Moderation) => void) => void
}

export function moderator(client: MqttClient, now: () => number = Date.now): Moderator {
  let record = emptyModeration()
  let sent = ''
  const published = new Map<string, string>()
  const listeners: ((record: Moderation) => void)[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  const publish = (topic: string, text: string) => {
    if (published.get(topic) === text)
      return
    published.set(topic, text)
    client.publish(topic, text, { qos: 1, retain: true })
  }
  const flush = () => {
    timer = undefined
    sent = recordText(record)
    publish(TOPIC.moderation, sent)
    publish(TOPIC.tally, JSON.stringify(tallyOf(record)))
    publish(TOPIC.questions, JSON.stringify(shownQuestions(record)))
  }
  const changed = () => {
    for (const l of listeners)
      l(record)
    timer ??= setTimeout(flush, PUBLISH_MS)
  }

  // The record first: what the broker holds arrives before any inbox's retained message.
  client.subscribe(TOPIC.moderation, { qos: 1 })
  client.subscribe(`${INBOX}/#`, { qos: 1 })
  client.on('message', (topic, payload) => {
    const text = payload.toString()
    if (topic === TOPIC.moderation) {
      const theirs = text === sent
        ? undefined
        : readRecord(text)
      if (!theirs)
        return
      const before = recordText(record)
      record = merge(record, theirs)
      const now = recordText(record)
      if (now !== before)
        listeners.forEach(l => l(record))
      // They lack something this view has: the broker gets the whole again.
      if (now !== recordText(theirs))
        timer ??= setTimeout(flush, PUBLISH_MS)
      else
        sent = now
      return
    }
    const from = fromInbox(topic)
    if (!from || !text)
      return
    // Taken: the inbox is emptied, so the message waits there no more.
    client.publish(topic, '', { qos: 1, retain: true })
    const message = readInbox(from.kind, text)
    if (message && ingest(record, deviceOf(from.clientId), message, now()))
      changed()
  })
  client.on('connect', () => {
    // A broker that restarted holds nothing: it is given all again.
    if (sent) {
      published.clear()
      flush()
    }
  })
  return {
    record: () => record,
    moderate: (id, state) => {
      if (moderate(record, id, state, now()))
        changed()
    },
    onChange: listener => listeners.push(listener),
  }
}

export interface RoomPhone {
  vote: (choice: number) => Promise<void>
  /** Resolves once the broker has the question. */
  ask: (id: string, text: string) => Promise<void>
  upvote: (id: string) => Promise<void>
  onTally: (listener: (tally: Tally) => void) => void
  onQuestions: (listener: (questions: ShownQuestion[]) => void) => void
}

function parsed<T>(text: string, valid: (data: unknown) => boolean): T | undefined {
  try {
    const data = JSON.parse(text)
    return valid(data)
      ? data as T
      : undefined
  }
  catch {
    return undefined
  }
}

export function roomPhone(client: MqttClient): RoomPhone {
  const tallies: ((tally: Tally) => void)[] = []
  const questions: ((questions: ShownQuestion[]) => void)[] = []
  client.subscribe([TOPIC.tally, TOPIC.questions], { qos: 1 })
  client.on('message', (topic, payload) => {
    const text = payload.toString()
    if (topic === TOPIC.tally) {
      const tally = parsed<Tally>(text, d => Array.isArray((d as Tally)?.counts))
      if (tally)
        tallies.forEach(l => l(tally))
    }
    if (topic === TOPIC.questions) {
      const list = parsed<ShownQuestion[]>(text, Array.isArray)
      if (list)
        questions.forEach(l => l(list))
    }
  })
  const send = async (message: InboxMessage) => {
    const { kind, ...body } = message
    await client.publishAsync(inboxTopic(client.options.clientId!, kind), JSON.stringify(body), { qos: 1, retain: true })
  }
  return {
    vote: choice => send({ kind: 'vote', choice }),
    ask: (id, text) => send({ kind: 'question', id, text }),
    upvote: id => send({ kind: 'upvote', id }),
    onTally: l => tallies.push(l),
    onQuestions: l => questions.push(l),
  }
}
