import type { Moderation, QuestionState, ShownQuestion, Tally } from './audience'
import type { Moderator, RoomPhone } from './room-voice'
// What the slides' components show of the room talking back (components/RoomVote.vue,
// RoomQuestions.vue, RoomAsk.vue, RoomControls.vue): one reactive state, filled by the
// live path once it is connected (./app.ts). Where there is no live talk it stays
// `live: false`, and the components show the prompts and nothing else.
import { reactive } from 'vue'
import { SlideClock } from './report'

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

/** The slides the presenter's view was on, and for how long, since it opened (for its report). */
const clock = new SlideClock()
export const slideShown = (no: number, title: string) => clock.shown(no, title, Date.now())
export const slideTimesNow = () => clock.times(Date.now())
