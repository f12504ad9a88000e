import { expect, squash, test } from './support/deck'

// With a screen reader, moving through the slides announces where one is, through a
// polite live region (global-top.vue): once per slide change, not on each click.

test('→ through the talk: the live region says "Slide N of M: title" on each new slide, and nothing new on a click', async ({ deck, page }) => {
  test.slow()
  await deck.open(1)
  const region = page.locator('[aria-live="polite"]').filter({ hasText: /^\s*(?:Slide \d+ of \d+: .+)?$/s })
  await expect(region).toHaveCount(1)
  await expect(region).toHaveAttribute('aria-atomic', 'true')
  expect(await page.locator('[role="application"]').count(), 'role=application hides the page from a screen reader\'s reading keys').toBe(0)
  const total = deck.slides.length
  let heard = squash(await region.innerText())
  let clickSteps = 0
  for (;;) {
    const before = new URL(page.url())
    if (before.pathname.endsWith(`/${total}`) && await page.locator(`.slidev-page-${total} .slidev-vclick-hidden`).count() === 0)
      break
    await page.keyboard.press('ArrowRight')
    await expect(page).not.toHaveURL(before.href)
    const no = Number(new URL(page.url()).pathname.split('/').pop())
    if (before.pathname.endsWith(`/${no}`)) {
      // A click on the same slide: the region still says what it said.
      clickSteps++
      expect(squash(await region.innerText()), `after a click on slide ${no}`).toBe(heard)
    }
    else {
      const slide = deck.slides[no - 1]
      await expect(region).toHaveText(`Slide ${no} of ${total}: ${squash(slide.title)}`, { useInnerText: true })
      heard = squash(await region.innerText())
    }
  }
  expect(clickSteps, 'the walk met click steps').toBeGreaterThan(0)
})
