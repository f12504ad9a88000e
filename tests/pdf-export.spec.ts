import { existsSync, statSync } from 'node:fs'
import { crypto, fields } from '../snippets/layers'
import { expect, test } from './support/deck'
import { diagramLabels } from './support/diagrams'
import { letters, readPdf } from './support/pdf'
import { PDF_NAME } from './support/servers'

// The PDF that `npm run build` exports into the site (the same `slidev export`
// as `npm run export`), read back with pdf.js.
const PDF = `dist/${PDF_NAME}`

test.describe('the exported PDF', () => {
  test('has one page per slide, the deck\'s title, and an outline of the slide titles', async ({ deck }) => {
    expect(existsSync(PDF), `${PDF} exists`).toBe(true)
    const pdf = await readPdf(PDF)
    expect(pdf.pages).toHaveLength(deck.slides.length)
    expect(pdf.title).toBe(deck.headmatter.title)
    expect(pdf.outline.map(letters)).toEqual(deck.slides.map(s => letters(s.title)))
  })

  test('shows each slide complete: its title, more than its title, diagram labels as text', async ({ deck }) => {
    const pdf = await readPdf(PDF)
    for (const slide of deck.slides) {
      const page = letters(pdf.pages[slide.no - 1] ?? '')
      const where = `PDF page ${slide.no} ("${slide.title}")`
      expect(page, `${where}: title`).toContain(letters(slide.title))
      expect(page.length, `${where}: more text than the title alone (not blank)`).toBeGreaterThan(letters(slide.title).length + 10)
      expect(page, `${where}: only the slide, not the site's offline badge`).not.toMatch(/offline/i)
      for (const d of slide.diagrams) {
        for (const label of diagramLabels(d.code))
          expect(page, `${where}: diagram label "${label}"`).toContain(letters(label))
      }
      // The centrepiece's end: every layer of both stacks, the problem arrived at the users.
      if (slide.components.ParadoxStacks) {
        for (const layer of fields.flatMap(f => f.layers))
          expect(page, `${where}: layer ${layer.level} ${layer.name}`).toContain(letters(layer.name))
        expect(page, `${where}: the problem at the users`).toContain(letters(`Users: ${crypto.users}`))
      }
      if (slide.components.FieldComparison) {
        for (const f of fields) {
          expect(page, `${where}: who the article names for ${f.label}`).toContain(letters(f.named))
          expect(page, `${where}: what they are after`).toContain(letters(f.chases))
        }
      }
    }
  })

  test('is a reasonable download (under 5 MB)', async () => {
    expect(statSync(PDF).size).toBeLessThan(5 * 1024 * 1024)
  })
})
