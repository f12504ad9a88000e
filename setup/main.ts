import { defineAppSetup } from '@slidev/types'

// A page that scripts/prerender.ts wrote paints its slide from HTML (#lp-snapshot,
// fixed on top of the app) before any script runs. It stays until the app has drawn the
// same slide with its diagrams underneath, then goes in one frame: no flash of
// another slide, nothing moves. Any navigation first, or 15 s, also removes it.
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

export default defineAppSetup(async ({ router }) => {
  const snapshot = document.getElementById('lp-snapshot')
  // Vue empties #app when it mounts; the snapshot waits outside it (fixed, same place).
  if (snapshot)
    document.body.append(snapshot)
  await styleSheetsOn()
  if (!snapshot)
    return
  const slide = snapshot.dataset.slide
  let gone = false
  const remove = () => {
    if (!gone)
      snapshot.remove()
    gone = true
  }
  if (document.documentElement.classList.contains('lp-no-snapshot'))
    return remove()

  const diagrams = snapshot.querySelectorAll('template[shadowrootmode], .lp-shadow-host').length
  const drawn = () => {
    const page = document.querySelector<HTMLElement>(`#app .slidev-page-${slide}`)
    if (!page?.firstElementChild || !page.checkVisibility())
      return false
    const hosts = [
      ...page.querySelectorAll('*'),
    ].filter(el => el.shadowRoot?.querySelector('svg'))
    return hosts.length >= diagrams && document.fonts.status === 'loaded'
  }
  const started = performance.now()
  const check = () => {
    if (gone)
      return
    if (drawn() || performance.now() - started > LIMIT_MS)
      requestAnimationFrame(remove)
    else
      requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
  router.afterEach((to) => {
    if (to.name !== 'play' || to.params.no !== slide)
      remove()
  })
})
