import { expect, squash, test } from './support/deck'

test('every slide is reachable by keyboard from the first and shows its title', async ({ deck, page }) => {
  test.slow() // walks the whole talk, click by click
  await deck.open(1)
  for (const slide of deck.slides) {
    await expect(page, `→ should reach slide ${slide.no}`).toHaveURL(new RegExp(`/${slide.no}$`))
    const heading = deck.slide(slide.no).locator('h1').first()
    await expect(heading).toBeVisible()
    expect(squash(await heading.innerText())).toBe(squash(slide.title))
    if (slide.no === deck.slides.length)
      break
    // → steps through the slide's clicks (the URL gains ?clicks=N), then moves on;
    // bounded, so a deck that stops advancing fails here.
    for (let press = 0; press < 10 && !page.url().endsWith(`/${slide.no + 1}`); press++) {
      const before = page.url()
      await page.keyboard.press('ArrowRight')
      await expect(page).not.toHaveURL(before)
    }
  }
})
