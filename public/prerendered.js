// Runs before the first paint of a page that scripts/prerender.ts wrote (a classic
// script in <head>; the site's Content-Security-Policy allows no inline script).
// Its data- attributes come from the build: what the page shows (a slide number or
// `read`), the app's entry module, when a phone opens the reading view, and where
// the reading view puts an anchored slide.
// 1. The snapshot shows one address. A host that answers other addresses with
//    index.html (SPA rewrites, the offline service worker: /presenter/3, /overview,
//    /9 offline) must not flash that page first, so it is hidden when the address
//    asks for something else.
// 2. It picks the view the app will show (setup/reading.ts): a phone held upright
//    opens the reading view, unless the reader chose the slides in this tab.
// 3. Slidev puts `dark` on <html> when its JavaScript runs; doing it here already
//    paints the snapshot in the visitor's colour scheme (Slidev's own rule).
// 4. The app starts once the page has painted and loaded what it paints (fonts):
//    its modules are fetched then (data-preload: the build's own modulepreload list),
//    so neither their download nor the app's start-up hold the first paint back.
(() => {
  const script = document.currentScript
  const data = script.dataset
  const root = document.documentElement
  root.classList.add('lp-js')
  const stored = (storage, key) => {
    try {
      return storage.getItem(key)
    }
    catch {
      return null
    }
  }

  const base = new URL(script.src).pathname.replace(/[^/]*$/, '')
  const path = decodeURI(location.pathname)
  let rest = path.startsWith(base)
    ? path.slice(base.length)
    : '?'
  rest = rest.replace(/\.html$/, '').replace(/\/$/, '')
  if (rest === '' || rest === 'index')
    rest = '1'
  const query = new URLSearchParams(location.search)
  const reading = rest === 'read' || (
    matchMedia(data.phone).matches
    && stored(sessionStorage, data.choseSlides) !== '1'
    && !['print', 'embedded', 'slides'].some(k => query.has(k))
  )
  if (rest !== data.shows)
    root.classList.add('lp-no-snapshot')
  // lp-reading: what the reading view puts on <html> (ReadingView.vue), as when it was captured.
  if (reading)
    root.classList.add('lp-read', 'lp-reading')

  const scheme = stored(localStorage, 'slidev-color-schema')
  const dark = scheme === 'dark' || (scheme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches)
  root.classList.toggle('dark', dark)
  root.classList.toggle('light', !dark)

  let started = false
  const start = () => {
    if (started)
      return
    started = true
    for (const href of data.preload.split(' ')) {
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      link.crossOrigin = ''
      link.href = href
      document.head.appendChild(link)
    }
    const app = document.createElement('script')
    app.type = 'module'
    app.crossOrigin = ''
    app.src = data.entry
    document.head.appendChild(app)
  }
  const hidden = root.classList.contains('lp-no-snapshot')
  document.addEventListener('DOMContentLoaded', () => {
    // The whole reading view, opened at a slide's anchor: show that slide, as the app will.
    const target = rest === 'read' && location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))
    const view = document.querySelector('#lp-snapshot .lp-snap-read')
    if (target && view) {
      const bar = view.querySelector('.reading-bar')
      view.scrollTop = target.getBoundingClientRect().top - view.getBoundingClientRect().top - (bar?.offsetHeight ?? 0) - Number(data.anchorGap)
    }
    // Nothing to show first (another address): no snapshot, and the app at once; so too
    // for a page opened in the background, which paints nothing until shown.
    if (hidden)
      document.getElementById('lp-snapshot')?.remove()
    if (hidden || document.visibilityState === 'hidden')
      start()
  })
  // Otherwise once the page has painted its snapshot and loaded what it paints (its
  // fonts are preloaded, so `load` waits for them).
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
})()
