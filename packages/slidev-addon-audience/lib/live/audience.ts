// The room talking back (votes, questions, upvotes): what a phone may send, and the
// presenter's record of what the room sent, with no I/O here, so the pages, the
// presenter view, `npm run present` and the tests share one set of rules.
// - A phone writes only to its own inbox (`talk/inbox/<its client id>/<kind>`, the
//   broker's rule); what it sends is a claim, judged here by the presenter's view: one
//   vote per phone (its latest counts), a question of 1..280 characters, at most
//   QUESTIONS_PER_MINUTE questions a minute from one phone, one upvote per phone and
//   shown question.
// - The record (`Moderation`) is the presenter's alone (a retained topic only the
//   presenter reads), so every presenter view, and the report, hold the same one: two
//   records merge (`merge`) to one, whatever their order.
// - What the room sees is made from it: the tally, and the shown questions by votes.
import { ASKED_STORE, UPVOTED_STORE, VOTE_STORE } from './topics'

/** A question's longest text, in characters (code points). */
export const QUESTION_MAX = 280
/** How many questions one phone may send in a minute; the others are dropped and counted. */
export const QUESTIONS_PER_MINUTE = 3
/** The most prompts a vote can have. */
export const PROMPTS_MAX = 8

export type InboxKind = 'vote' | 'question' | 'upvote'
export type QuestionState = 'new' | 'shown' | 'hidden' | 'answered'

export interface Question {
  id: string
  /** The phone that sent it: the first part of its client id. */
  device: string
  text: string
  /** When the presenter's view received it (ms since the epoch). */
  at: number
  state: QuestionState
  /** When its state last changed: the later change wins when records merge. */
  stateAt: number
  /** The phones that upvoted it. */
  up: string[]
}

export interface Moderation {
  questions: Record<string, Question>
  /** Each phone's latest vote. */
  votes: Record<string, { choice: number, at: number }>
  /** How many questions each phone sent over its limit. */
  limited: Record<string, number>
  /** The vote's prompts, as the slide gives them (the presenter's view writes them in). */
  prompts?: string[]
}

/** What the room sees of the vote. */
export interface Tally { counts: number[], total: number }
/** A shown or answered question, as the room sees it. */
export interface ShownQuestion { id: string, text: string, up: number, answered: boolean }

export function emptyModeration(): Moderation {
  return { questions: {}, votes: {}, limited: {} }
}

/** The phone behind a client id (`<device>.<tab>`): a page of it, one of its tabs. */
export function deviceOf(clientId: string): string {
  return clientId.split('.')[0]
}

/** A question's length as the limit counts it: characters (code points), the ends trimmed. */
export function questionLength(text: string): number {
  return [
    ...text.trim(),
  ].length
}

/** "1 vote", "3 votes". */
export function votesText(n: number): string {
  return `${n} ${n === 1
    ? 'vote'
    : 'votes'}`
}

/** `n` of `total` in whole percent; 0 of nothing is 0. */
export function percent(n: number, total: number): number {
  return total
    ? Math.round(100 * n / total)
    : 0
}

/** `bytes` random bytes as hex. */
export function randomHex(bytes: number): string {
  return [
    ...crypto.getRandomValues(new Uint8Array(bytes)),
  ].map(b => b.toString(16).padStart(2, '0')).join('')
}

/** Why a question cannot be sent, in words for the phone; '' when it can. */
export function questionProblem(text: string): string {
  const length = questionLength(text)
  if (!length)
    return 'Write a question first.'
  if (length > QUESTION_MAX)
    return `A question is at most ${QUESTION_MAX} characters; this one has ${length}.`
  return ''
}

/** How many shown questions the room is sent, the most voted first. */
export const SHOWN_MAX = 50

/** A new question's id, 8 hex digits: the phone's own, for the presenter to tell its questions apart. */
export function questionId(): string {
  return randomHex(4)
}

/** The list `store` keeps under `key`; empty when there is none, it is not a list, or storage is blocked. */
function storedList(store: Storage, key: string): unknown[] {
  try {
    const list = JSON.parse(store.getItem(key) ?? '[]') as unknown
    return Array.isArray(list)
      ? list
      : []
  }
  catch {
    return []
  }
}

/** Keeps `list` in `store` under `key`, where storage is allowed. */
function storeList(store: Storage, key: string, list: unknown[]): void {
  try {
    store.setItem(key, JSON.stringify(list))
  }
  catch {}
}

/** When this phone sent its questions of the last minute, from `store` (under ASKED_STORE). */
export function askedLately(store: Storage, now = Date.now()): number[] {
  return storedList(store, ASKED_STORE).filter((t): t is number => typeof t === 'number' && now - t < 60_000)
}

/** This phone's vote, from `store` (under VOTE_STORE); -1 for none. */
export function storedVote(store: Storage): number {
  try {
    const choice = Number(store.getItem(VOTE_STORE) ?? -1)
    return Number.isInteger(choice)
      ? choice
      : -1
  }
  catch {
    return -1
  }
}

/** Notes in `store` that this phone voted for `choice`, so a page that reloads shows it. */
export function noteVote(store: Storage, choice: number): void {
  try {
    store.setItem(VOTE_STORE, String(choice))
  }
  catch {}
}

/** The questions this phone upvoted, from `store` (under UPVOTED_STORE). */
export function upvotedIds(store: Storage): Set<string> {
  return new Set(storedList(store, UPVOTED_STORE).filter((id): id is string => typeof id === 'string'))
}

/** Notes in `store` that this phone upvoted question `id`. */
export function noteUpvoted(store: Storage, id: string): void {
  storeList(store, UPVOTED_STORE, [
    ...upvotedIds(store),
    id,
  ])
}

/** Notes in `store` that this phone sent a question now. */
export function noteAsked(store: Storage, now = Date.now()): void {
  storeList(store, ASKED_STORE, [
    ...askedLately(store, now),
    now,
  ])
}

/**
 * Why this phone's question cannot be sent now, in words for the phone ('' when it can):
 * the question itself, or the phone's own limit, which it keeps as the presenter does.
 */
export function askProblem(text: string, store: Storage, now = Date.now()): string {
  const sent = askedLately(store, now)
  return questionProblem(text) || (sent.length >= QUESTIONS_PER_MINUTE
    ? `You sent ${QUESTIONS_PER_MINUTE} questions in the last minute: the next can go in ${Math.ceil((sent[0] + 60_000 - now) / 1000)} s.`
    : '')
}

/** What a phone says once the broker has its question, and when it cannot reach the talk. */
export const ASK_ANSWER = {
  sent: 'Question sent',
  sending: 'Sending…',
  offline: 'Not connected to the talk: try again in a moment.',
  failed: 'Not sent: the talk is out of reach. Try again in a moment.',
} as const

/** A phone's message as its inbox carries it: the payload of one kind. */
export type InboxMessage
  = | { kind: 'vote', choice: number }
    | { kind: 'question', id: string, text: string }
    | { kind: 'upvote', id: string }

/** The message in `payload` for `kind`, or undefined when it is not one. */
export function readInbox(kind: string, payload: string): InboxMessage | undefined {
  let data: Record<string, unknown>
  try {
    data = JSON.parse(payload)
  }
  catch {
    return undefined
  }
  if (typeof data !== 'object' || data === null)
    return undefined
  const id = typeof data.id === 'string' && /^[\w-]{1,40}$/.test(data.id)
    ? data.id
    : ''
  if (kind === 'vote' && Number.isInteger(data.choice) && (data.choice as number) >= 0 && (data.choice as number) < PROMPTS_MAX)
    return { kind, choice: data.choice as number }
  if (kind === 'question' && id && typeof data.text === 'string' && !questionProblem(data.text)) {
    return {
      kind,
      id,
      text: data.text.trim(),
    }
  }
  if (kind === 'upvote' && id)
    return { kind, id }
  return undefined
}

/**
 * Takes a phone's message into the record; returns whether the record changed. `now`
 * is the presenter's clock: a phone's own times are not trusted.
 */
export function ingest(record: Moderation, device: string, message: InboxMessage, now: number): boolean {
  if (message.kind === 'vote') {
    if (record.votes[device]?.choice === message.choice)
      return false
    record.votes[device] = { choice: message.choice, at: now }
    return true
  }
  if (message.kind === 'upvote') {
    const q = record.questions[message.id]
    if (!q || q.state !== 'shown' || q.up.includes(device))
      return false
    q.up.push(device)
    return true
  }
  // A question's id is the phone's: ids are taken per phone, so one phone cannot take another's.
  const id = `${device}-${message.id}`
  if (record.questions[id])
    return false
  const recent = Object.values(record.questions).filter(q => q.device === device && now - q.at < 60_000)
  if (recent.length >= QUESTIONS_PER_MINUTE) {
    record.limited[device] = (record.limited[device] ?? 0) + 1
    return true
  }
  record.questions[id] = {
    id,
    device,
    text: message.text,
    at: now,
    state: 'new',
    stateAt: now,
    up: [],
  }
  return true
}

/** The presenter moderates: `state` for question `id`; whether the record changed. */
export function moderate(record: Moderation, id: string, state: QuestionState, now: number): boolean {
  const q = record.questions[id]
  if (!q || q.state === state)
    return false
  q.state = state
  q.stateAt = Math.max(now, q.stateAt + 1)
  return true
}

/** Two presenter views' records as one: every question and vote either has, the later state of each. */
export function merge(a: Moderation, b: Moderation): Moderation {
  const out = emptyModeration()
  for (const q of [
    ...Object.values(a.questions),
    ...Object.values(b.questions),
  ]) {
    const had = out.questions[q.id]
    if (!had) {
      out.questions[q.id] = {
        ...q,
        up: [...q.up],
      }
      continue
    }
    if (q.stateAt > had.stateAt)
      Object.assign(had, { state: q.state, stateAt: q.stateAt })
    had.up = [
      ...new Set([
        ...had.up,
        ...q.up,
      ]),
    ]
  }
  for (const [device, vote] of [
    ...Object.entries(a.votes),
    ...Object.entries(b.votes),
  ]) {
    if (!out.votes[device] || vote.at > out.votes[device].at)
      out.votes[device] = vote
  }
  for (const [device, n] of [
    ...Object.entries(a.limited),
    ...Object.entries(b.limited),
  ])
    out.limited[device] = Math.max(out.limited[device] ?? 0, n)
  const prompts = a.prompts?.length
    ? a.prompts
    : b.prompts
  if (prompts?.length)
    out.prompts = [...prompts]
  return out
}

/**
 * The largest retained message the record is kept in: Mosquitto 2.0 over WebSockets does
 * not deliver a message much over 50 KB (measured: 50,000 bytes arrive, 55,000 do not).
 */
export const PART_MAX = 48 * 1024

/** Which of the 16 vote parts a phone's vote is kept in (its id is hex; any other goes to `_`). */
function shard(device: string) {
  return /^[\da-f]/.test(device)
    ? device[0]
    : '_'
}

/**
 * The record as retained messages, each small whatever the room sends: the limits and the
 * prompts (`meta`), the votes in parts by the phone's first hex digit (`votes/<digit>`),
 * and one per question (`q/<id>`). The same record gives the same texts, whatever order
 * it was built in.
 */
export function recordParts(record: Moderation): Map<string, string> {
  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => x < y
    ? -1
    : 1))
  const parts = new Map([
    [
      'meta',
      JSON.stringify({
        limited: sorted(record.limited),
        prompts: record.prompts,
      }),
    ],
  ])
  const shards = new Map<string, Record<string, Moderation['votes'][string]>>()
  for (const [device, vote] of Object.entries(record.votes)) {
    shards.set(shard(device), {
      ...shards.get(shard(device)),
      [device]: vote,
    })
  }
  for (const [s, votes] of [...shards].sort(([x], [y]) => x < y
    ? -1
    : 1))
    parts.set(`votes/${s}`, JSON.stringify(sorted(votes)))
  for (const q of Object.values(record.questions).sort((x, y) => x.at - y.at || (x.id < y.id
    ? -1
    : 1))) {
    parts.set(`q/${q.id}`, JSON.stringify({
      ...q,
      up: [...q.up].sort(),
    }))
  }
  return parts
}

/** One of those messages as a record of its own (the rest empty), or undefined when it is not one. */
export function readPart(part: string, text: string): Moderation | undefined {
  try {
    const data = JSON.parse(text)
    const record = emptyModeration()
    if (typeof data !== 'object' || data === null)
      return undefined
    if (part === 'meta' && typeof data.limited === 'object') {
      return {
        ...record,
        limited: data.limited,
        ...(Array.isArray(data.prompts)
          ? { prompts: data.prompts }
          : {}),
      }
    }
    if (/^votes\/[\da-f_]$/.test(part)) {
      const valid = Object.entries(data as Moderation['votes']).filter(([device, v]) => shard(device) === part.slice(6) && Number.isInteger(v?.choice) && typeof v.at === 'number')
      return {
        ...record,
        votes: Object.fromEntries(valid),
      }
    }
    const q = data as Question
    if (part === `q/${q.id}` && typeof q.text === 'string' && Array.isArray(q.up) && ['new', 'shown', 'hidden', 'answered'].includes(q.state)) {
      record.questions[q.id] = q
      return record
    }
  }
  catch {}
  return undefined
}

export function tallyOf(record: Moderation): Tally {
  const counts = Array.from<number>({ length: PROMPTS_MAX }).fill(0)
  for (const { choice } of Object.values(record.votes))
    counts[choice]++
  return { counts, total: Object.keys(record.votes).length }
}

/** The questions the room sees: shown ones by votes (then the earlier first), then the answered. */
export function shownQuestions(record: Moderation): ShownQuestion[] {
  return Object.values(record.questions)
    .filter(q => q.state === 'shown' || q.state === 'answered')
    .sort((x, y) => Number(x.state === 'answered') - Number(y.state === 'answered') || y.up.length - x.up.length || x.at - y.at)
    .map(q => ({
      id: q.id,
      text: q.text,
      up: q.up.length,
      answered: q.state === 'answered',
    }))
}

/** The questions for the presenter: new ones first, then shown, hidden, answered; each by time. */
export function moderationList(record: Moderation): Question[] {
  const order: QuestionState[] = ['new', 'shown', 'hidden', 'answered']
  return Object.values(record.questions).sort((x, y) => order.indexOf(x.state) - order.indexOf(y.state) || x.at - y.at)
}
