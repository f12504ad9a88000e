import { existsSync } from 'node:fs'
import { HANDOUT_PDF, SLIDES_PDF } from 'slidev-addon-audience/lib/deck-files'
import { glossary } from '../snippets/layers'
import { expect, squash, test } from './support/deck'
import { letters, readPdf } from './support/pdf'
import { SUB_DECK_URL, SUB_DIST, SUB_PAGES_PORT, SUB_PATH } from './support/servers'

// The handout `npm run build` prints into the site (scripts/handout.ts): each slide
// complete with its notes as text beneath it, tagged, with an outline and a title.
const HANDOUT = `dist/${HANDOUT_PDF}`

/** Speaker notes as the handout prints them: no time cues, no click marks, no Markdown marks. */
function prose(note: string): string {
  return letters(squash(note.replace(/\[~[^\]]*\]/g, ' ').replace(/\[click(:\d+)?\]/gi, ' ').replace(/[*_`]/g, '')))
}

test.describe('the handout PDF', () => {
  test('has the deck\'s title, an outline of the slide titles, and every slide with its notes', async ({ deck }) => {
    expect(existsSync(HANDOUT), `${HANDOUT} exists`).toBe(true)
    const pdf = await readPdf(HANDOUT)
    expect(pdf.title).toBe(deck.headmatter.title)
    // Every slide's title in order, then the glossary at the end (reading/ReadingView.vue).
    expect(pdf.outline.map(letters)).toEqual([
      ...deck.slides.map(s => letters(s.title)),
      letters('Terms, one line each'),
    ])
    // At least a page per three slides, and not a page per slide with nothing beneath.
    expect(pdf.pages.length).toBeGreaterThanOrEqual(Math.ceil(deck.slides.length / 3))
    const text = letters(pdf.pages.join(' '))
    let at = 0
    for (const slide of deck.slides) {
      // In the talk's order: each title, then its notes, after the one before.
      const title = text.indexOf(letters(slide.title), at)
      expect(title, `title of slide ${slide.no} ("${slide.title}") after slide ${slide.no - 1}`).toBeGreaterThanOrEqual(0)
      const notes = text.indexOf(prose(slide.note), title)
      expect(notes, `notes of slide ${slide.no} ("${slide.title}")`).toBeGreaterThan(title)
      at = notes
    }
    expect(text, 'time cues in the handout').not.toMatch(/\[~/)
    for (const g of glossary)
      expect(text.slice(at), `the glossary's ${g.term}`).toContain(letters(`${g.term}${g.line}`))
  })

  test('where there is no live talk, the slides PDF and the handout show the vote\'s prompts, no tally and no control', async ({ deck }) => {
    const vote = deck.slides.find(s => s.components.RoomVote)!
    const prompts = [
      ...vote.raw.matchAll(/'([^']+\?)'/g),
    ].map(m => m[1])
    expect(prompts).toHaveLength(2)
    for (const file of [HANDOUT, `dist/${SLIDES_PDF}`]) {
      const pdf = await readPdf(file)
      const text = letters(pdf.pages.join(' '))
      for (const prompt of prompts)
        expect(text, `${file}: "${prompt}"`).toContain(letters(prompt))
      expect(pdf.pages.join(' '), `${file}: a tally or a control of the live talk`).not.toMatch(/votes? so far|Send question|Your question|Upvote/)
    }
  })

  test('is tagged: a structure tree with a heading for every slide', async ({ deck }) => {
    const pdf = await readPdf(HANDOUT)
    const roles = pdf.roles.flat()
    expect(roles.length, 'structure elements').toBeGreaterThan(0)
    expect(roles.filter(r => /^H1?$/.test(r)).length).toBeGreaterThanOrEqual(deck.slides.length)
    expect(roles).toContain('P')
  })

  test('links to the deck\'s address when built with DECK_URL', async () => {
    const pdf = await readPdf(`${SUB_DIST}/${HANDOUT_PDF}`)
    expect(pdf.links.flat()).toContain(SUB_DECK_URL)
  })

  test.describe('offered', () => {
    test.use({ baseURL: `http://127.0.0.1:${SUB_PAGES_PORT}${SUB_PATH}`, fallback404: true })

    test('in the reading view and in the navigation bar beside the slides PDF', async ({ deck, page }) => {
      await page.goto('read')
      const inReading = page.getByRole('link', { name: /Handout/ })
      await expect(inReading).toHaveAttribute('href', `${SUB_PATH}${HANDOUT_PDF}`)
      const download = page.waitForEvent('download')
      await inReading.click()
      expect((await download).suggestedFilename()).toBe(HANDOUT_PDF)
      await deck.open(1)
      await page.mouse.move(40, 700)
      await expect(page.getByTitle('Download as PDF')).toBeVisible()
      const inNav = page.getByRole('link', { name: 'Download the handout (PDF with notes)' })
      await expect(inNav).toBeVisible()
      const response = await page.request.get(await inNav.getAttribute('href') ?? '')
      expect(response.status()).toBe(200)
      expect(response.headers()['content-type']).toContain('application/pdf')
    })
  })
})
