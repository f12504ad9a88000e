import type { Page } from '@playwright/test'
import type { SourceSlide } from 'slidev-addon-audience/lib/deck-source'
import { join } from 'node:path'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { READ_PAGE } from 'slidev-addon-audience/reading/contract'
import { expect, squash, test, watchPage } from './support/deck'
import { nuErrors } from './support/nu'
import { HOSTS } from './support/servers'

// Every address paints its slide from HTML (scripts/prerender.ts): without
// JavaScript the slide is there, with it the app takes over in place.
/** A slide with a diagram, reached by a deep link. */
const DEEP = (slides: SourceSlide[]) => slides.find(s => s.no > 1 && s.diagrams.length)!

const PHONE = { width: 412, height: 823 }
const DIST = 'dist'

for (const host of HOSTS) {
  test.describe(`without JavaScript, hosted at ${host.base} (${host.name})`, () => {
    test.use({ baseURL: `http://127.0.0.1:${host.port}${host.base}`, fallback404: host.fallback404, javaScriptEnabled: false })

    // Not the `deck` fixture: with JavaScript off, Chromium refuses every script (reported as "csp").
    test('the cover and a deep link show their slide\'s title, and the diagram; a phone sees the reading view', async ({ page, baseURL }) => {
      const errors = watchPage(page, new URL(baseURL!).origin, { fallback404: host.fallback404 })
      const deck = await loadDeck()
      await page.goto('./')
      const cover = page.locator('#lp-snapshot .lp-snap-slide h1')
      await expect(cover).toBeVisible()
      expect(squash(await cover.textContent() ?? '')).toBe(squash(deck.slides[0].title))

      const slide = DEEP(deck.slides)
      const response = await page.goto(`${slide.no}`)
      expect(response?.status(), 'a deep link is a page of its own, not a fallback').toBe(200)
      const heading = page.locator('#lp-snapshot .lp-snap-slide h1')
      await expect(heading).toBeVisible()
      expect(squash(await heading.textContent() ?? '')).toBe(squash(slide.title))
      // The diagram is in the snapshot (declarative shadow DOM), drawn and on the slide.
      const diagram = page.locator('#lp-snapshot .lp-snap-slide .lp-shadow-host svg').first()
      await expect(diagram).toBeVisible()
      expect((await diagram.boundingBox())!.width).toBeGreaterThan(100)

      // A phone held upright gets the reading view at that slide, its diagram drawn, and can scroll.
      await page.setViewportSize(PHONE)
      await expect(page.locator('#lp-snapshot .lp-snap-slide')).toBeHidden()
      const read = page.locator('#lp-snapshot .lp-snap-read article').first()
      await expect(read.locator('h1')).toBeVisible()
      expect(squash(await read.locator('h1').textContent() ?? '')).toBe(squash(slide.title))
      await expect(read.locator('.lp-shadow-host svg').first()).toBeAttached()
      expect(await page.evaluate(() => document.scrollingElement!.scrollHeight), 'the page scrolls').toBeGreaterThan(PHONE.height)

      // The reading view's own address holds the whole talk: every slide's title.
      expect((await page.goto('read'))?.status()).toBe(200)
      const titles = await page.locator('#lp-snapshot .lp-snap-read article h1').allTextContents()
      expect(titles.map(squash)).toEqual(deck.slides.map(s => squash(s.title)))
      await page.goto(`read#slide-${slide.no}`)
      await expect.poll(() => page.locator(`#slide-${slide.no} h1`).evaluate(h => Math.round(h.getBoundingClientRect().top))).toBeLessThan(PHONE.height / 2)
      expect(errors.filter(e => !/\.js \(csp\)$/.test(e)), 'errors other than refused scripts').toEqual([])
    })
  })
}

test.describe('with JavaScript', () => {
  const recorded = (page: Page) => page.evaluate(() => ({ frames: (window as any).__frames as string[], appStarted: (window as any).__appStarted as boolean[], shift: (window as any).__shift as number }))

  /**
   * The load as recorded showed `title` and no other heading (`seen` says which ones were
   * counted), never lost it once it showed, and barely shifted; the first frame with it.
   */
  const expectSteadyLoad = ({ frames, shift }: Awaited<ReturnType<typeof recorded>>, title: string, seen: string): number => {
    expect([
      ...new Set(frames.filter(Boolean)),
    ], seen).toEqual([
      squash(title),
    ])
    const first = frames.findIndex(Boolean)
    expect(first, 'a frame with the heading').toBeGreaterThanOrEqual(0)
    expect(frames.slice(first).filter(f => !f).length, 'frames without the heading after it showed').toBe(0)
    expect(shift, 'cumulative layout shift of the load').toBeLessThan(0.02)
    return first
  }

  /**
   * Records, every frame from the first, the slide headings a visitor can see (on a
   * phone's reading view, the topmost), and every layout shift.
   */
  const RECORD = `(() => {
    window.__frames = []
    window.__shift = 0
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value
    }).observe({ type: 'layout-shift', buffered: true })
    const seen = () => [...document.querySelectorAll('h1')]
      .filter(h => h.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && h.getBoundingClientRect().width > 0)
      .filter(h => h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().top < innerHeight)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .slice(0, window.__topOnly ? 1 : undefined)
      .map(h => h.innerText.replace(/\\s+/g, ' ').trim())
      .filter((t, i, all) => all.indexOf(t) === i)
    window.__appStarted = []
    const frame = () => {
      if (document.body) {
        window.__frames.push(seen().join(' | '))
        window.__appStarted.push(!!document.querySelector('script[type=module]'))
      }
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })()`

  test('a deep link never shows the cover: the app takes over the pre-rendered slide in place, on its canvas', { tag: '@both-schemes' }, async ({ deck, page }) => {
    const slide = DEEP(deck.slides)
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.addInitScript('window.__topOnly = false')
    await page.addInitScript(RECORD)
    await page.goto(`${slide.no}`)
    await expect(page.locator(`#app .slidev-page-${slide.no}`)).toBeVisible()
    await expect(page.locator('#lp-snapshot')).toHaveCount(0)
    // A moment after the takeover, for anything that would still move.
    await page.waitForTimeout(500)
    const load = await recorded(page)
    // Painted from the HTML: the heading is there before the app's code is even asked
    // for, and never disappears while the app takes over.
    const first = expectSteadyLoad(load, slide.title, 'headings visible in any frame of the load')
    expect(load.appStarted[first], 'the app had started before the heading first showed').toBe(false)
  })

  test('a deep link on a phone reads from its first frame: the slide stays on top while the whole talk fills in, and no app starts', { tag: '@both-schemes' }, async ({ deck, page }) => {
    const slide = DEEP(deck.slides)
    await page.setViewportSize(PHONE)
    await page.addInitScript('window.__topOnly = true')
    await page.addInitScript(RECORD)
    await page.goto(`${slide.no}`)
    await expect(page.locator('.reading-view[data-complete]')).toBeAttached()
    await expect(page.locator('.reading-slide')).toHaveCount(deck.slides.length)
    await page.waitForTimeout(500)
    const load = await recorded(page)
    expectSteadyLoad(load, slide.title, 'the topmost heading in any frame of the load')
    expect(load.appStarted.some(Boolean), 'the app started').toBe(false)
  })

  test('addresses the app answers with the cover\'s page (presenter view, overview) do not show the cover first', async ({ deck, page }) => {
    await page.addInitScript(RECORD)
    await page.goto('presenter/3')
    await expect(page.locator('.slidev-note').first()).toBeVisible()
    const frames = await page.evaluate(() => (window as any).__frames as string[])
    const cover = squash(deck.slides[0].title)
    expect(frames.filter(f => f.split(' | ').includes(cover) && !f.includes(squash(deck.slides[2].title))), 'frames showing only the cover').toEqual([])
  })
})

test('each slide\'s address previews that slide: its title, its own words and its picture', async ({ deck, page }) => {
  test.setTimeout(120_000)
  const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1]
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
  const images = new Set<string>()
  for (const slide of deck.slides.filter(s => s.no > 1)) {
    await page.goto(`${slide.no}`)
    await expect(deck.slide(slide.no)).toBeVisible()
    const html = await (await page.request.get(`${slide.no}`)).text()
    const title = squash(slide.title)
    expect(squash(unescape(/<title>([^<]*)<\/title>/.exec(html)![1])), `slide ${slide.no}: <title>`).toContain(title)
    expect(squash(unescape(meta(html, 'og:title')!)), `slide ${slide.no}: og:title`).toBe(title)
    // The description is the slide's own text (or its diagram's description), as the slide shows it.
    const description = squash(unescape(meta(html, 'og:description')!)).replace(/…$/, '')
    expect(description.length, `slide ${slide.no}: og:description`).toBeGreaterThan(10)
    expect(meta(html, 'description'), `slide ${slide.no}: description`).toBe(meta(html, 'og:description'))
    const shown = squash(await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('#app .slidev-page:not([style*="display: none"])')!
      const desc = [
        ...el.querySelectorAll('*'),
      ].flatMap(e => [
        ...e.shadowRoot?.querySelectorAll('svg > desc') ?? [],
      ].map(d => d.textContent))
      return `${el.textContent} ${desc.join(' ')}`
    }))
    // Each of the description's first words is on the slide (block texts run together in
    // textContent; the description has the case the reader sees, after text-transform).
    const onSlide = shown.replace(/\s+/g, '').toLowerCase()
    const missing = description.split(' ').slice(0, 12).filter(word => !onSlide.includes(word.toLowerCase()))
    expect(missing, `slide ${slide.no}: words of "${description}" not on the slide`).toEqual([])
    const image = meta(html, 'og:image')!
    expect(image, `slide ${slide.no}: og:image`).toMatch(new RegExp(`og/${slide.no}\\.png$`))
    const res = await page.request.get(image)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toBe('image/png')
    const png = await res.body()
    expect(png.readUInt32BE(16), 'preview width').toBeGreaterThanOrEqual(1200)
    images.add(png.toString('base64'))
  }
  expect(images.size, 'every slide has a picture of its own').toBe(deck.slides.length - 1)
  // The deck's own address previews the cover.
  const cover = meta(await (await page.request.get('')).text(), 'og:image')!
  expect(cover, '/: og:image').toMatch(/og\/1\.png$/)
  expect((await page.request.get(cover)).headers()['content-type']).toBe('image/png')
})

// The pages are written from a snapshot of the app's DOM, which holds what a parser
// would read as another tree (Slidev's nav bar nests buttons), with CSS for the whole
// page; and from Slidev's index.html, which names its charset twice.
test('every pre-rendered page, the reading page and the 404 page are valid HTML: the Nu Html Checker finds no error', async () => {
  test.setTimeout(120_000)
  const { slides } = await loadDeck()
  const pages = [
    'index.html',
    ...slides.map(s => `${s.no}.html`),
    READ_PAGE,
    '404.html',
  ]
  expect(nuErrors(pages.map(p => join(DIST, p))), `errors in ${DIST}/`).toEqual([])
})
