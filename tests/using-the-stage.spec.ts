import type { StageUse } from './support/stage'
import { loadDeck } from '../lib/deck-source'
import { expect, plain, REDUCED_MOTION, test } from './support/deck'
import { BROKEN_SLIDES_URL } from './support/servers'
import { deckStageProblems, stageCheck } from './support/stage'
import { walkProblems } from './support/walk'

// A projector's screen is the whole canvas: each slide, complete, fills it instead of
// sitting as a block under its title, and every diagram is the hero of its slide.
// Only final states are measured; reduced motion makes the walk quicker.

test('every slide uses the stage, and every diagram is the hero of its slide', { tag: REDUCED_MOTION }, async ({ deck }) => {
  test.setTimeout(120_000)
  const uses: StageUse[] = []
  const problems = await walkProblems(deck.page, { slides: deck.slides }, stageCheck(deck.page, uses))
  const { bottom, coverage, problems: deckProblems } = deckStageProblems(uses)
  test.info().annotations.push({ type: 'stage use', description: `median lowest edge ${Math.round(bottom * 100)} %, median coverage ${Math.round(coverage * 100)} %` })
  expect(uses).toHaveLength(deck.slides.length)
  expect([
    ...problems,
    ...deckProblems,
  ]).toEqual([])
})

plain('a small block under its title fails the check, which names the slide', { tag: REDUCED_MOTION }, async ({ page }) => {
  plain.setTimeout(120_000)
  const { slides } = await loadDeck('tests/fixtures/broken-slides/slides.md')
  const uses: StageUse[] = []
  const problems = await walkProblems(page, { slides, base: BROKEN_SLIDES_URL }, stageCheck(page, uses))
  const small = slides.find(s => s.title.startsWith('A small block under its title'))!
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^slide ${small.no} \\(.*"A small block under its title"\\), click 0, light: content is a small block under the title`)))
  expect(deckStageProblems(uses).problems).not.toEqual([])
})
