// Runs before the first paint of a page that scripts/prerender.ts wrote (a classic
// script in <head>; the site's Content-Security-Policy allows no inline script).
// 1. The snapshot in the page shows one slide (data-slide on this tag). A host that
//    answers other addresses with index.html (SPA rewrites, the offline service
//    worker: /presenter/3, /overview, /9 offline) must not flash that slide first,
//    so the snapshot is hidden when the address asks for something else.
// 2. Slidev puts `dark` on <html> when its JavaScript runs; doing it here already
//    paints the snapshot in the visitor's colour scheme (Slidev's own rule).
// 3. The app (data-entry: its module, already being fetched through modulepreload)
//    starts once the parsed page has been painted, so its start-up work never holds
//    the first paint back on a slow phone.
(() => {
  const script = document.currentScript
  const root = document.documentElement
  const base = new URL(script.src).pathname.replace(/[^/]*$/, '')
  const path = decodeURI(location.pathname)
  let rest = path.startsWith(base)
    ? path.slice(base.length)
    : '?'
  rest = rest.replace(/\.html$/, '').replace(/\/$/, '')
  if (rest === '' || rest === 'index')
    rest = '1'
  if (rest !== script.getAttribute('data-slide'))
    root.classList.add('lp-no-snapshot')
  let stored = null
  try {
    stored = localStorage.getItem('slidev-color-schema')
  }
  catch {}
  const dark = stored === 'dark' || (stored !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches)
  root.classList.toggle('dark', dark)
  root.classList.toggle('light', !dark)

  const entry = script.getAttribute('data-entry')
  let started = false
  const start = () => {
    if (started)
      return
    started = true
    const app = document.createElement('script')
    app.type = 'module'
    app.crossOrigin = ''
    app.src = entry
    document.head.appendChild(app)
  }
  document.addEventListener('DOMContentLoaded', () => {
    // A page opened in the background paints nothing until shown: start at once.
    if (document.visibilityState === 'hidden')
      return start()
    requestAnimationFrame(() => setTimeout(start, 0))
  })
})()
