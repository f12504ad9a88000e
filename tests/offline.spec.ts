import { expect, squash, test } from './support/deck'
import { expectDiagramsRendered } from './support/diagrams'
import { tap } from './support/keyboard'
import { DECK_PORT, SUB_PAGES_PORT, SUB_PATH } from './support/servers'

// After one visit the service worker (Slidev's `pwa: true`) has cached the deck:
// with the network cut, it reloads and the whole talk can be given.
const hosts = [
  {
    name: 'at the root',
    port: DECK_PORT,
    base: '/',
    fallback404: false,
  },
  {
    name: 'under a sub-path on a 404.html host',
    port: SUB_PAGES_PORT,
    base: SUB_PATH,
    fallback404: true,
  },
]

for (const host of hosts) {
  test.describe(`offline, ${host.name}`, () => {
    test.use({ baseURL: `http://127.0.0.1:${host.port}${host.base}`, fallback404: host.fallback404, serviceWorkers: 'allow' })

    test('after one visit the deck reloads and every slide and diagram shows with the network cut', async ({ deck, page, context }) => {
      test.slow()
      await deck.open(1)
      await expect(page.getByText('Ready offline')).toBeVisible({ timeout: 60_000 })
      await context.setOffline(true)
      await page.reload()
      await expect(deck.slide(1)).toBeVisible()
      for (const slide of deck.slides) {
        await expect(page).toHaveURL(new RegExp(`${host.base}${slide.no}$`))
        const heading = deck.slide(slide.no).locator('h1').first()
        await expect(heading).toBeVisible()
        expect(squash(await heading.innerText())).toBe(squash(slide.title))
        if (slide.diagrams.length)
          await expectDiagramsRendered(page, slide)
        await tap(page, 'ArrowDown') // next slide, skipping its clicks
      }
      // A deep link typed in while offline still opens its slide.
      const last = deck.slides.at(-1)!
      await page.goto(`${last.no - 3}`)
      await expect(deck.slide(last.no - 3)).toBeVisible()
    })

    test('after one visit to the reading page, it, a slide anchor in it, the handout and the slides from it load with the network cut', async ({ deck, page, context }) => {
      test.slow()
      await page.goto('read')
      await expect(page.locator('.reading-status')).toHaveText('Ready offline', { timeout: 60_000 })
      await context.setOffline(true)
      const slide = deck.slides[9]
      await page.goto(`read#slide-${slide.no}`)
      await page.reload()
      await expect(page.locator('.reading-slide')).toHaveCount(deck.slides.length)
      await expect(page.locator(`#slide-${slide.no} h1`).first()).toBeInViewport()
      const handout = await page.evaluate(async () => {
        const link = document.querySelector<HTMLAnchorElement>('a[download]')!
        const res = await fetch(link.href)
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          bytes: (await res.arrayBuffer()).byteLength,
        }
      })
      expect(handout.status).toBe(200)
      expect(handout.type).toContain('application/pdf')
      expect(handout.bytes).toBeGreaterThan(10_000)
      // Slides, from the reading page, start the app offline too, at that slide.
      await page.getByRole('button', { name: 'Slides' }).click()
      await expect(page).toHaveURL(new RegExp(`${host.base}${slide.no}$`))
      await expect(deck.slide(slide.no)).toBeVisible()
    })
  })
}
