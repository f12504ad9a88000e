// The reading view as a static page: what the build wrote is the page, and no app
// code is fetched or run. Before the first paint it sets the classes the page's CSS
// reads (reading view, notes hidden); once the document is parsed each feature wires
// itself to the page. A feature is one function of the page (./features.ts), so
// another (a live follower, say) plugs in by being added to that list.
import { ATTR, CLASS, DATA, ID, READ_PATH, SHOW_NOTES } from '../contract'
import { FEATURES } from './features'
import { stored } from './storage'

export interface ReadingPage {
  /** The deck's base path (`/`, `/talks/x/`). */
  base: string
  /** What the page was pre-rendered for: `read` (the whole talk) or a slide number. */
  shows: string
  /** The reading view, its bar and its status line. */
  view: HTMLElement
  bar: HTMLElement
  /**
   * The status line (a polite live region): `answer` replies to what the reader did and
   * shows until the next answer; `state` is a standing state of one kind (offline, …),
   * shown, the latest first, when there is no answer.
   */
  answer: (text: string) => void
  state: (kind: string, text: string) => void
}

export type Feature = (page: ReadingPage) => void

export function openReadingPage({ base, shows }: { base: string, shows: string }): void {
  const root = document.documentElement
  root.classList.add(CLASS.reading)
  if (stored(localStorage, SHOW_NOTES) === 'false')
    root.classList.add(CLASS.notesHidden)

  document.addEventListener('DOMContentLoaded', () => {
    // The slide's canvas and the app's stylesheets are for the slides, not this page
    // (those stylesheets are `media="print"` until the app turns them on).
    document.querySelector(`#${ID.snapshot} .${CLASS.snapSlide}`)?.remove()
    for (const link of document.querySelectorAll<HTMLLinkElement>(`link[${ATTR.deferred}]`))
      link.remove()
    const view = document.querySelector<HTMLElement>(`.${CLASS.view}`)
    const bar = view?.querySelector<HTMLElement>(`.${CLASS.bar}`)
    const status = bar?.querySelector<HTMLElement>(`.${CLASS.status}`)
    if (!view || !bar || !status)
      return
    const states = new Map<string, string>()
    let answered = ''
    const show = () => {
      status.textContent = answered || ([
        ...states.values(),
      ].at(-1) ?? '')
    }
    const page: ReadingPage = {
      base,
      shows: shows || READ_PATH,
      view,
      bar,
      answer: (text) => {
        answered = text
        show()
      },
      state: (kind, text) => {
        states.delete(kind)
        if (text)
          states.set(kind, text)
        show()
      },
    }
    for (const feature of FEATURES)
      feature(page)
    if (shows === READ_PATH)
      view.dataset[DATA.complete] ??= ''
  })
}
