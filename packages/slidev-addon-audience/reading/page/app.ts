// The slides: Slidev's app starts on this page and takes over its pre-rendered slide
// (setup/main.ts ends the snapshot). It is not fetched until the page has painted
// and loaded what it paints (its fonts are preloaded, so `load` waits for them):
// then the modules of the build's own modulepreload list, and its entry.
import { CLASS, ID } from '../contract'

export interface AppStart {
  /** What the address asks for, and what the page was pre-rendered for. */
  address: string
  shows: string
  /** The app's entry module and the modules it preloads (the build's list, space-separated). */
  entry: string
  preload: string
}

export function startApp({ address, shows, entry, preload }: AppStart): void {
  const root = document.documentElement
  root.classList.add(CLASS.app)
  // The snapshot shows one address. A host that answers others with this page (SPA
  // rewrites, the service worker: /presenter/3, /overview, /9 offline) must not flash
  // it first.
  const hidden = address !== shows
  if (hidden)
    root.classList.add(CLASS.noSnapshot)

  let started = false
  const start = () => {
    if (started)
      return
    started = true
    for (const href of preload.split(' ').filter(Boolean)) {
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      link.crossOrigin = ''
      link.href = href
      document.head.appendChild(link)
    }
    const app = document.createElement('script')
    app.type = 'module'
    app.crossOrigin = ''
    app.src = entry
    document.head.appendChild(app)
  }
  document.addEventListener('DOMContentLoaded', () => {
    // Nothing to show first: no snapshot, and the app at once; so too for a page
    // opened in the background, which paints nothing until shown.
    if (hidden) {
      document.getElementById(ID.snapshot)?.remove()
      document.getElementById(ID.snapshotCss)?.remove()
    }
    if (hidden || document.visibilityState === 'hidden')
      start()
  })
  let painted = false
  let loaded = false
  const maybeStart = () => painted && loaded && setTimeout(start, 0)
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length) {
      observer.disconnect()
      painted = true
      maybeStart()
    }
  }).observe({ type: 'paint', buffered: true })
  addEventListener('load', () => {
    loaded = true
    if (document.visibilityState === 'hidden')
      start()
    maybeStart()
  })
  // A browser that reports no paint still starts the app.
  setTimeout(start, 5000)
}
