import { BOTH_SCHEMES, expect, plain, REDUCED_MOTION, test } from './support/deck'
import { overflowProblems } from './support/layout'
import { BROKEN_SLIDES_URL } from './support/servers'
import { loadDeck } from '../lib/deck-source'
import { walkProblems } from './support/walk'

// The state after each step is what this gate measures; reduced motion makes slide
// transitions instant (tests/reduced-motion.spec.ts proves it), so the walk is quicker:
// tagged REDUCED_MOTION, these tests run in the reduced-motion projects.

test('nothing sticks out of the slide or out of its box, at any click', { tag: [BOTH_SCHEMES, REDUCED_MOTION] }, async ({ deck }) => {
  test.setTimeout(120_000)
  expect(await walkProblems(deck.page, { slides: deck.slides }, step => overflowProblems(deck.page, step.slide.no))).toEqual([])
})

plain('a list that runs off the slide and a box that clips its text fail the check, which names slide, click and scheme', { tag: REDUCED_MOTION }, async ({ page }) => {
  plain.setTimeout(120_000)
  const { slides } = await loadDeck('tests/fixtures/broken-slides/slides.md')
  const problems = await walkProblems(page, { slides, base: BROKEN_SLIDES_URL }, step => overflowProblems(page, step.slide.no))
  const long = slides.find(s => s.title.startsWith('A list that runs off'))!
  const clipped = slides.find(s => s.title.startsWith('A box that clips'))!
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^slide ${long.no} \\(.*\\), click 0, light: .* past the bottom edge of the slide`)))
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^slide ${clipped.no} \\(.*\\), click 0, light: div.* clips its content`)))
  expect(problems.filter(p => !p.startsWith(`slide ${long.no} `) && !p.startsWith(`slide ${clipped.no} `)), 'other slides').toEqual([])
})
