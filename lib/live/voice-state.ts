import type { Moderation, QuestionState, ShownQuestion, Tally } from './audience'
import type { Moderator, RoomPhone } from './room-voice'
// What the slides' components show of the room talking back (components/RoomVote.vue,
// RoomQuestions.vue, RoomAsk.vue, RoomModeration.vue): one reactive state, filled by the
// live path once it is connected (./app.ts). Where there is no live talk it stays
// `live: false`, and the components show the prompts and nothing else.
import { reactive } from 'vue'

export const voice = reactive({
  /** In a live talk, connected to its broker at least once. */
  live: false,
  /** Connected now: the controls wait while the broker is out of reach. */
  connected: false,
  presenter: false,
  tally: undefined as Tally | undefined,
  questions: [] as ShownQuestion[],
  /** The presenter's record (presenter views only). */
  record: undefined as Moderation | undefined,
})

let phone: RoomPhone | undefined
let host: Moderator | undefined

export function voiceStarted(side: { phone?: RoomPhone, host?: Moderator }): void {
  phone = side.phone
  host = side.host
  voice.presenter = !!host
}

/** The broker answered (`connected`), or is out of reach; once it has answered, the talk is live. */
export function voiceConnected(connected: boolean): void {
  voice.connected = connected
  voice.live ||= connected
}

export const vote = (choice: number) => phone?.vote(choice) ?? Promise.resolve()
export const ask = (id: string, text: string) => phone?.ask(id, text) ?? Promise.reject(new Error('not in a live talk'))
export const upvote = (id: string) => phone?.upvote(id) ?? Promise.resolve()
export const moderateQuestion = (id: string, state: QuestionState) => host?.moderate(id, state)
/** The vote's slide gives its prompts: into the presenter's record, for the report. */
export const votePrompts = (prompts: string[]) => host?.prompts(prompts)

/** The slides the presenter's view was on, and for how long (ms), since it opened. */
export const slideTimes = new Map<number, { title: string, ms: number }>()
let on: { no: number, title: string, since: number } | undefined
export function slideShown(no: number, title: string, now = Date.now()): void {
  if (on) {
    const had = slideTimes.get(on.no)
    slideTimes.set(on.no, { title: on.title, ms: (had?.ms ?? 0) + now - on.since })
  }
  on = { no, title, since: now }
}
/** Every slide's time so far, the current one's included. */
export function slideTimesNow(now = Date.now()): { no: number, title: string, ms: number }[] {
  if (on)
    slideShown(on.no, on.title, now)
  return [...slideTimes].map(([no, t]) => ({ no, ...t })).sort((a, b) => a.no - b.no)
}
