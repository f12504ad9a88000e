import { expect, squash, test } from './support/deck'
import { tap } from './support/keyboard'
import { HOSTS, PDF_NAME } from './support/servers'

// The built site on the hosts it is meant for: at the root and under a sub-path,
// on a host with SPA rewrites (Netlify, Vercel) and on one that only serves
// 404.html for unknown paths (GitHub Pages). See tests/support/sites.ts.

for (const host of HOSTS) {
  test.describe(`hosted at ${host.base} (${host.name})`, () => {
    test.use({ baseURL: `http://127.0.0.1:${host.port}${host.base}`, fallback404: host.fallback404 })

    test('a deep link opens its slide, survives a refresh, and loads nothing from outside the base path', async ({ deck, page }) => {
      const outside: string[] = []
      page.on('request', (req) => {
        const url = new URL(req.url())
        if (url.protocol.startsWith('http') && !url.pathname.startsWith(host.base))
          outside.push(req.url())
      })
      const slide = deck.slides[6]
      await deck.open(slide.no)
      await expect(page).toHaveURL(`http://127.0.0.1:${host.port}${host.base}${slide.no}`)
      const heading = deck.slide(slide.no).locator('h1').first()
      expect(squash(await heading.innerText())).toBe(squash(slide.title))
      await page.reload()
      await expect(heading).toBeVisible()
      await tap(page, 'ArrowDown')
      await expect(page).toHaveURL(new RegExp(`${host.base}${slide.no + 1}$`))
      // Fonts, the favicon and every script and style came from under the base path.
      const fonts = await page.evaluate(() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family))
      expect(fonts.join(' ')).toContain('Inter Variable')
      expect(outside).toEqual([])
    })

    test('a deep link into the presenter view shows that slide\'s notes', async ({ deck, page }) => {
      const slide = deck.slides[2]
      await page.goto(`presenter/${slide.no}`)
      await expect(page.locator('.slidev-note').first()).toContainText(squash(slide.note).slice(0, 40))
    })

    test('the navigation bar\'s download button saves the PDF built with the site', async ({ page, deck }) => {
      await deck.open(1)
      await page.mouse.move(40, 700) // the navigation bar shows on hover, bottom left
      const button = page.getByTitle('Download as PDF')
      await expect(button).toBeVisible()
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        button.click(),
      ])
      expect(download.suggestedFilename()).toBe(`${deck.headmatter.title}.pdf`)
      const head = (await page.request.get(`${host.base}${PDF_NAME}`))
      expect(head.status()).toBe(200)
      expect(head.headers()['content-type']).toContain('application/pdf')
      expect((await head.body()).subarray(0, 5).toString()).toBe('%PDF-')
      expect(download.url()).toBe(`http://127.0.0.1:${host.port}${host.base}${PDF_NAME}`)
    })

    test('a shared link previews well: title, description and the cover image', async ({ page, deck }) => {
      await deck.open(1)
      const meta = (p: string) => page.locator(`meta[property="${p}"], meta[name="${p}"]`).getAttribute('content')
      expect(await meta('og:title')).toBe(deck.headmatter.seoMeta?.ogTitle)
      expect(await meta('og:description')).toBe(deck.headmatter.seoMeta?.ogDescription)
      expect(await meta('twitter:card')).toBe('summary_large_image')
      const image = await meta('og:image')
      expect(image).toMatch(new RegExp(`^${host.base}`))
      const res = await page.request.get(image!)
      expect(res.status()).toBe(200)
      expect(res.headers()['content-type']).toBe('image/png')
      expect((await res.body()).length).toBeGreaterThan(10_000)
    })
  })
}
