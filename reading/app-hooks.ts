import type { Router } from 'vue-router'
import { addressOf, CHOSE_SLIDES, opensReading, PHONE_UPRIGHT, READ_PATH, slideAnchor } from './contract'

// The reading view in the app, for where there is no static reading page (`slidev`
// dev; the built site serves read.html): on the first navigation, the contract's rule
// sends a phone held upright to the app's /read route.

/** Remembered for the tab once a reader picks the slides, so a reload keeps them. */
export function choseSlides(): void {
  try {
    sessionStorage.setItem(CHOSE_SLIDES, '1')
  }
  catch {}
}

function wantsSlides(): boolean {
  try {
    return sessionStorage.getItem(CHOSE_SLIDES) === '1'
  }
  catch {
    return false
  }
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
      choseSlides: wantsSlides(),
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
