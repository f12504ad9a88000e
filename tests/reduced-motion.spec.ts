import { BOTH_SCHEMES, expect, plain, REDUCED_MOTION, test } from './support/deck'
import { motionProblems, recordMotion } from './support/motion'
import { BROKEN_SLIDES_URL } from './support/servers'
import { loadDeck, type SourceSlide } from '../lib/deck-source'
import { report, walkDeck } from './support/walk'
import type { Page } from '@playwright/test'

/** Walks the deck without waiting for stillness: every step must already be still. */
async function walkWithReducedMotion(page: Page, slides: SourceSlide[], base = '') {
  await recordMotion(page)
  const problems: string[] = []
  const complete = new Set<number>()
  await walkDeck(page, { slides, base, still: false }, async (step) => {
    problems.push(...report(step, await motionProblems(page, step.slide.no)))
    if (step.last)
      complete.add(step.slide.no)
  })
  return { problems, complete }
}

// Tagged REDUCED_MOTION: these run in the projects that emulate prefers-reduced-motion.
test('with reduced motion nothing slides or fades, and → still reaches every click of every slide', { tag: [BOTH_SCHEMES, REDUCED_MOTION] }, async ({ deck }) => {
  test.setTimeout(120_000)
  const { problems, complete } = await walkWithReducedMotion(deck.page, deck.slides)
  expect(problems).toEqual([])
  expect([...complete], 'slides shown complete').toEqual(deck.slides.map(s => s.no))
})

plain('a spinner and a slow fade fail the check, which names slide, click and scheme', { tag: REDUCED_MOTION }, async ({ page }) => {
  plain.setTimeout(120_000)
  const { slides } = await loadDeck('tests/fixtures/broken-slides/slides.md')
  const { problems } = await walkWithReducedMotion(page, slides, BROKEN_SLIDES_URL)
  const moving = slides.find(s => s.title.startsWith('A spinner'))!
  const at = `slide ${moving.no} \\(.*\\), click`
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${at} 0, light: animation "spin[^"]*" on div.spinner runs forever`)))
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${at} 1, light: transition of opacity on p.* lasts 1500 ms`)))
  expect(problems.filter(p => !p.startsWith(`slide ${moving.no} `)), 'other slides').toEqual([])
})
