import type { TalkFrontmatter } from '../snippets/talk'
import { ai, crypto, fields, glossary, source } from '../snippets/layers'
import { OWN_KINDS } from '../snippets/talk'
import { expect, test } from './support/deck'
import { visitCompleteSlides } from './support/walk'

const HIDDEN = /slidev-vclick-hidden/

test('each glossary slide gives its field\'s terms, one line each, from the model', async ({ deck }) => {
  const uses = deck.slides.filter(s => s.components.Glossary)
  expect(uses.length, 'slides using <Glossary>').toBe(fields.length)
  for (const slide of uses) {
    const field = fields.find(f => slide.content.includes(`field="${f.id}"`))!
    const list = (await deck.open(slide.no)).locator('dl.glossary')
    const terms = glossary.filter(g => g.field === field.id)
    await expect(list.locator('dt')).toHaveText(terms.map(g => g.term))
    await expect(list.locator('dd')).toHaveText(terms.map(g => g.line))
    for (const dt of await list.locator('dt').all())
      await expect(dt.locator('svg')).toBeVisible() // the field's icon beside its hue
  }
})

test('the centrepiece builds both stacks together and moves the crypto problem up to the users', async ({ deck, page }) => {
  const slide = deck.slides.find(s => s.components.ParadoxStacks)!
  const figure = (await deck.open(slide.no)).locator('figure.paradox')
  await expect(figure).toBeVisible()
  const aiLayers = figure.locator('.side.ai li')
  const rows = figure.locator('.side.crypto li')
  const problem = figure.locator('.side.crypto .problem')
  for (const [i, layer] of crypto.layers.entries()) {
    await page.keyboard.press('ArrowRight')
    await expect(aiLayers.nth(i), `click ${i + 1}: AI ${ai.layers[i].level}`).not.toHaveClass(HIDDEN)
    await expect(aiLayers.nth(i)).toContainText(ai.layers[i].carries)
    // The problem is on the newest crypto layer only.
    await expect(problem).toHaveCount(1)
    await expect(rows.nth(i).locator('.problem'), `click ${i + 1}: the problem on ${layer.level}`).toHaveText(layer.carries)
    if (i) {
      // Each AI layer is wider than the one below: capability grows.
      const below = (await aiLayers.nth(i - 1).boundingBox())!
      const above = (await aiLayers.nth(i).boundingBox())!
      expect(above.width).toBeGreaterThan(below.width)
      expect(above.y).toBeLessThan(below.y)
    }
  }
  await page.keyboard.press('ArrowRight')
  await expect(problem).toHaveCount(1)
  await expect(figure.locator('.side.crypto .users .problem'), 'last click: the problem reaches the users').toHaveText(crypto.users)
  await expect(figure.locator('.side.ai .users')).toContainText(ai.users)
})

test('the comparison table sets the two fields side by side: who the article names in each, what they are after', async ({ deck }) => {
  const slide = deck.slides.find(s => s.components.FieldComparison)!
  const table = (await deck.open(slide.no)).locator('table.field-comparison')
  await expect(table).toBeVisible()
  await expect(table.locator('thead th')).toContainText([
    '',
    ...fields.map(f => f.label),
  ])
  for (const [i, f] of fields.entries()) {
    const column = table.locator(`tbody td:nth-child(${i + 2})`)
    await expect(column).toHaveText([f.named, f.chases])
  }
})

test('the source card credits the article on the cover and on the closing slide', async ({ deck }) => {
  const uses = deck.slides.filter(s => s.components.SourceCard)
  expect(uses.map(s => s.no)).toEqual([1, deck.slides.filter(s => !s.frontmatter.backup).at(-1)!.no])
  for (const slide of uses) {
    const card = (await deck.open(slide.no)).locator('.source-card')
    await expect(card).toBeVisible()
    await expect(card).toContainText(source.title)
    await expect(card).toContainText(`by ${source.author}, ${source.published}`)
  }
})

test('field badges are visible wherever a slide uses them', async ({ deck }) => {
  for (const slide of deck.slides.filter(s => s.components.FieldBadge)) {
    const root = await deck.open(slide.no, 99)
    await expect(root.locator('.field-badge')).toHaveCount(slide.components.FieldBadge)
    for (const badge of await root.locator('.field-badge').all()) {
      await expect(badge).toBeVisible()
      await expect(badge.locator('svg')).toBeVisible() // an icon, so colour is not the only cue
      await expect(badge).toHaveText(/^(AI|Crypto)$/)
    }
  }
})

test.describe(() => {
  // Slides change at once, with no transition to wait out at each one.
  test.use({ reducedMotion: 'reduce' })

  test('every slide that is the talk\'s own shows its mark, and no other slide does', async ({ deck }) => {
    await deck.open(1)
    await visitCompleteSlides(deck.page, deck.slides, async (slide) => {
      const mark = deck.slide(slide.no).locator('.talk-framing')
      const own = (slide.frontmatter as TalkFrontmatter).own
      if (own) {
        await expect(mark, `slide ${slide.no} (own: ${own})`).toHaveText(OWN_KINDS[own])
        await expect(mark).toBeVisible()
      }
      else {
        await expect(mark, `slide ${slide.no} is the article's`).toHaveCount(0)
      }
    })
  })
})

test('one slide shows the typed model of the argument as code', async ({ deck }) => {
  const slide = deck.slides.find(s => s.content.includes('<<< @/snippets/layers.ts#model'))!
  const code = (await deck.open(slide.no)).locator('pre.shiki')
  await expect(code).toBeVisible()
  await expect(code).toContainText('export interface Field extends Named')
  await expect(code).toContainText(`pattern: '${ai.pattern}' | '${crypto.pattern}'`)
  await expect(code).not.toContainText('#region')
})
