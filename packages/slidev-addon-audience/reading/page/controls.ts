// The reading bar's and each slide's controls: Slides (the app, at the slide being
// read), Notes (all shown or hidden, remembered), Share (the slide's link, by the Web
// Share API or the clipboard). The slide links and the handout are plain links.
// One listener on the view: the whole talk, filled in later (./whole-talk.ts), needs no wiring.
import type { ReadingPage } from './reading-page'
import { ATTR, BAR_HEIGHT_VAR, CHOSE_SLIDES, CLASS, DATA, READ_PATH, SHOW_NOTES, slideAnchor } from '../contract'
import { shareSlide } from '../share'
import { slideInView } from '../slide-in-view'
import { store } from './storage'

async function share(page: ReadingPage, article: HTMLElement): Promise<void> {
  const no = article.dataset[DATA.no] ?? ''
  const url = new URL(`${page.base}${READ_PATH}#${slideAnchor(no)}`, location.origin).href
  const said = await shareSlide(no, url, `${article.dataset[DATA.title]} · ${page.view.dataset[DATA.title]}`)
  if (said)
    page.answer(said)
}

export function controls(page: ReadingPage): void {
  const root = document.documentElement
  const notes = page.bar.querySelector<HTMLElement>(`[${ATTR.action}="notes"]`)
  notes?.setAttribute('aria-pressed', String(!root.classList.contains(CLASS.notesHidden)))

  page.view.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>(`[${ATTR.action}]`)
    switch (button?.dataset[DATA.action]) {
      case 'slides': {
        store(sessionStorage, CHOSE_SLIDES, '1')
        location.assign(`${page.base}${slideInView(page.bar, page.view)?.dataset[DATA.no] ?? 1}`)
        break
      }
      case 'notes': {
        const hidden = root.classList.toggle(CLASS.notesHidden)
        button.setAttribute('aria-pressed', String(!hidden))
        store(localStorage, SHOW_NOTES, String(!hidden))
        break
      }
      case 'share': {
        const article = button.closest<HTMLElement>(`.${CLASS.slide}`)
        if (article)
          void share(page, article)
        break
      }
    }
  })

  // Anchors land below the bar, whatever its height at this width (it wraps on narrow screens).
  const measure = () => page.view.style.setProperty(BAR_HEIGHT_VAR, `${Math.ceil(page.bar.getBoundingClientRect().height)}px`)
  measure()
  new ResizeObserver(measure).observe(page.bar)
}
