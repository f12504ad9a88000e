// The reading page opened at a slide's anchor (`read#slide-12`, a shared link): the
// browser scrolls there while the page loads, but slides above it that draw late
// (content-visibility: their size, captured on a wider phone, changes once drawn) or
// fonts that arrive can move it. Until the reader scrolls, and for a few seconds after
// the load, it is put back below the bar whenever the talk changes size.
import type { ReadingPage } from './reading-page'
import { CLASS } from '../contract'

export function anchor(page: ReadingPage): void {
  let moved = false
  const land = () => {
    const id = decodeURIComponent(location.hash.slice(1))
    const target = id && document.getElementById(id)
    if (!moved && target && page.view.contains(target))
      target.scrollIntoView()
  }
  const main = page.view.querySelector(`.${CLASS.main}`)
  const watch = new ResizeObserver(land)
  if (main)
    watch.observe(main)
  const stop = () => {
    moved = true
    watch.disconnect()
  }
  for (const type of [
    'wheel',
    'touchstart',
    'keydown',
    'pointerdown',
  ])
    addEventListener(type, stop, { once: true, passive: true })
  const settle = () => {
    setTimeout(stop, 3000)
    return document.fonts.ready.then(() => requestAnimationFrame(land))
  }
  if (document.readyState === 'complete')
    void settle()
  else
    addEventListener('load', () => void settle(), { once: true })
}
