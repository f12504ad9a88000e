import { expect, squash, test } from './support/deck'

/** The first words of a note as the presenter view renders them. */
function opening(note: string): string {
  return squash(note.replace(/\[click\]/g, '')).slice(0, 60)
}

test('the presenter view shows the current slide\'s notes and follows the keyboard', async ({ deck, page }) => {
  const [first, second] = deck.slides
  await page.goto('/presenter/1')
  const notes = page.locator('.slidev-note').first()
  await expect(notes).toContainText(opening(first.note))
  await expect(page.locator(`.slidev-page-${first.no} h1`).first()).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/\/presenter\/2$/)
  await expect(notes).toContainText(opening(second.note))
})

// The notes of every slide, at every click, are checked by the walk through the presenter
// view in tests/keyboard-navigation.spec.ts; a deep link's notes in tests/hosting.spec.ts.
