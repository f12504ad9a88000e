// A slide's page (`/`, `/7`) holds the reading view's bar and that slide and the next,
// which is what a phone paints first. Once the page has loaded, the rest of the talk
// comes from the reading page (read.html, precached for offline) and goes in around
// them in one task, the slide being read kept where it is (those two stay the same
// elements: a new one would paint blank for a frame, content-visibility); the address
// becomes the reading page's, so a reload or a shared address opens it.
import type { ReadingPage } from './reading-page'
import { CLASS, DATA, ID, READ_PAGE, READ_PATH, slideAnchor } from '../contract'
import { slideInView } from './controls'

const nextTask = () => new Promise(resolve => setTimeout(resolve, 0))

function parse(html: string): Document {
  // Declarative shadow DOM (the diagrams) needs parseHTMLUnsafe; DOMParser drops it.
  const unsafe = (Document as unknown as { parseHTMLUnsafe?: (html: string) => Document }).parseHTMLUnsafe
  return unsafe
    ? unsafe(html)
    : new DOMParser().parseFromString(html, 'text/html')
}

async function fill(page: ReadingPage): Promise<void> {
  const response = await fetch(`${page.base}${READ_PAGE}`)
  if (!response.ok)
    return
  const text = await response.text()
  await nextTask()
  const whole = parse(text)
  await nextTask()
  const main = page.view.querySelector(`.${CLASS.main}`)
  const theirs = whole.querySelector(`.${CLASS.main}`)
  const style = whole.querySelector('head style')
  const ownStyle = document.querySelector(`#${ID.snapshot} > style`)
  const mine = [
    ...main?.querySelectorAll<HTMLElement>(`:scope > .${CLASS.slide}`) ?? [],
  ]
  if (!main || !theirs || !style || !ownStyle || !mine.length)
    return
  const reading = slideInView(page) ?? mine[0]
  const top = reading.getBoundingClientRect().top
  const ids = new Set(mine.map(a => a.id))
  const first = [...theirs.children].findIndex(el => el.id === mine[0].id)
  const before = [...theirs.children].slice(0, first)
  const after = [...theirs.children].slice(first).filter(el => !ids.has(el.id))

  ownStyle.textContent = style.textContent
  // What the page held besides its slides (a link to read on) goes; the rest comes in around them.
  for (const el of [...main.children].filter(el => !mine.includes(el as HTMLElement)))
    el.remove()
  mine[0].before(...before.map(el => document.adoptNode(el)))
  mine.at(-1)!.after(...after.map(el => document.adoptNode(el)))
  main.removeAttribute('style')
  window.scrollBy(0, reading.getBoundingClientRect().top - top)
  page.view.dataset[DATA.complete] = ''
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
