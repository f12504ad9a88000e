// Offline after one visit: the page registers the deck's service worker itself (the
// app, which registers it on the slides, never runs here) and says in the status line
// whether the talk is saved, being saved, or cannot be (no service workers, a failed
// registration, a precache that failed to download).
import type { ReadingPage } from './reading-page'
import { OFFLINE } from '../contract'

/** Settles when `worker` is active (the precache is complete), or fails when it is discarded. */
function activated(worker: ServiceWorker): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (worker.state === 'activated')
        resolve()
      else if (worker.state === 'redundant')
        reject(new Error('the service worker was discarded'))
    }
    check()
    worker.addEventListener('statechange', check)
  })
}

async function register(base: string): Promise<void> {
  const registration = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base })
  const worker = registration?.installing ?? registration?.waiting ?? registration?.active
  if (!worker)
    throw new Error('no service worker')
  await activated(worker)
}

export function offline(page: ReadingPage): void {
  const workers = navigator.serviceWorker
  if (!workers)
    return page.state('offline', OFFLINE.unavailable)
  page.state('offline', workers.controller ? OFFLINE.ready : OFFLINE.saving)
  const start = () => register(page.base)
    .then(() => page.state('offline', OFFLINE.ready), () => page.state('offline', OFFLINE.unavailable))
  // After the page has loaded: the precache's downloads must not compete with it.
  if (document.readyState === 'complete')
    void start()
  else
    addEventListener('load', () => void start(), { once: true })
}
