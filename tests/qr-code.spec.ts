import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { expect, test } from './support/deck'
import { DECK_PORT, SUB_DECK_URL, SUB_PAGES_PORT, SUB_PATH } from './support/servers'

// The QR code is drawn at build time from DECK_URL: the sub-path build has one
// (tests/support/sites.ts sets DECK_URL), the root build has none.

test.describe('built with DECK_URL', () => {
  test.use({ baseURL: `http://127.0.0.1:${SUB_PAGES_PORT}${SUB_PATH}`, fallback404: true })

  test('the cover and the closing slide show a QR code that a phone reads as the deck\'s address', async ({ deck }) => {
    const withLink = deck.slides.filter(s => s.components.DeckLink).map(s => s.no)
    expect(withLink).toEqual([1, deck.slides.filter(s => !s.frontmatter.backup).at(-1)!.no])
    for (const no of withLink) {
      const link = (await deck.open(no)).locator('.deck-link')
      await expect(link, `slide ${no}`).toBeVisible()
      await expect(link.getByRole('img')).toHaveAccessibleName(`QR code for ${SUB_DECK_URL}`)
      await expect(link.getByRole('link')).toHaveAttribute('href', SUB_DECK_URL)
      const png = PNG.sync.read(await link.locator('.qr').screenshot())
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
      expect(code?.data, `QR code on slide ${no} decodes`).toBe(SUB_DECK_URL)
    }
  })
})

test.describe('built without DECK_URL', () => {
  test.use({ baseURL: `http://127.0.0.1:${DECK_PORT}/` })

  test('there is no QR code', async ({ deck }) => {
    for (const no of deck.slides.filter(s => s.components.DeckLink).map(s => s.no)) {
      const slide = await deck.open(no)
      await expect(slide.locator('.source-card')).toBeVisible()
      await expect(slide.locator('.deck-link')).toHaveCount(0)
    }
  })
})
