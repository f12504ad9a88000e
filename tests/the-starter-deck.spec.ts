import type { Page } from '@playwright/test'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { exportName } from 'slidev-addon-audience/lib/deck-files'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { handoutFile } from 'slidev-addon-audience/lib/handout'
import { expect, plain as test } from './support/deck'
import { letters, readPdf } from './support/pdf'
import { heldUpright } from './support/reading'
import { STARTER_URL } from './support/servers'
import { STARTER_ADDS, STARTER_DIR, STARTER_TEMPLATE, starterSlides } from './support/starter'

// The addon on a deck nobody here wrote: Slidev's starter, as `npm create slidev` writes it
// (tests/support/starter.ts), built with the addon's build and served as Netlify serves a
// site, with its own netlify.toml (which names no headers: the pages carry the addon's
// default policy). The network here reaches no other origin, so the starter's pictures,
// fonts and embeds from elsewhere are cut off in every test, as at a venue without Wi-Fi.

const starter = loadDeck(join(STARTER_DIR, 'slides.md'))
const PHONE = { width: 390, height: 844 }
// textContent, not innerText: the reading view's articles skip drawing off screen
// (content-visibility), and innerText reads nothing there.
/** Slide titles as text: KaTeX's `$\LaTeX$` reads "LaTeX" on the page. */
const titleText = (title: string) => letters(title.replace(/\$\\?([^$]*)\$/g, '$1'))

/** CSP violations and page errors of `page` (tests/support/deck.ts reports violations as console errors). */
function watch(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (msg) => {
    if (msg.text().startsWith('CSP violation'))
      seen.push(msg.text())
  })
  page.on('pageerror', err => seen.push(`page error: ${err.message}`))
  return seen
}

test.use({ baseURL: `${STARTER_URL}/` })
test.beforeEach(async ({ context }) => {
  await context.route(url => url.origin !== STARTER_URL, route => route.abort('internetdisconnected'))
})

test('the starter is create-slidev\'s template as it is, its headmatter given only the addon\'s lines', () => {
  const walk = (root: string, dir = root): string[] => readdirSync(dir).filter(n => !(dir === root && ['dist', 'dist.partial', 'node_modules'].includes(n))).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory()
      ? walk(root, path)
      : [
          relative(root, path),
        ]
  })
  expect(walk(STARTER_DIR).sort()).toEqual(walk(STARTER_TEMPLATE).sort())
  expect(walk(STARTER_TEMPLATE).length, 'the template\'s files').toBeGreaterThan(5)
  for (const file of walk(STARTER_TEMPLATE)) {
    const template = readFileSync(join(STARTER_TEMPLATE, file), 'utf8')
    expect(readFileSync(join(STARTER_DIR, file), 'utf8'), file).toBe(file === 'slides.md'
      ? starterSlides(template)
      : template)
  }
  const templateLines = new Set(readFileSync(join(STARTER_TEMPLATE, 'slides.md'), 'utf8').split('\n'))
  const added = readFileSync(join(STARTER_DIR, 'slides.md'), 'utf8').split('\n').filter(l => !templateLines.has(l))
  expect(added).toEqual(STARTER_ADDS)
})

test.describe('on a phone held upright', () => {
  test.use(heldUpright(PHONE))

  test('/read loads no app module: every slide is there with its notes, its controls work, no CSP violation', async ({ page }) => {
    const { slides } = await starter
    const problems = watch(page)
    const scripts: string[] = []
    page.on('request', (req) => {
      if (req.resourceType() === 'script')
        scripts.push(new URL(req.url()).pathname)
    })
    await page.goto('read')
    await expect(page.locator('.reading-view[data-complete]')).toBeAttached()
    await expect(page.locator('.reading-slide')).toHaveCount(slides.length)
    for (const slide of slides) {
      const article = page.locator(`#slide-${slide.no}`)
      expect(letters(await article.textContent() ?? ''), `slide ${slide.no}`).toContain(titleText(slide.title))
      if (slide.note)
        await expect(article.locator('.reading-notes'), `slide ${slide.no}'s notes`).toBeAttached()
    }
    await page.getByRole('button', { name: 'Notes' }).click()
    await expect(page.locator('.reading-notes').first()).toBeHidden()
    await expect(page.locator('.reading-status')).not.toBeEmpty()
    expect(scripts.filter(s => s.includes('/assets/')), 'app modules fetched').toEqual([])
    expect(scripts.map(s => s.replace(/^.*\//, '')), 'scripts fetched').toEqual(['prerendered.js'])
    expect(problems).toEqual([])
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  for (const viewport of [
    PHONE,
    { width: 1280, height: 720 },
  ]) {
    test(`at ${viewport.width}×${viewport.height}, /read holds every slide and its notes, / shows the cover, each slide's page its slide`, async ({ page }) => {
      const { slides } = await starter
      await page.setViewportSize(viewport)
      expect((await page.goto('read'))?.status()).toBe(200)
      await expect(page.locator('.reading-slide')).toHaveCount(slides.length)
      for (const slide of slides)
        expect(letters(await page.locator(`#slide-${slide.no}`).textContent() ?? ''), `slide ${slide.no}`).toContain(titleText(slide.title))
      await expect(page.locator('.reading-notes').first()).toBeVisible()
      const last = page.locator('.reading-slide').last()
      await last.scrollIntoViewIfNeeded()
      await expect(last).toBeInViewport()
      for (const slide of slides) {
        expect((await page.goto(slide.no === 1
          ? './'
          : `${slide.no}`))?.status(), `/${slide.no}`).toBe(200)
        const shown = page.locator(viewport === PHONE
          ? '#lp-snapshot .lp-snap-read article'
          : '#lp-snapshot .lp-snap-slide').filter({ visible: true }).first()
        await expect(shown, `slide ${slide.no}'s page`).toBeVisible()
        expect(letters(await shown.innerText()), `slide ${slide.no}'s page`).toContain(titleText(slide.title))
      }
    })
  }
})

test('each slide\'s address is a page of its own that previews it: its title and its picture', async ({ page }) => {
  const { slides } = await starter
  const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1]
  const images = new Set<string>()
  for (const slide of slides) {
    const res = await page.request.get(slide.no === 1
      ? ''
      : `${slide.no}`)
    expect(res.status(), `/${slide.no}`).toBe(200)
    const html = await res.text()
    expect(letters(meta(html, 'og:title') ?? ''), `slide ${slide.no}: og:title`).toContain(titleText(slide.title))
    const image = meta(html, 'og:image')!
    expect(image, `slide ${slide.no}: og:image`).toMatch(new RegExp(`og/${slide.no}\\.png$`))
    const png = await (await page.request.get(image)).body()
    expect(png.readUInt32BE(16), `slide ${slide.no}: preview width`).toBeGreaterThanOrEqual(1200)
    images.add(png.toString('base64'))
  }
  expect(images.size, 'every slide has a picture of its own').toBe(slides.length)
})

test('every slide shows in the app with no CSP violation and no page error', async ({ page }) => {
  test.slow()
  const { slides } = await starter
  const problems = watch(page)
  for (const slide of slides) {
    await page.goto(`${slide.no}`)
    await expect(page.locator(`.slidev-page-${slide.no}`)).toBeVisible()
    await expect(page.locator('#lp-snapshot')).toHaveCount(0)
  }
  expect(problems).toEqual([])
})

test('the handout has the starter\'s title and every slide, tagged, each followed by its notes', async () => {
  const { slides, headmatter } = await starter
  const pdf = await readPdf(join(STARTER_DIR, 'dist', handoutFile(exportName(STARTER_DIR))))
  expect(pdf.title).toBe(headmatter.title)
  // Every slide's title in order (the outline also holds the slides' own subheadings), but a
  // title that is all math ($\LaTeX$): Chromium's outline leaves a KaTeX-only heading out.
  const titles = slides.filter(s => !s.title.startsWith('$')).map(s => titleText(s.title))
  expect(pdf.outline.map(letters).filter(t => titles.includes(t))).toEqual(titles)
  // In lower case: KaTeX draws $\LaTeX$ in capitals.
  const text = letters(pdf.pages.join(' ')).toLowerCase()
  let at = 0
  for (const slide of slides) {
    const title = text.indexOf(titleText(slide.title).toLowerCase(), at)
    expect(title, `slide ${slide.no}'s title, after slide ${slide.no - 1}`).toBeGreaterThanOrEqual(0)
    at = title
    if (slide.note) {
      // The notes' first words, as the handout prints them (no click marks, no Markdown marks).
      const start = letters(slide.note.replace(/\[click(?::\d+)?\]/gi, ' ').replace(/[*_`~[\]]|\(http[^)]*\)/g, '')).toLowerCase().slice(0, 40)
      expect(text.indexOf(start, title), `slide ${slide.no}'s notes`).toBeGreaterThan(title)
    }
  }
  const roles = pdf.roles.flat()
  expect(roles.filter(r => /^H1?$/.test(r)).length, 'headings in the structure tree (but the math-only one)').toBeGreaterThanOrEqual(titles.length)
  expect(roles).toContain('P')
})

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' })

  test('after one visit to the reading page, it and the slides load with the network cut', async ({ page, context }) => {
    test.slow()
    const { slides } = await starter
    await page.goto('read')
    await expect(page.locator('.reading-status')).toHaveText('Ready offline', { timeout: 60_000 })
    await context.setOffline(true)
    await page.reload()
    await expect(page.locator('.reading-slide')).toHaveCount(slides.length)
    await page.getByRole('button', { name: 'Slides' }).click()
    await expect(page.locator('.slidev-page-1')).toBeVisible()
    await page.goto('12')
    await expect(page.locator('.slidev-page-12')).toBeVisible()
  })
})
