// A slide's page (`/`, `/7`) holds the reading view's bar and that slide and the next,
// which is what a phone paints first. Once the page has loaded, the rest of the talk
// comes from the reading page (read.html, precached for offline) and goes in around
// them, a slide a task, the slide being read kept where it is (those two stay the same
// elements: a new one would paint blank for a frame, content-visibility); the address
// becomes the reading page's, so a reload or a shared address opens it.
import type { ReadingPage } from './reading-page'
import { CLASS, DATA, ID, READ_PAGE, READ_PATH, slideAnchor } from '../contract'
import { slideInView } from '../slide-in-view'

const nextTask = () => new Promise(resolve => setTimeout(resolve, 0))

/** Elements from HTML, declarative shadow roots (the diagrams) included. */
function fragment(html: string): Element[] {
  const box = document.createElement('div')
  if (box.setHTMLUnsafe)
    box.setHTMLUnsafe(html)
  else
    box.innerHTML = html
  return [...box.children]
}

/** The reading page's CSS and its main's children, as HTML, one slide each, in order. */
function piecesOf(page: string): { css: string, pieces: { id: string, html: string }[] } | undefined {
  const css = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1]
  const open = new RegExp(`<main class="${CLASS.main}"[^>]*>`).exec(page)
  const end = page.lastIndexOf('</main>')
  if (css === undefined || !open || end < 0)
    return undefined
  const inner = page.slice(open.index + open[0].length, end)
  const pieces = inner.split(/(?<=<\/article>)/).map(html => ({ id: /^\s*<article id="([^"]+)"/.exec(html)?.[1] ?? '', html }))
  return { css, pieces }
}

async function fill(page: ReadingPage): Promise<void> {
  const response = await fetch(`${page.base}${READ_PAGE}`)
  if (!response.ok)
    return
  const whole = piecesOf(await response.text())
  const main = page.view.querySelector(`.${CLASS.main}`)
  const ownStyle = document.getElementById(ID.snapshotCss)
  const mine = [
    ...main?.querySelectorAll<HTMLElement>(`:scope > .${CLASS.slide}`) ?? [],
  ]
  if (!whole || !main || !ownStyle || !mine.length)
    return
  const ids = new Set(mine.map(a => a.id))
  const first = whole.pieces.findIndex(p => p.id === mine[0].id)
  const before = whole.pieces.slice(0, first)
  const after = whole.pieces.slice(first).filter(p => !ids.has(p.id))

  // A change above the slide being read, with that slide kept where it is on the screen.
  const keepingPlace = (change: () => void) => {
    const reading = slideInView(page.bar, page.view) ?? mine[0]
    const top = reading.getBoundingClientRect().top
    change()
    window.scrollBy(0, reading.getBoundingClientRect().top - top)
  }
  await nextTask()
  ownStyle.textContent = whole.css
  // What the page held besides its slides (a link to read on) goes.
  for (const el of [...main.children].filter(el => !mine.includes(el as HTMLElement)))
    el.remove()
  // One slide a task, so that no task holds a phone's main thread for long.
  let last: Element = mine.at(-1)!
  for (const piece of after) {
    await nextTask()
    const els = fragment(piece.html)
    last.after(...els)
    last = els.at(-1) ?? last
  }
  for (const piece of before) {
    await nextTask()
    keepingPlace(() => mine[0].before(...fragment(piece.html)))
  }
  // The gap that put the slide below the bar, as the reading page's anchor does: now
  // slides are above it, scrolling keeps it in place.
  keepingPlace(() => main.removeAttribute('style'))
  page.view.dataset[DATA.complete] = ''
  const reading = slideInView(page.bar, page.view) ?? mine[0]
  const at = page.shows === '1' && !window.scrollY
    ? ''
    : `#${reading.id || slideAnchor(page.shows)}`
  history.replaceState(history.state, '', `${page.base}${READ_PATH}${at}`)
}

export function wholeTalk(page: ReadingPage): void {
  if (page.shows === READ_PATH)
    return
  const go = () => void fill(page)
  if (document.readyState === 'complete')
    go()
  else
    addEventListener('load', go, { once: true })
}
