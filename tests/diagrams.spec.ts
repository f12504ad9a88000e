import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { BOTH_SCHEMES, expect, plain, test } from './support/deck'
import { expectDiagramsRendered } from './support/diagrams'
import { FIXTURE_URL } from './support/servers'

test('the deck has at least three Mermaid diagrams, each with an accessible title', async ({ deck }) => {
  const diagrams = deck.slides.flatMap(s => s.diagrams)
  expect(diagrams.length).toBeGreaterThanOrEqual(3)
  for (const d of diagrams) {
    expect(d.accTitle, 'accTitle').not.toBe('')
    expect(d.code, 'accDescr').toMatch(/accDescr:\s*\S/)
  }
})

test('every Mermaid diagram renders an SVG with its labels and no error', { tag: BOTH_SCHEMES }, async ({ deck }) => {
  for (const slide of deck.slides.filter(s => s.diagrams.length)) {
    await deck.open(slide.no)
    await expectDiagramsRendered(deck.page, slide)
  }
})

plain('a broken diagram fails the same check, which names the slide', async ({ page }) => {
  const { slides } = await loadDeck('tests/fixtures/broken-diagram/slides.md')
  const broken = slides.find(s => s.diagrams.length)!
  await page.goto(`${FIXTURE_URL}/${broken.no}`)
  await expect(page.locator(`.slidev-page-${broken.no}`)).toBeVisible()
  const check = expectDiagramsRendered(page, broken, 3_000)
  await expect(check).rejects.toThrow(`diagrams of slide ${broken.no} ("${broken.title}")`)
  await expect(check).rejects.toThrow(/Mermaid error|has no SVG|diagram\(s\) rendered/)
})
