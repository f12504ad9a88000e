// In a live talk (`npm run present`, or a build with LIVE_URL: the page's `lp-live` meta
// tag) the page follows the presenter: its follower, with MQTT.js, is a module of its
// own (live-page.js, ../live-page.ts), fetched only here. Anywhere else, nothing.
import type { ReadingPage } from './reading-page'
import { LIVE_META } from '../../lib/live/topics'
import { LIVE_SCRIPT } from '../contract'

export function live(page: ReadingPage): void {
  if (!document.querySelector(`meta[name="${LIVE_META}"]`))
    return
  const module = `${page.base}${LIVE_SCRIPT}`
  import(/* @vite-ignore */ module).then(
    (m: typeof import('../live-page')) => m.follow(page),
    () => page.state('live', 'Could not follow the talk live'),
  )
}
