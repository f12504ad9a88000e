import type { Router } from 'vue-router'
import { addressOf, CHOSE_SLIDES, opensReading, PHONE_UPRIGHT, READ_PATH, slideAnchor } from './contract'
import { store, stored } from './page/storage'

// The reading view in the app, for where there is no static reading page (`slidev`
// dev; the built site serves read.html): on the first navigation, the contract's rule
// sends a phone held upright to the app's /read route.

/** Remembered for the tab once a reader picks the slides, so a reload keeps them. */
export function choseSlides(): void {
  store(sessionStorage, CHOSE_SLIDES, '1')
}

export function openOnPhone(router: Router): void {
  let first = true
  router.beforeEach((to) => {
    const firstNavigation = first
    first = false
    const address = addressOf(to.path, '/')
    if (!firstNavigation || address === READ_PATH)
      return
    const opens = opensReading({
      address,
      phoneUpright: window.matchMedia(PHONE_UPRIGHT).matches,
      choseSlides: stored(sessionStorage, CHOSE_SLIDES) === '1',
      query: new URLSearchParams(Object.keys(to.query).map(k => [k, ''])),
    })
    if (!opens)
      return
    return {
      name: 'read',
      hash: address === '1'
        ? ''
        : `#${slideAnchor(address)}`,
      replace: true,
    }
  })
}
