import type { Router } from 'vue-router'
import { slideAnchor } from './reading'

// A page that scripts/prerender.ts wrote paints its slide from HTML (#lp-snapshot,
// fixed on top of the app) before any script runs: the slide on its canvas, or on a
// phone held upright the reading view at that slide. It stays until the app has drawn
// the same thing underneath, with its diagrams, then goes in one frame: no flash of
// another slide, nothing moves. Any other navigation first, or 15 s, also removes it.
const LIMIT_MS = 15_000

/** The app's stylesheets, which a pre-rendered page loads as `media="print"` so they do not block its first paint. */
function styleSheetsOn(): Promise<unknown> {
  const links = [
    ...document.querySelectorAll<HTMLLinkElement>('link[data-lp-deferred]'),
  ]
  for (const link of links)
    link.media = 'all'
  return Promise.all(links.filter(l => !l.sheet).map(l => new Promise((r) => {
    l.addEventListener('load', r, { once: true })
    l.addEventListener('error', r, { once: true })
  })))
}

/** Turns the app's stylesheets on and removes the pre-rendered snapshot once the app has drawn its slide. */
export async function takeOverSnapshot(router: Router): Promise<void> {
  const snapshot = document.getElementById('lp-snapshot')
  // Vue empties #app when it mounts; the snapshot waits outside it (fixed, same place).
  if (snapshot) {
    document.body.append(snapshot)
    // The reading view's anchors are the app's from now on (read.html keeps them for
    // readers without JavaScript).
    for (const el of snapshot.querySelectorAll<HTMLElement>('[id]')) {
      el.dataset.lpAnchor = el.id
      el.removeAttribute('id')
    }
  }
  await styleSheetsOn()
  if (!snapshot)
    return
  const shows = snapshot.dataset.shows
  let gone = false
  const remove = () => {
    if (!gone)
      snapshot.remove()
    gone = true
  }
  const root = document.documentElement
  if (root.classList.contains('lp-no-snapshot'))
    return remove()
  const reading = root.classList.contains('lp-read')
  const drawn = reading
    ? readingDrawn(snapshot, shows === 'read'
        ? decodeURIComponent(location.hash.slice(1)) || slideAnchor(1)
        : slideAnchor(shows ?? ''))
    : slideDrawn(snapshot, shows ?? '')

  const started = performance.now()
  const check = () => {
    if (gone)
      return
    if ((drawn() && document.fonts.status === 'loaded') || performance.now() - started > LIMIT_MS)
      requestAnimationFrame(remove)
    else
      requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
  router.afterEach((to) => {
    if (reading
      ? to.name !== 'read'
      : to.name !== 'play' || to.params.no !== shows) {
      remove()
    }
  })
}

function drawnHosts(el: Element) {
  return [
    ...el.querySelectorAll('*'),
  ].filter(e => e.shadowRoot?.querySelector('svg')).length
}

/** The app shows slide `no` on its canvas, with as many diagrams as the snapshot. */
function slideDrawn(snapshot: HTMLElement, no: string): () => boolean {
  const diagrams = snapshot.querySelectorAll('.lp-snap-slide .lp-shadow-host').length
  return () => {
    const page = document.querySelector<HTMLElement>(`#app .slidev-page-${no}`)
    return !!page?.firstElementChild && page.checkVisibility() && drawnHosts(page) >= diagrams
  }
}

/**
 * The app's reading view shows the anchored slide where the snapshot shows it, with
 * its diagrams and the next slide's drawn (they draw as they come near the screen).
 */
function readingDrawn(snapshot: HTMLElement, anchor: string): () => boolean {
  const shown = [
    ...snapshot.querySelectorAll<HTMLElement>('.lp-snap-read article'),
  ]
  const there = shown.find(a => a.dataset.lpAnchor === anchor) ?? shown[0]
  return () => {
    const article = document.querySelector<HTMLElement>(`#app [id="${CSS.escape(anchor)}"]`)
    if (!article || !there)
      return false
    const near = [article, article.nextElementSibling].filter(el => !!el)
    // Drawn, not skipped as off-screen (content-visibility) this frame.
    return !!article.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })
      && Math.abs(article.getBoundingClientRect().top - there.getBoundingClientRect().top) < 2
      && !near.some(el => el.querySelector('.lp-diagram-placeholder'))
      && drawnHosts(article) >= there.querySelectorAll('.lp-shadow-host').length
  }
}
