import { accessibilityProblems, axeFindings } from './support/accessibility'
import { BOTH_SCHEMES, expect, plain, test } from './support/deck'
import { AXE_EXEMPTIONS } from './support/exemptions'
import { BROKEN_SLIDES_URL } from './support/servers'
import { loadDeck } from '../lib/deck-source'
import { walkProblems } from './support/walk'

test('axe finds nothing serious on any slide at any click, and diagram text and lines meet AA contrast', { tag: BOTH_SCHEMES }, async ({ deck }) => {
  test.setTimeout(240_000)
  expect(await walkProblems(deck.page, { slides: deck.slides }, step => accessibilityProblems(deck.page, step.slide.no))).toEqual([])
})

test('every exemption in tests/support/exemptions.ts still matches a finding', async ({ deck }) => {
  await deck.open(1)
  const findings = await axeFindings(deck.page)
  for (const exemption of AXE_EXEMPTIONS) {
    expect(findings.filter(f => f.exempt && f.rule === exemption.rule),
      `exemption "${exemption.rule}" on ${exemption.selector} no longer matches a finding: remove it`).not.toEqual([])
  }
})

plain.describe('on the broken fixture deck', () => {
  plain('faint text and a faint diagram fail the gate, which names slide, click and scheme', async ({ page }) => {
    plain.setTimeout(120_000)
    const { slides } = await loadDeck('tests/fixtures/broken-slides/slides.md')
    const problems = await walkProblems(page, { slides, base: BROKEN_SLIDES_URL }, step => accessibilityProblems(page, step.slide.no))
    const faint = slides.find(s => s.title.startsWith('Faint text'))!
    const faintDiagram = slides.find(s => s.title.startsWith('A faint diagram'))!
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^slide ${faint.no} \\(.*\\), click 1, light: color-contrast \\(serious\\)`)))
    expect(problems.filter(p => p.startsWith(`slide ${faint.no} `) && p.includes(', click 0,'))).toEqual([])
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^slide ${faintDiagram.no} \\(.*\\), click 0, light: contrast of diagram node text .* needs 4.5:1`)))
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^slide ${faintDiagram.no} \\(.*\\), click 0, light: contrast of diagram arrow 1 .* needs 3:1`)))
    expect(problems.filter(p => p.startsWith('slide 1 ')), 'the good slide').toEqual([])
  })
})
