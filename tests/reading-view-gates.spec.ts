import type { Page } from '@playwright/test'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { axeFindings, contrastProblems } from './support/accessibility'
import { BOTH_SCHEMES, expect, plain, REDUCED_MOTION, test } from './support/deck'
import { focusProblems } from './support/keyboard'
import { recordMotion } from './support/motion'
import { openReading, PHONES, readingTextProblems, sidewaysProblems } from './support/reading'
import { BROKEN_READING_URL } from './support/servers'

// The quality gates, run on the reading view (/read) as a phone shows it, in both
// colour schemes; each is proven on tests/fixtures/broken-reading, one broken slide per check.

async function accessibility(page: Page, slides: number): Promise<string[]> {
  const axe = (await axeFindings(page)).filter(f => !f.exempt).map(f => f.text)
  const contrast: string[] = []
  for (let n = 1; n <= slides; n++)
    contrast.push(...(await contrastProblems(page, n)).map(p => `slide ${n}: ${p}`))
  return [
    ...new Set(axe),
    ...contrast,
  ]
}

/** Motion the reading view made while it opened and scrolled from top to bottom. */
async function motion(page: Page): Promise<string[]> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      window.scrollTo(0, y)
      await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
    }
  })
  return page.evaluate(() => {
    const w = window as unknown as { __motion?: { what: string, ms: number, endless: boolean }[] }
    const running = document.getAnimations().filter(a => a.playState === 'running').map(a => `${(a as CSSAnimation).animationName ?? 'animation'} is running${a.effect?.getComputedTiming().iterations === Infinity
      ? ' forever'
      : ''}`)
    const moved = (w.__motion ?? []).filter(m => m.ms > 0 || m.endless).map(m => `${m.what} lasts ${m.ms} ms${m.endless ? ', forever' : ''}`)
    return [
      ...new Set([
        ...moved,
        ...running,
      ]),
    ]
  })
}

const phone = PHONES[0]

test.describe('the reading view', () => {
  test.use({
    viewport: { width: phone.width, height: phone.height },
    isMobile: true,
  })

  test('axe finds nothing serious, and diagram text and lines meet AA contrast', { tag: BOTH_SCHEMES }, async ({ deck, page }) => {
    test.setTimeout(120_000)
    await openReading(page)
    expect(await accessibility(page, deck.slides.length)).toEqual([])
  })

  for (const size of PHONES) {
    test(`at ${size.name}: nothing scrolls sideways; text 16 px or more, diagram labels 12 px or more`, { tag: BOTH_SCHEMES }, async ({ page }) => {
      await page.setViewportSize(size)
      await openReading(page)
      expect(await sidewaysProblems(page)).toEqual([])
      expect(await readingTextProblems(page)).toEqual([])
    })
  }

  test('Tab reaches every control, each with a visible focus ring', { tag: BOTH_SCHEMES }, async ({ deck, page }) => {
    test.setTimeout(120_000)
    await openReading(page)
    const { problems, controls } = await focusProblems(page, 200)
    expect(problems).toEqual([])
    // The bar's three controls, and a link and a share button for each slide.
    expect(controls).toBeGreaterThanOrEqual(3 + 2 * deck.slides.length)
  })

  test('with reduced motion, nothing moves while it opens and scrolls', {
    tag: [BOTH_SCHEMES, REDUCED_MOTION],
  }, async ({ page }) => {
    await recordMotion(page)
    await openReading(page)
    expect(await motion(page)).toEqual([])
  })
})

plain.describe('on the broken fixture deck (tests/fixtures/broken-reading)', () => {
  plain.use({
    viewport: { width: phone.width, height: phone.height },
    isMobile: true,
    baseURL: `${BROKEN_READING_URL}/`,
  })

  /** The fixture slide whose title starts with `title`. */
  const no = async (title: string) => (await loadDeck('tests/fixtures/broken-reading/slides.md')).slides.find(s => s.title.startsWith(title))!.no

  plain('faint text fails the accessibility check', async ({ page }) => {
    await openReading(page)
    const problems = await accessibility(page, 7)
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^color-contrast \\(serious\\): .* at \\.slidev-page-${await no('Faint text')} `)))
  })

  plain('a box wider than a phone, small print and a diagram too wide fail the size checks', async ({ page }) => {
    await openReading(page)
    expect(await sidewaysProblems(page)).toContainEqual(expect.stringMatching(new RegExp(`^slide ${await no('A box wider')}: div "Fits the slide, not a phone`)))
    const text = await readingTextProblems(page)
    expect(text).toContainEqual(expect.stringMatching(new RegExp(`^slide ${await no('Small print')}: p "Nobody can read this.*" is 12.0 px, under 16 px`)))
    expect(text).toContainEqual(expect.stringMatching(new RegExp(`^slide ${await no('A diagram too wide')}: diagram label "first branch" is drawn at [\\d.]+ px, under 12 px`)))
    expect([
      ...await sidewaysProblems(page),
      ...text,
    ].filter(p => p.startsWith('slide 1:')), 'the good slide').toEqual([])
  })

  plain('a button without a focus ring fails the keyboard check', async ({ page }) => {
    await openReading(page)
    const { problems } = await focusProblems(page, 60)
    expect(problems).toEqual([
      expect.stringMatching(/^button "Reveal" shows no focus ring/),
    ])
  })

  plain('a spinner fails the reduced-motion check', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await recordMotion(page)
    await openReading(page)
    expect(await motion(page)).toContainEqual(expect.stringMatching(/spin.* forever/))
  })
})
