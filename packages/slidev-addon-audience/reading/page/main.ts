// prerendered.js: the classic script in the <head> of every pre-rendered page (the
// Content-Security-Policy allows no inline script), bundled from this folder by
// reading/bundle.ts. It runs before the first paint and decides, by the one rule of
// reading/contract.ts, what the page is:
// - the reading view: a static page, no app fetched or run (./reading-page.ts);
// - otherwise the slides: the app starts once the snapshot has painted (./app.ts).
// Either way it paints in the visitor's colour scheme first (Slidev's own rule).
import { addressOf, CHOSE_SLIDES, COLOR_SCHEME, opensReading, PHONE_UPRIGHT, READ_PATH, slideAnchor } from '../contract'
import { startApp } from './app'
import { openReadingPage } from './reading-page'
import { stored } from './storage'

const script = document.currentScript as HTMLScriptElement
const root = document.documentElement
const base = new URL(script.src).pathname.replace(/[^/]*$/, '')
const address = addressOf(decodeURI(location.pathname), base)
/** What the page was pre-rendered for: a slide number, or `read`. */
const shows = script.dataset.shows ?? ''

const scheme = stored(localStorage, COLOR_SCHEME)
const dark = scheme === 'dark' || (scheme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches)
root.classList.toggle('dark', dark)
root.classList.toggle('light', !dark)

const reading = opensReading({
  address,
  phoneUpright: matchMedia(PHONE_UPRIGHT).matches,
  choseSlides: stored(sessionStorage, CHOSE_SLIDES) === '1',
  query: new URLSearchParams(location.search),
})

if (reading && address !== shows && address !== READ_PATH) {
  // Another slide's page answered (a host's SPA rewrite, the service worker offline):
  // the reading page has that slide.
  location.replace(`${base}${READ_PATH}#${slideAnchor(address)}`)
}
else if (reading) {
  openReadingPage({ base, shows })
}
else {
  startApp({
    address,
    shows,
    entry: script.dataset.entry ?? '',
    preload: script.dataset.preload ?? '',
  })
}
