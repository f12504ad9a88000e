import type { Page } from '@playwright/test'
import type { SourceSlide } from 'slidev-addon-audience/lib/deck-source'
// Walks a built deck the way a presenter gives it: open slide 1 once, then → through
// every click step of every slide. Each quality gate visits each step with it, on the
// deck and on the broken fixture deck alike, and names problems with `where(step)`.
import { relative } from 'node:path'
import process from 'node:process'
import { expect } from '@playwright/test'
import { diagramProblems } from './diagrams'
import { tap } from './keyboard'

export type Scheme = 'light' | 'dark'

export interface Step {
  slide: SourceSlide
  /** The click step, 0 before the first click (as in `?clicks=N`). */
  click: number
  /** No v-click element of the slide is hidden any more: the slide is complete. */
  last: boolean
  /** The colour scheme the deck rendered in (from its `dark` class). */
  scheme: Scheme
}

/** "slide 11 (pages/03-crypto-layers.md: "L1 has a bottleneck …"), click 2, dark": where to look. */
export function where(step: Pick<Step, 'slide' | 'click' | 'scheme'>): string {
  const file = relative(process.cwd(), step.slide.file)
  return `slide ${step.slide.no} (${file}: "${step.slide.title}"), click ${step.click}, ${step.scheme}`
}

/** Slide number and click step from a deck URL such as /12?clicks=2 or /presenter/12. */
export function position(url: string): { no: number, click: number } {
  const u = new URL(url)
  return {
    no: Number(u.pathname.split('/').pop()),
    click: Number(u.searchParams.get('clicks') ?? 0),
  }
}

/**
 * Waits until slide `slide` is shown alone and still: fonts loaded, no transition or
 * finite animation running, the slide it replaced gone, and its diagrams rendered.
 */
export async function settle(page: Page, slide: SourceSlide): Promise<void> {
  // The page box shows before its lazily loaded layout does; wait for the layout.
  await expect(page.locator(`.slidev-page-${slide.no} .slidev-layout`).first()).toBeVisible()
  await page.waitForFunction(() => {
    if (document.fonts.status !== 'loaded')
      return false
    const moving = document.getAnimations().some(a => a.playState === 'running'
      && a.effect?.getComputedTiming().iterations !== Infinity)
    const shown = [
      ...document.querySelectorAll('#slideshow > .slidev-page'),
    ]
      .filter(p => getComputedStyle(p).display !== 'none')
    return !moving && shown.length === 1
  })
  if (slide.diagrams.length) {
    await expect.poll(() => diagramProblems(page, slide), {
      message: `diagrams of slide ${slide.no} ("${slide.title}") did not render`,
    }).toEqual([])
  }
}

/** The scheme the page renders in right now. */
export async function schemeOf(page: Page): Promise<Scheme> {
  return await page.evaluate(() => document.documentElement.classList.contains('dark'))
    ? 'dark'
    : 'light'
}

/** Is slide `no` complete, i.e. are all its v-click elements revealed? */
async function isComplete(page: Page, no: number): Promise<boolean> {
  return page.evaluate(n => !document.querySelector(`.slidev-page-${n} .slidev-vclick-hidden`), no)
}

export interface WalkOptions {
  slides: SourceSlide[]
  /** Origin of the deck, e.g. a fixture server; '' for the test's baseURL. */
  base?: string
  /** '' for the audience view, '/presenter' for the presenter view. */
  view?: '' | '/presenter'
  /** Wait for each step to be still before visiting it (off for the motion gate). */
  still?: boolean
}

/**
 * Opens slide 1 once and presses → until the last click of the last slide, calling
 * `visit` at every slide and click step. Fails, naming the step, if → stops advancing.
 * Returns how many steps it visited.
 */
export async function walkDeck(page: Page, options: WalkOptions, visit: (step: Step) => Promise<void>): Promise<number> {
  const { slides, base = '', view = '', still = true } = options
  await page.goto(`${base}${view}/1`)
  const scheme = await schemeOf(page)
  let steps = 0
  let at = position(page.url())
  for (;;) {
    const slide = slides[at.no - 1]
    expect(slide, `the deck went to slide ${at.no}, past its ${slides.length} slides`).toBeTruthy()
    if (still)
      await settle(page, slide)
    else
      await expect(page.locator(`.slidev-page-${slide.no} .slidev-layout`).first()).toBeVisible()
    const last = await isComplete(page, slide.no)
    await visit({ slide, click: at.click, last, scheme })
    steps++
    if (slide.no === slides.length && last)
      return steps
    expect(steps, 'steps walked; is → stuck?').toBeLessThan(slides.length * 20)
    const before = page.url()
    await tap(page, 'ArrowRight')
    await expect(page, `→ did nothing at ${where({ slide, click: at.click, scheme })}`).not.toHaveURL(before)
    at = position(page.url())
  }
}

/**
 * Every slide once, complete (all its clicks), in one page: from the slide 1 the caller
 * has opened, → through a slide's clicks and ↓ to the next, each still before `visit`.
 * As a presenter moves, with no reload between slides, so it is quicker than opening each.
 */
export async function visitCompleteSlides(page: Page, slides: SourceSlide[], visit: (slide: SourceSlide) => Promise<void>): Promise<void> {
  for (const slide of slides) {
    await expect(page, 'the walk reached the next slide').toHaveURL(new RegExp(`/${slide.no}(\\?|$)`))
    await settle(page, slide)
    while (!await isComplete(page, slide.no)) {
      const before = page.url()
      await tap(page, 'ArrowRight')
      await expect(page, `→ did nothing on slide ${slide.no}`).not.toHaveURL(before)
      await settle(page, slide)
    }
    await visit(slide)
    if (slide.no < slides.length)
      await tap(page, 'ArrowDown')
  }
}

/** One line per problem, ready for `expect(problems).toEqual([])`. */
export function report(step: Step, problems: string[]): string[] {
  return problems.map(p => `${where(step)}: ${p}`)
}

/**
 * Walks the deck with `check` at every step and collects what it finds, each line
 * naming the slide, its file, the click step and the scheme.
 */
export async function walkProblems(page: Page, options: WalkOptions, check: (step: Step) => Promise<string[]>): Promise<string[]> {
  const problems: string[] = []
  await walkDeck(page, options, async (step) => {
    problems.push(...report(step, await check(step)))
  })
  return problems
}
