// The reading page in a live talk (reading/live-page.ts): which slide the presenter is
// on, kept on the reader's screen until the reader scrolls away, and the way back. Plain
// DOM, no framework: the static page runs it, with the live slide's number from the
// broker. The view's bar gets a status ("Live · slide 7 of 21") and, once the reader has
// scrolled away, a "Back to live" button; the live slide is marked `data-live`.
import { CLASS, slideAnchor } from './contract'

/** The attribute on the reading view's slide being presented. */
export const LIVE_ATTRIBUTE = 'data-live'
export const LIVE_CLASS = {
  box: 'live-follow',
  status: 'live-status',
  badge: 'live-badge',
  back: 'live-back',
} as const

export const LIVE_CSS = `
.${LIVE_CLASS.box}[hidden], .${LIVE_CLASS.back}[hidden] { display: none; }
.${LIVE_CLASS.box} { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.${LIVE_CLASS.status} { display: inline-flex; align-items: center; gap: 0.4rem; margin: 0; font-size: 1rem; }
.${LIVE_CLASS.badge}, .${CLASS.slide}[${LIVE_ATTRIBUTE}]::before {
  padding: 0.05rem 0.45rem; border-radius: 4px; background: var(--lp-ink); color: var(--lp-bg);
  font-size: 1rem; font-weight: 600;
}
.${CLASS.slide}[${LIVE_ATTRIBUTE}] { border-left: 4px solid var(--lp-ink); padding-left: 0.75rem; }
.${CLASS.slide}[${LIVE_ATTRIBUTE}]::before { content: 'Live'; display: inline-block; }
`

/** The reader's own inputs: only a scroll that follows one of them stops the following. */
const INPUTS = [
  'wheel',
  'touchmove',
  'keydown',
  'pointerdown',
] as const

export class LiveFollower {
  /** The slide the presenter is on, 0 before the first word from the broker. */
  live = 0
  /** Whether the page keeps the live slide on screen; a link to a slide is where the reader wants to be. */
  following = !location.hash
  private scrolling = 0
  private touched = -Infinity
  private readonly box: HTMLElement
  private readonly status: HTMLElement
  private readonly back: HTMLButtonElement
  private readonly smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches

  constructor(private readonly bar: HTMLElement, main: HTMLElement | null) {
    const style = document.createElement('style')
    style.textContent = LIVE_CSS
    document.head.appendChild(style)
    this.box = document.createElement('div')
    this.box.className = LIVE_CLASS.box
    this.box.hidden = true
    this.status = document.createElement('p')
    this.status.className = LIVE_CLASS.status
    this.status.setAttribute('role', 'status')
    this.back = document.createElement('button')
    this.back.type = 'button'
    this.back.className = `reading-btn ${LIVE_CLASS.back}`
    this.back.textContent = 'Back to live'
    this.back.hidden = true
    this.back.addEventListener('click', () => this.backToLive())
    this.box.append(this.status, this.back)
    bar.appendChild(this.box)

    addEventListener('scroll', () => this.onScroll(), { passive: true })
    INPUTS.forEach(e => addEventListener(e, () => {
      this.touched = performance.now()
    }, { passive: true }))
    // Slides drawn late, diagrams and fonts move the live slide after it was scrolled
    // to; while the reader follows, it is brought back.
    if (main) {
      new ResizeObserver(() => {
        const el = this.following && !this.scrolling && this.element()
        if (el && !this.inView(el))
          el.scrollIntoView({ block: 'start' })
      }).observe(main)
    }
  }

  /** The presenter is on slide `no` of `total`, titled `title`. */
  async show(no: number, total: number, title: (el: HTMLElement) => string): Promise<void> {
    if (!(no >= 1) || no === this.live)
      return
    document.getElementById(slideAnchor(this.live))?.removeAttribute(LIVE_ATTRIBUTE)
    this.live = no
    this.box.hidden = false
    this.status.replaceChildren()
    const badge = document.createElement('span')
    badge.className = LIVE_CLASS.badge
    badge.textContent = 'Live'
    const where = document.createElement('span')
    where.textContent = `slide ${no} of ${total}`
    this.status.append(badge, ' ', where)
    const el = await this.drawn(no)
    if (!el || no !== this.live)
      return
    el.setAttribute(LIVE_ATTRIBUTE, '')
    const name = document.createElement('span')
    name.className = 'sr-only'
    name.textContent = `: ${title(el)}`
    where.append(name)
    this.scrollToLive(el)
  }

  backToLive(): void {
    this.following = true
    this.back.hidden = true
    const el = this.element()
    if (el)
      this.scrollToLive(el)
  }

  private element(): HTMLElement | null {
    return this.live
      ? document.getElementById(slideAnchor(this.live))
      : null
  }

  /** The element of slide `no` once it is there (the page adds the whole talk a slide a task). */
  private drawn(no: number): Promise<HTMLElement | undefined> {
    return new Promise((resolve) => {
      const until = performance.now() + 30_000
      const look = () => {
        const el = document.getElementById(slideAnchor(no))
        if (el || no !== this.live || performance.now() > until)
          return resolve(el ?? undefined)
        requestAnimationFrame(look)
      }
      look()
    })
  }

  private inView(el: HTMLElement): boolean {
    const top = this.bar.getBoundingClientRect().bottom
    const box = el.getBoundingClientRect()
    return box.bottom > top + 24 && box.top < innerHeight - 24
  }

  private scrollToLive(el: HTMLElement): void {
    if (!this.following)
      return
    const run = ++this.scrolling
    el.scrollIntoView({
      behavior: this.smooth ? 'smooth' : 'auto',
      block: 'start',
    })
    // Until the page settles, scroll events are this scroll's, not the reader's.
    const settled = () => {
      if (run !== this.scrolling)
        return
      this.scrolling = 0
      if (this.following && !this.inView(el))
        el.scrollIntoView({ block: 'start' })
    }
    addEventListener('scrollend', settled, { once: true })
    setTimeout(settled, this.smooth ? 1500 : 300)
  }

  private onScroll(): void {
    if (this.scrolling || !this.following || !this.live || performance.now() - this.touched > 1000)
      return
    const el = this.element()
    if (el && !this.inView(el)) {
      this.following = false
      this.back.hidden = false
    }
  }
}
