import type { Moderation, QuestionState } from './audience'
// What the room said, after the talk: the questions with their state and votes, the
// vote's result and the time spent on each slide, as JSON and as Markdown. `npm run
// present` writes both beside the deck when it stops (scripts/present.ts), and the
// presenter's view saves them (components/RoomControls.vue). No I/O here.
import { moderationList, percent, tallyOf } from './audience'

export interface SlideTime { no: number, title: string, ms: number }

/** The time spent on each slide: told each slide the presenter moves to, it adds up each stay. */
export class SlideClock {
  private readonly spent = new Map<number, SlideTime>()
  private on: { no: number, title: string, since: number } | undefined

  /** The presenter is on slide `no` from `at` (ms) on; the same slide again changes nothing. */
  shown(no: number, title: string, at: number): void {
    if (this.on?.no === no)
      return
    this.leave(at)
    this.on = { no, title, since: at }
  }

  /** Every slide's time up to `at`, the current one's included, by number. */
  times(at: number): SlideTime[] {
    this.leave(at)
    if (this.on)
      this.on.since = at
    return [
      ...this.spent.values(),
    ].map(s => ({ ...s })).sort((a, b) => a.no - b.no)
  }

  private leave(at: number): void {
    if (!this.on)
      return
    const had = this.spent.get(this.on.no)
    this.spent.set(this.on.no, { no: this.on.no, title: this.on.title, ms: (had?.ms ?? 0) + at - this.on.since })
  }
}

export interface TalkReport {
  at: string
  vote: { prompt: string, votes: number }[]
  voters: number
  questions: { text: string, state: QuestionState, votes: number, at: string }[]
  /** Questions dropped because their phone sent too many, in all. */
  limited: number
  slides: SlideTime[]
}

export function talkReport(record: Moderation, slides: SlideTime[], at = new Date()): TalkReport {
  const tally = tallyOf(record)
  const prompts = record.prompts ?? []
  return {
    at: at.toISOString(),
    vote: tally.counts
      .map((votes, i) => ({ prompt: prompts[i] ?? `Prompt ${i + 1}`, votes }))
      .filter((v, i) => i < prompts.length || v.votes > 0),
    voters: tally.total,
    questions: moderationList(record).map(q => ({
      text: q.text,
      state: q.state,
      votes: q.up.length,
      at: new Date(q.at).toISOString(),
    })),
    limited: Object.values(record.limited).reduce((n, m) => n + m, 0),
    slides,
  }
}

/** Text that Markdown shows as written: no markup, no HTML, one line. */
export function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]{}()<>#+\-.!|~&]/g, c => `\\${c}`)
}

function minutes(ms: number) {
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

export function reportMarkdown(report: TalkReport, title: string): string {
  const lines = [
    `# ${markdownText(title)}: what the room said`,
    '',
    `Written ${report.at}.`,
    '',
    '## The vote',
    '',
  ]
  if (!report.voters)
    lines.push('Nobody voted.')
  for (const v of report.vote) {
    lines.push(`- ${markdownText(v.prompt)}: ${v.votes} of ${report.voters} (${percent(v.votes, report.voters)}%)`)
  }
  lines.push('', '## Questions', '')
  if (!report.questions.length)
    lines.push('None were sent.')
  else
    lines.push('| State | Votes | Question |', '| --- | ---: | --- |')
  for (const q of report.questions)
    lines.push(`| ${q.state} | ${q.votes} | ${markdownText(q.text)} |`)
  if (report.limited)
    lines.push('', `${report.limited} more were dropped: their phone sent over the limit.`)
  lines.push('', '## Time on each slide', '')
  if (!report.slides.length)
    lines.push('No slide was timed.')
  else
    lines.push('| Slide | Title | Time (m:ss) |', '| ---: | --- | ---: |')
  for (const s of report.slides)
    lines.push(`| ${s.no} | ${markdownText(s.title)} | ${minutes(s.ms)} |`)
  return `${lines.join('\n')}\n`
}
