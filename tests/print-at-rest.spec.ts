import type { Page } from '@playwright/test'
import type { SourceSlide } from 'slidev-addon-audience/lib/deck-source'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { HANDOUT_PAGE } from 'slidev-addon-audience/reading/contract'
import { expect, plain, test } from './support/deck'
import { openReading, PHONES } from './support/reading'
import { BROKEN_READING_URL } from './support/servers'

// Print is at rest: the PDF (Slidev's /print route, what `slidev export` prints), the
// handout (/read?handout) and the reading view draw every slide at its end. A PDF is taken
// when the browser says the page is ready, on a busy machine mid-animation, so this checks
// no timing: nothing there may have an animation or a transition at all.
// `npm run print-at-rest` shows the same of the PDFs themselves, under load.

/** Everything in the elements `selector` matches (shadow roots included) that animates or transitions. */
async function motionIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const { allElements, describe, up } = window.__lp
    const where = (el: Element): string => {
      for (let e: Element | null = el; e; e = up(e)) {
        const no = e.getAttribute('class')?.match(/\bslidev-page-(\d+)\b/)
        if (no)
          return `slide ${no[1]}`
      }
      return 'page'
    }
    const seconds = (list: string) => list.split(',').map(Number.parseFloat)
    const problems = new Set<string>()
    for (const root of document.querySelectorAll(selector)) {
      for (const el of [
        root,
        ...allElements(root),
      ]) {
        for (const pseudo of ['', '::before', '::after']) {
          const style = getComputedStyle(el, pseudo || null)
          const what = `${describe(el, { text: false })}${pseudo}`
          if (style.animationName.split(',').some(name => name.trim() !== 'none'))
            problems.add(`${where(el)}: animation "${style.animationName}" on ${what}`)
          const delays = seconds(style.transitionDelay)
          if (seconds(style.transitionDuration).some((s, i) => s + (delays[i] ?? 0) > 0))
            problems.add(`${where(el)}: transition of ${style.transitionProperty} (${style.transitionDuration}) on ${what}`)
        }
      }
    }
    // Animations that scripts start, which computed styles do not show.
    for (const a of document.getAnimations()) {
      const target = (a.effect as KeyframeEffect | null)?.target
      if (target)
        problems.add(`${where(target)}: ${a.constructor.name} ${a.id || (a as CSSAnimation).animationName || ''} on ${describe(target, { text: false })}`)
    }
    return [...problems]
  }, selector)
}

/** Slidev's print route as `slidev export` opens it, once every slide and diagram is drawn. */
async function openPrint(page: Page, slides: SourceSlide[]): Promise<void> {
  await page.goto('print?print=true')
  await expect(page.locator('.print-slide-container')).toHaveCount(slides.length)
  await expect.poll(() => page.evaluate(() => [
    ...document.querySelectorAll('.mermaid'),
  ].filter(m => m.shadowRoot?.querySelector('svg')).length), { message: 'diagrams drawn' }).toBe(slides.reduce((n, s) => n + s.diagrams.length, 0))
  await page.waitForFunction(() => document.fonts.status === 'loaded')
}

test.describe('print is at rest: nothing on any slide animates or transitions', () => {
  test('on the PDF\'s print route', async ({ deck, page }) => {
    await openPrint(page, deck.slides)
    expect(await motionIn(page, 'html')).toEqual([])
  })

  test('in the reading view', async ({ page }) => {
    await page.setViewportSize(PHONES[0])
    await openReading(page)
    expect(await motionIn(page, '.reading-view')).toEqual([])
  })
})

// As scripts/handout.ts prints it: the app's reading view, before scripts/prerender.ts has
// written read.html (the static reading page, which starts no app). Here the host answers
// /read with the app's page, as it did then.
plain('print is at rest in the handout: nothing on any slide animates or transitions', async ({ page }) => {
  await page.setViewportSize({ width: 680, height: 960 })
  await page.route(url => url.pathname.endsWith('/read'), route => route.fulfill({ path: 'dist/index.html', contentType: 'text/html' }))
  await page.goto(HANDOUT_PAGE)
  const handout = page.locator('.reading-view.handout')
  await expect(handout).toHaveAttribute('data-complete')
  await expect.poll(() => handout.evaluate(view => [
    ...view.querySelectorAll('.lp-diagram'),
  ].filter(d => !d.querySelector('.mermaid')?.shadowRoot?.querySelector('svg')).length), { message: 'diagrams drawn' }).toBe(0)
  expect(await motionIn(page, '.reading-view.handout')).toEqual([])
})

// The fixture decks have no print route (no PDF download); the check is the same code.
plain('on the broken fixture deck, a spinner that overrides the rule with !important fails the check, named by slide', async ({ page }) => {
  await page.setViewportSize(PHONES[0])
  await openReading(page, `${BROKEN_READING_URL}/read`)
  const spinner = (await loadDeck('tests/fixtures/broken-reading/slides.md')).slides.find(s => s.title.startsWith('A spinner'))!.no
  expect(await motionIn(page, '.reading-view')).toContainEqual(expect.stringMatching(new RegExp(`^slide ${spinner}: animation "spin[^"]*" on div\\.spinner`)))
})
