import { expect, plain, REDUCED_MOTION, test } from './support/deck'
import { nameProblems } from './support/names'
import { BROKEN_SLIDES_URL } from './support/servers'
import { loadDeck } from '../lib/deck-source'
import { report, walkDeck, walkProblems } from './support/walk'

// The state after each step is what this gate measures; reduced motion makes slide
// transitions instant (tests/reduced-motion.spec.ts proves it), so the walk is quicker:
// tagged REDUCED_MOTION, these tests run in the reduced-motion projects.

test('a screen reader gets every diagram\'s accTitle and accDescr, and every image\'s alt text, at any click', { tag: REDUCED_MOTION }, async ({ deck }) => {
  test.setTimeout(120_000)
  const problems: string[] = []
  let named = 0
  await walkDeck(deck.page, { slides: deck.slides }, async (step) => {
    problems.push(...report(step, await nameProblems(deck.page, step.slide)))
    named += step.slide.diagrams.length
  })
  expect(named, 'diagram visits').toBeGreaterThanOrEqual(3)
  expect(problems).toEqual([])
})

plain('an unnamed diagram and an image without alt text fail the check, which names slide, click and scheme', { tag: REDUCED_MOTION }, async ({ page }) => {
  plain.setTimeout(120_000)
  const { slides } = await loadDeck('tests/fixtures/broken-slides/slides.md')
  const problems = await walkProblems(page, { slides, base: BROKEN_SLIDES_URL }, step => nameProblems(page, step.slide))
  const broken = slides.find(s => s.title.startsWith('A diagram nobody can name'))!
  const at = `slide ${broken.no} \\(.*\\), click 0, light: `
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${at}diagram 1 has no name: add accTitle`)))
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${at}diagram 1 has no description: add accDescr`)))
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${at}image /favicon.svg has no alt text`)))
  expect(problems.filter(p => !p.startsWith(`slide ${broken.no} `)), 'other slides').toEqual([])
})
