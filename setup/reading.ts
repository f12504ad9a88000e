import type { Router } from 'vue-router'

// When the deck opens the reading view by itself: a phone held upright. A phone in
// landscape, a tablet and a laptop keep the slides; so do the presenter view, the
// print and export routes Slidev's PDF export uses, and embeds.
export const PHONE_UPRIGHT = '(max-width: 600px) and (orientation: portrait)'

/** Remembered for the tab once a reader picks the slides, so a reload keeps them. */
export const CHOSE_SLIDES = 'lp:chose-slides'

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

/** The anchor of slide `no` in the reading view. */
export function slideAnchor(no: number | string): string {
  return `slide-${no}`
}

export function openOnPhone(router: Router): void {
  let first = true
  router.beforeEach((to) => {
    const firstNavigation = first
    first = false
    if (!firstNavigation || wantsSlides() || !window.matchMedia(PHONE_UPRIGHT).matches)
      return
    const query = to.query
    if ('print' in query || 'embedded' in query || 'slides' in query)
      return
    const no = to.name === 'play'
      ? String(to.params.no)
      : to.path === '/' || to.path === ''
        ? '1'
        : undefined
    if (!no || !/^\d+$/.test(no))
      return
    return {
      name: 'read',
      hash: no === '1'
        ? ''
        : `#${slideAnchor(no)}`,
      replace: true,
    }
  })
}
