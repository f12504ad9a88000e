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
// - The record is retained under a topic only the presenter reads, in small pieces (the
//   votes, each question: lib/live/audience.ts's recordParts): a presenter view that
//   opens (or reloads) starts from it, and presenter views merge each other's.
// - The room is sent the tally and the SHOWN_MAX most voted shown questions.
// - After a restart of the broker (an embedded one loses what it retained) each presenter
//   view publishes the record, the tally and the questions again.
import { deviceOf, emptyModeration, ingest, merge, moderate, readInbox, readPart, recordParts, SHOWN_MAX, shownQuestions, tallyOf } from './audience'
import { fromInbox, INBOX, inboxTopic, TOPIC } from './topics'

/** How often, at most, the presenter's view publishes what changed. */
export const PUBLISH_MS = 150

export interface Moderator {
  /** The record as this view holds it now. */
  record: () => Moderation
  moderate: (id: string, state: QuestionState) => void
  /** The vote's prompts, for the record (and the report). */
  prompts: (prompts: string[]) => void
  /** Called on every change of the record. */
  onChange: (listener: (record: Moderation) => void) => void
}

export function moderator(client: MqttClient, now: () => number = Date.now): Moderator {
  let record = emptyModeration()
  /** What this view last sent, or found the broker to hold, on each topic. */
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
    for (const [part, text] of recordParts(record))
      publish(`${TOPIC.moderation}/${part}`, text)
    publish(TOPIC.tally, JSON.stringify(tallyOf(record)))
    publish(TOPIC.questions, JSON.stringify(shownQuestions(record).slice(0, SHOWN_MAX)))
  }
  const later = () => {
    timer ??= setTimeout(flush, PUBLISH_MS)
  }
  const changed = () => {
    for (const l of listeners)
      l(record)
    later()
  }

  // The record first: what the broker holds arrives before any inbox's retained message.
  client.subscribe(`${TOPIC.moderation}/#`, { qos: 1 })
  client.subscribe(`${INBOX}/#`, { qos: 1 })
  client.on('message', (topic, payload) => {
    const text = payload.toString()
    if (topic.startsWith(`${TOPIC.moderation}/`)) {
      const part = topic.slice(TOPIC.moderation.length + 1)
      const theirs = published.get(topic) === text
        ? undefined
        : readPart(part, text)
      if (!theirs)
        return
      const before = recordParts(record).get(part)
      record = merge(record, theirs)
      const mine = recordParts(record).get(part)
      if (mine !== before)
        listeners.forEach(l => l(record))
      // They lack something this view has: the broker is given this view's.
      if (mine === text)
        published.set(topic, text)
      else
        later()
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
    if (published.size) {
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
    prompts: (prompts) => {
      if (JSON.stringify(record.prompts) === JSON.stringify(prompts))
        return
      record.prompts = [...prompts]
      changed()
    },
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
