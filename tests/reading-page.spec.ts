import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { expect, squash, test, watchPage } from './support/deck'
import { nuErrors } from './support/nu'
import { heldUpright } from './support/reading'
import { HOSTS } from './support/servers'

// A phone held upright reads the talk as a static page (read.html, and each slide's
// page until the whole talk fills in): no Slidev app is fetched or run until the
// reader asks for the slides. Without JavaScript the reading page reads at any width.

const PHONE = { width: 390, height: 844 }
const DIST = 'dist'

/** The app's code: any script of the build's assets/ (the page's own script is prerendered.js, at the root). */
const isAppCode = (url: string) => /\/assets\/.*\.m?js(?:\?|$)/.test(new URL(url).pathname)

/** Every script the page asked for, from the first request on. */
function scriptsOf(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (req) => {
    if (req.resourceType() === 'script' || isAppCode(req.url()))
      seen.push(new URL(req.url()).pathname)
  })
  return seen
}

test.describe('on a phone held upright', () => {
  test.use(heldUpright(PHONE))

  for (const address of ['', '7', 'read', 'read#slide-12']) {
    test(`/${address} loads no app module: the page reads, its controls work, the whole talk is there`, async ({ deck, page }) => {
      const scripts = scriptsOf(page)
      await page.goto(address)
      await expect(page.locator('.reading-view[data-complete]')).toBeAttached()
      await expect(page.locator('.reading-slide')).toHaveCount(deck.slides.length)
      await expect(page.locator('.reading-glossary')).toBeAttached()
      // The controls answer without the app: Notes hides them.
      await page.getByRole('button', { name: 'Notes' }).click()
      await expect(page.locator('.reading-notes').first()).toBeHidden()
      // Long after the load: the offline status has had its say, nothing else is coming.
      await expect(page.locator('.reading-status')).not.toBeEmpty()
      await page.waitForLoadState('networkidle')
      expect(scripts.filter(s => isAppCode(`http://x${s}`)), 'app modules fetched').toEqual([])
      expect(scripts.map(s => s.replace(/^.*\//, '')), 'scripts fetched').toEqual(['prerendered.js'])
      expect(await page.locator('script[type=module]').count(), 'module scripts in the page').toBe(0)
    })
  }

  test('a slide\'s page keeps that slide in place while the whole talk fills in, and takes the reading page\'s address', async ({ deck, page }) => {
    const slide = deck.slides[6]
    // The rest of the talk (read.html) is held back until the slide's place is measured.
    let release = () => {}
    const measured = new Promise<void>(resolve => release = resolve)
    await page.route('**/read.html', async (route) => {
      await measured
      await route.continue()
    })
    await page.goto(`${slide.no}`)
    const heading = page.locator(`#slide-${slide.no} h1`).first()
    await expect(heading).toBeInViewport()
    expect(await page.locator('.reading-slide').count(), 'slides before the rest comes').toBeLessThan(deck.slides.length)
    // The reader touches the screen: from then on the page no longer puts an anchored
    // slide back in place (reading/page/anchor.ts), so filling in must keep it there itself.
    await page.evaluate(() => dispatchEvent(new Event('pointerdown')))
    const before = await heading.evaluate(h => Math.round(h.getBoundingClientRect().top))
    release()
    await expect(page.locator('.reading-slide')).toHaveCount(deck.slides.length)
    await expect(page).toHaveURL(new RegExp(`/read#slide-${slide.no}$`))
    const after = await heading.evaluate(h => Math.round(h.getBoundingClientRect().top))
    expect(Math.abs(after - before), 'the heading moved by').toBeLessThanOrEqual(2)
  })

  test('"Slides" starts the app at the slide being read', async ({ deck, page }) => {
    const slide = deck.slides[10]
    const scripts = scriptsOf(page)
    await page.goto(`read#slide-${slide.no}`)
    await expect(page.locator(`#slide-${slide.no} h1`).first()).toBeInViewport()
    expect(scripts.filter(s => isAppCode(`http://x${s}`))).toEqual([])
    await page.getByRole('button', { name: 'Slides' }).click()
    await expect(page).toHaveURL(new RegExp(`/${slide.no}$`))
    await expect(deck.slide(slide.no)).toBeVisible()
    expect(scripts.filter(s => isAppCode(`http://x${s}`)).length, 'app modules once the slides are asked for').toBeGreaterThan(0)
  })

  test('where the browser cannot keep an offline copy, the status line says so', async ({ page }) => {
    // The test browser blocks service workers (playwright.config.ts).
    await page.goto('read')
    await expect(page.locator('.reading-status')).toHaveText('Not saved for offline in this browser')
  })
})

for (const host of HOSTS) {
  test.describe(`without JavaScript, hosted at ${host.base} (${host.name})`, () => {
    test.use({ baseURL: `http://127.0.0.1:${host.port}${host.base}`, fallback404: host.fallback404, javaScriptEnabled: false })

    for (const viewport of [
      { width: 1280, height: 720 },
      PHONE,
    ]) {
      test(`at ${viewport.width}×${viewport.height}, /read holds the whole talk and scrolls, and / shows the cover`, async ({ page, baseURL }) => {
        await page.setViewportSize(viewport)
        const errors = watchPage(page, new URL(baseURL!).origin, { fallback404: host.fallback404 })
        const deck = await loadDeck()
        expect((await page.goto('read'))?.status()).toBe(200)
        const headings = page.locator('.reading-slide h1')
        await expect(headings.first()).toBeVisible()
        expect((await headings.allTextContents()).map(squash)).toEqual(deck.slides.map(s => squash(s.title)))
        const last = headings.last()
        await last.scrollIntoViewIfNeeded()
        await expect(last).toBeInViewport()
        await expect(page.locator('.reading-notes').first()).toBeVisible()

        await page.goto('./')
        const cover = page.locator('#lp-snapshot h1').filter({ visible: true }).first()
        await expect(cover).toBeInViewport()
        expect(squash(await cover.textContent() ?? '')).toBe(squash(deck.slides[0].title))
        expect(errors.filter(e => !/\.js \(csp\)$/.test(e)), 'errors other than refused scripts').toEqual([])
      })
    }
  })
}

test('the reading page is valid HTML: the Nu Html Checker finds no error', () => {
  expect(nuErrors([
    join(DIST, 'read.html'),
  ]), 'errors in read.html').toEqual([])
})
