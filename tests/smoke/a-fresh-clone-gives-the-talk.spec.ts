import { BOTH_SCHEMES, expect, test } from '../support/deck'
import { inspect } from '../support/layout'
import { readPdf } from '../support/pdf'
import { heldUpright } from '../support/reading'
import { SMOKE_DIST } from '../support/servers'
import { settle } from '../support/walk'

// `npm run test:smoke` (playwright.smoke.config.ts): the first check for someone who has
// just cloned the deck to give the talk. The full suite, `npm test`, checks all of this
// and much more; this is the quick answer to "does it work here?".

test('every slide renders complete, with no error, no off-site request and nothing sticking out', { tag: BOTH_SCHEMES }, async ({ deck, page }) => {
  test.setTimeout(120_000)
  for (const slide of deck.slides) {
    await deck.open(slide.no, 99)
    await settle(page, slide)
    expect(await page.locator(`.slidev-page-${slide.no} .slidev-vclick-hidden`).count(), `slide ${slide.no}: everything shown`).toBe(0)
    expect((await inspect(page, slide.no)).overflow, `slide ${slide.no} ("${slide.title}")`).toEqual([])
  }
  // deck.errors(): console and page errors, failed and off-site requests, checked as the test ends.
})

test('the PDF has one page per slide', async ({ deck }) => {
  const pdf = await readPdf(`${SMOKE_DIST}/${deck.headmatter.exportFilename}.pdf`)
  expect(pdf.pages).toHaveLength(deck.slides.length)
})

test.describe('on a phone held upright', () => {
  test.use(heldUpright())

  test('the deck\'s address opens the reading view with every slide', async ({ deck, page }) => {
    await page.goto('')
    await expect(page).toHaveURL(/\/read$/)
    await expect(page.locator('.reading-slide')).toHaveCount(deck.slides.length)
  })
})
