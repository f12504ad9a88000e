import type { Router } from 'vue-router'
// The slides in a live talk (setup/main.ts): Slidev's own sync state (`nav`, `drawings`)
// travels through the broker (./sync.ts), so every device follows the presenter's view,
// and the presenter's views follow each other. A page that is not in a live talk (no
// `lp-live` meta tag: a hosted site without a broker, `npm run dev`, the PDF export)
// returns at once and fetches nothing of this. Without the key the presenter's pages
// are no use (the broker takes no move from them): the audience gets the slide instead.
import { addSyncMethod } from '@slidev/client'
import { liveTalk, presenterKey } from './page'
import { KEY_QUERY } from './topics'
import { voice, voiceConnected, voiceStarted } from './voice-state'

/** Slidev's presenter-only pages, as routes. */
const PRESENTER_PAGES = /^\/(?:presenter|notes|notes-edit|entry)(?:\/|$)/

export function followLive(router: Router): void {
  const talk = liveTalk()
  if (!talk || new URLSearchParams(location.search).has('print'))
    return
  const key = presenterKey()
  void router.isReady().then(() => {
    const { query } = router.currentRoute.value
    if (KEY_QUERY in query) {
      void router.replace({
        query: { ...query, [KEY_QUERY]: undefined },
      })
    }
  })
  if (!key) {
    router.beforeEach((to) => {
      if (PRESENTER_PAGES.test(to.path))
        return { path: `/${to.params.no ?? 1}`, query: to.query }
    })
  }
  // After the first navigation: a state that arrived during it would be lost to it.
  void Promise.all([
    import('./connect'),
    import('./sync'),
    import('./room-voice'),
    router.isReady(),
  ]).then(([{ connectLive }, { mqttSync }, { moderator, roomPhone }]) => {
    const client = connectLive(talk, key)
    addSyncMethod(mqttSync(client, !!key))
    // The room talking back (./voice-state.ts): the presenter's views moderate, every
    // other page sends to its inbox and follows the tally and the shown questions.
    if (key) {
      const host = moderator(client)
      host.onChange((record) => {
        voice.record = structuredClone(record)
      })
      voiceStarted({ host })
    }
    else {
      const phone = roomPhone(client)
      phone.onTally((tally) => {
        voice.tally = tally
      })
      phone.onQuestions((questions) => {
        voice.questions = questions
      })
      voiceStarted({ phone })
    }
    client.on('connect', () => voiceConnected(true))
    client.on('close', () => voiceConnected(false))
  }, () => {
    // Offline the live client cannot load (it is not in the offline precache): the page
    // goes on as it would with the broker out of reach.
  })
}
