import { BOTH_SCHEMES, expect, plain, REDUCED_MOTION, test } from './support/deck'
import { readabilityProblems } from './support/layout'
import { BROKEN_SLIDES_URL } from './support/servers'
import { loadDeck } from '../lib/deck-source'
import { type Step, walkProblems } from './support/walk'
import type { Page } from '@playwright/test'

// The state after each step is what this gate measures; reduced motion makes slide
// transitions instant (tests/reduced-motion.spec.ts proves it), so the walk is quicker:
// tagged REDUCED_MOTION, these tests run in the reduced-motion projects.

/** Font sizes at every step; the word budget at each slide's last step, when all is shown. */
async function backRowProblems(page: Page, step: Step): Promise<string[]> {
  const { problems } = await readabilityProblems(page, step.slide.no)
  return step.last ? problems : problems.filter(p => !p.includes('visible words'))
}

test('no text is too small for the back row and no slide is too wordy, at any click', { tag: [BOTH_SCHEMES, REDUCED_MOTION] }, async ({ deck }) => {
  test.setTimeout(120_000)
  expect(await walkProblems(deck.page, { slides: deck.slides }, step => backRowProblems(deck.page, step))).toEqual([])
})

plain('tiny text and a wordy slide fail the check, which names slide, click and scheme', { tag: REDUCED_MOTION }, async ({ page }) => {
  plain.setTimeout(120_000)
  const { slides } = await loadDeck('tests/fixtures/broken-slides/slides.md')
  const problems = await walkProblems(page, { slides, base: BROKEN_SLIDES_URL }, step => backRowProblems(page, step))
  const tiny = slides.find(s => s.title.startsWith('Small print'))!
  const wordy = slides.find(s => s.title.startsWith('Far too many words'))!
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^slide ${tiny.no} \\(.*\\), click 0, light: text ".*" renders at 12.0 px, below 20 px`)))
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^slide ${wordy.no} \\(.*\\), click 0, light: \\d+ visible words, over the budget of 40`)))
  expect(problems.filter(p => p.startsWith('slide 1 ')), 'the good slide').toEqual([])
})
