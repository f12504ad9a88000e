import type { Router } from 'vue-router'
import { ATTR, CLASS, ID } from './contract'

// The app's side of a pre-rendered slide's page (scripts/prerender.ts): the page paints
// the slide on its canvas from HTML (#lp-snapshot, fixed on top of the app) before any
// script runs. It stays until the app has drawn the same slide underneath, with its
// diagrams, then goes in one frame: no flash of another slide, nothing moves. Any other
// navigation first, or 15 s, also removes it. (The reading view is a static page of
// its own, reading/page/: the app never takes one over.)
const LIMIT_MS = 15_000

/** The app's stylesheets, which a pre-rendered page loads as `media="print"` so they do not block its first paint. */
function styleSheetsOn(): Promise<unknown> {
  const links = [
    ...document.querySelectorAll<HTMLLinkElement>(`link[${ATTR.deferred}]`),
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
  const snapshot = document.getElementById(ID.snapshot)
  // Vue empties #app when it mounts; the snapshot waits outside it (fixed, same place),
  // its CSS in it: after every stylesheet the app adds to <head>, and gone with it.
  if (snapshot) {
    document.body.append(snapshot)
    // Its reading view's anchors would be found before the app's.
    for (const el of snapshot.querySelectorAll('[id]'))
      el.removeAttribute('id')
    const css = document.getElementById(ID.snapshotCss)
    if (css)
      snapshot.prepend(css)
  }
  await styleSheetsOn()
  if (!snapshot)
    return
  const shows = snapshot.dataset.shows ?? ''
  let gone = false
  const remove = () => {
    if (!gone)
      snapshot.remove()
    gone = true
  }
  if (document.documentElement.classList.contains(CLASS.noSnapshot))
    return remove()
  const drawn = slideDrawn(snapshot, shows)
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
    if (to.name !== 'play' || to.params.no !== shows)
      remove()
  })
}

function drawnHosts(el: Element) {
  return [
    ...el.querySelectorAll('*'),
  ].filter(e => e.shadowRoot?.querySelector('svg')).length
}

/** The app shows slide `no` on its canvas, with as many diagrams as the snapshot. */
function slideDrawn(snapshot: HTMLElement, no: string): () => boolean {
  const diagrams = snapshot.querySelectorAll(`.${CLASS.snapSlide} .${CLASS.shadowHost}`).length
  return () => {
    const page = document.querySelector<HTMLElement>(`#app .slidev-page-${no}`)
    return !!page?.firstElementChild && page.checkVisibility() && drawnHosts(page) >= diagrams
  }
}
