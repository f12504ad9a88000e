import type { Moderation } from './audience'
import type { TalkReport } from './report'
// What `npm run present` keeps of the talk, to write its report when it stops: it
// follows the broker as the presenter does (with the key; it writes nothing), taking the
// presenter's record of what the room sent and timing each slide the presenter is on.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import mqtt from 'mqtt'
import { emptyModeration, merge, readPart } from './audience'
import { reportMarkdown, SlideClock, talkReport } from './report'
import { PRESENTER_USER, TOPIC } from './topics'

export interface Recorder {
  /** The report of the talk so far, or undefined when nothing happened (no slide, no vote, no question). */
  report: (now?: number) => TalkReport | undefined
  /** Writes the report as Markdown and JSON into `dir`; returns the files, none when nothing happened. */
  write: (dir: string, title: string) => string[]
  /** Leaves the broker, at once: nothing waits on an answer from it. */
  stop: () => void
}

export function recordTalk(url: string, key: string, titles: Map<number, string>, now: () => number = Date.now): Recorder {
  const client = mqtt.connect(url, {
    username: PRESENTER_USER,
    password: key,
    reconnectPeriod: 1000,
    clientId: `recorder.${now().toString(16)}`,
  })
  let record: Moderation = emptyModeration()
  const clock = new SlideClock()
  client.subscribe([`${TOPIC.moderation}/#`, TOPIC.nav], { qos: 1 })
  client.on('message', (topic, payload) => {
    const text = payload.toString()
    if (topic.startsWith(`${TOPIC.moderation}/`)) {
      const part = readPart(topic.slice(TOPIC.moderation.length + 1), text)
      if (part)
        record = merge(record, part)
      return
    }
    try {
      const nav = JSON.parse(text) as { page?: number, lastUpdate?: { type?: string } }
      if (nav.lastUpdate?.type === 'presenter' && Number.isInteger(nav.page))
        clock.shown(nav.page!, titles.get(nav.page!) ?? '', now())
    }
    catch {}
  })
  const report = (at = now()) => {
    const slides = clock.times(at)
    if (!slides.length && !Object.keys(record.votes).length && !Object.keys(record.questions).length)
      return undefined
    return talkReport(record, slides, new Date(at))
  }
  return {
    report,
    write: (dir, title) => {
      const r = report()
      if (!r)
        return []
      mkdirSync(dir, { recursive: true })
      const name = join(dir, `talk-report-${r.at.replace(/[:.]/g, '-')}`)
      writeFileSync(`${name}.json`, `${JSON.stringify(r, null, 2)}\n`)
      writeFileSync(`${name}.md`, reportMarkdown(r, title))
      return [`${name}.md`, `${name}.json`]
    },
    stop: () => {
      client.end(true)
    },
  }
}
