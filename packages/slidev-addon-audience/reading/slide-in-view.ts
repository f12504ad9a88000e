// Which slide the reader is on, for Slides (the slide to open) and for keeping the slide
// being read in place: the reading page's script (page/) and the app's view alike.
import { CLASS } from './contract'

/** The slide at the top of the screen: the first with more than a sliver (48 px) below the bar. */
export function slideInView(bar: Element | null | undefined, view: ParentNode = document): HTMLElement | undefined {
  const top = (bar?.getBoundingClientRect().bottom ?? 0) + 48
  return [
    ...view.querySelectorAll<HTMLElement>(`.${CLASS.slide}`),
  ].find(el => el.getBoundingClientRect().bottom > top)
}
