// live-page.js: the reading page's live follower, a module of its own (reading/bundle.ts
// builds it beside prerendered.js, with MQTT.js inside). The page's script imports it
// only when the page is in a live talk (./page/live.ts); a page on a host without a
// broker never fetches it. It follows as the audience does: no key, read only.
import type { ReadingPage } from './page/reading-page'
import { connectLive } from '../lib/live/connect'
import { liveTalk } from '../lib/live/page'
import { roomPhone } from '../lib/live/room-voice'
import { onState } from '../lib/live/sync'
import { TOPIC } from '../lib/live/topics'
import { CLASS, DATA } from './contract'
import { LiveFollower } from './live-follow'
import { roomVoice } from './live-voice'

interface Nav { page?: number, lastUpdate?: { type?: string } }

export function follow(page: ReadingPage): void {
  const talk = liveTalk()
  if (!talk)
    return
  const follower = new LiveFollower(page.bar, page.view.querySelector(`.${CLASS.main}`))
  const total = () => Number(/ of (\d+)/.exec(page.view.querySelector(`.${CLASS.slide}`)?.getAttribute('aria-label') ?? '')?.[1] ?? 0)
  const client = connectLive(talk)
  // The room talking back (./live-voice.ts), once the talk is there: no dead controls before.
  client.once('connect', () => roomVoice(page.view, page.bar, roomPhone(client), () => client.connected))
  onState<Nav>(client, TOPIC.nav, (nav) => {
    // The slide the presenter's view is on: a state another view wrote is not the talk.
    if (nav.lastUpdate?.type === 'presenter' && Number.isInteger(nav.page))
      void follower.show(nav.page!, total(), el => el.dataset[DATA.title] ?? '')
  })
}
