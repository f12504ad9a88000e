import { ai, crypto, fields, source } from '../snippets/layers'
import { expect, test } from './support/deck'

const HIDDEN = /slidev-vclick-hidden/

test('each layer stack reveals its three layers one click at a time, L1 first', async ({ deck, page }) => {
  const uses = deck.slides.filter(s => s.components.LayerStack)
  expect(uses.length, 'slides using <LayerStack>').toBeGreaterThanOrEqual(2)
  for (const slide of uses) {
    const stack = (await deck.open(slide.no)).locator('.layer-stack')
    await expect(stack).toBeVisible()
    const field = (await stack.getAttribute('class'))!.includes('crypto')
      ? crypto
      : ai
    await expect(stack.locator('figcaption')).toContainText(field.pattern)
    const items = stack.locator('li')
    await expect(items).toHaveCount(3)
    for (const item of await items.all())
      await expect(item).toHaveClass(HIDDEN)
    for (const [i, layer] of field.layers.entries()) {
      await page.keyboard.press('ArrowRight')
      const shown = stack.locator(`li[data-level="${layer.level}"]`)
      await expect(shown, `slide ${slide.no}, click ${i + 1}`).not.toHaveClass(HIDDEN)
      await expect(shown).toBeVisible()
      await expect(shown).toContainText(layer.name)
      await expect(shown).toContainText(layer.leaves)
      // Layers above the one just revealed stay hidden until their click.
      for (const later of field.layers.slice(i + 1))
        await expect(stack.locator(`li[data-level="${later.level}"]`)).toHaveClass(HIDDEN)
    }
    // Stacked bottom-up: L1 is drawn below L3.
    const l1 = await stack.locator('li[data-level="L1"]').boundingBox()
    const l3 = await stack.locator('li[data-level="L3"]').boundingBox()
    expect(l1!.y).toBeGreaterThan(l3!.y)
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
  await expect(figure.locator('.side.crypto .users .problem'), 'last click: the problem reaches the users').toHaveText(crypto.layers[2].carries)
  await expect(figure.locator('.side.ai .users')).toContainText(ai.layers[2].leaves)
})

test('the comparison table sets the two fields side by side and reveals its verdict on a click', async ({ deck, page }) => {
  const slide = deck.slides.find(s => s.components.FieldComparison)!
  const table = (await deck.open(slide.no)).locator('table.field-comparison')
  await expect(table).toBeVisible()
  await expect(table.locator('thead th')).toContainText([
    '',
    ...fields.map(f => f.label),
  ])
  for (const f of fields) {
    await expect(table).toContainText(f.driver)
    await expect(table).toContainText(f.kpi)
    await expect(table).toContainText(f.pattern)
  }
  const verdict = table.locator('tr.verdict')
  await expect(verdict).toHaveClass(HIDDEN)
  await page.keyboard.press('ArrowRight')
  await expect(verdict).not.toHaveClass(HIDDEN)
  for (const f of fields)
    await expect(verdict).toContainText(f.verdict)
})

test('the source card credits the article on the cover and on the closing slide', async ({ deck }) => {
  const uses = deck.slides.filter(s => s.components.SourceCard)
  expect(uses.map(s => s.no)).toEqual([1, deck.slides.length])
  for (const slide of uses) {
    const card = (await deck.open(slide.no)).locator('.source-card')
    await expect(card).toBeVisible()
    await expect(card).toContainText(source.title)
    await expect(card).toContainText(`by ${source.author}, ${source.published}`)
  }
})

test('field badges and framing marks are visible wherever a slide uses them', async ({ deck }) => {
  for (const slide of deck.slides.filter(s => s.components.FieldBadge || s.components.TalkFraming)) {
    const root = await deck.open(slide.no, 99)
    await expect(root.locator('.field-badge')).toHaveCount(slide.components.FieldBadge)
    for (const badge of await root.locator('.field-badge').all()) {
      await expect(badge).toBeVisible()
      await expect(badge.locator('svg')).toBeVisible() // an icon, so colour is not the only cue
      await expect(badge).toHaveText(/^(AI|Crypto)$/)
    }
    await expect(root.locator('.talk-framing')).toHaveCount(slide.components.TalkFraming)
    for (const mark of await root.locator('.talk-framing').all())
      await expect(mark).toBeVisible()
  }
})

test('one slide shows the typed model of the argument as code', async ({ deck }) => {
  const slide = deck.slides.find(s => s.content.includes('<<< @/snippets/layers.ts#model'))!
  const code = (await deck.open(slide.no)).locator('pre.shiki')
  await expect(code).toBeVisible()
  await expect(code).toContainText('export interface Field extends Named')
  await expect(code).toContainText(`pattern: '${ai.pattern}' | '${crypto.pattern}'`)
  await expect(code).not.toContainText('#region')
})
