import type { TalkFrontmatter } from '../snippets/talk'
import { glossary, source } from '../snippets/layers'
import { OWN_KINDS } from '../snippets/talk'
import { expect, squash, test } from './support/deck'
import { drawAllDiagrams, heldUpright, openReading, PHONES, readingTextProblems, sidewaysProblems } from './support/reading'
import { HOSTS } from './support/servers'

// Someone in the room scans the QR code with a phone held upright: the reading view
// (reading/ReadingView.vue) opens by itself, every slide in one page that scrolls.

/** Speaker notes as the reading view shows them: no time cues, no click marks. */
function prose(note: string): string {
  return squash(note.replace(/\[~[^\]]*\]/g, ' ').replace(/\[click(:\d+)?\]/gi, ' ').replace(/[*_`]/g, ''))
}

for (const phone of PHONES) {
  test.describe(`on a phone held upright (${phone.name})`, () => {
    test.use(heldUpright(phone))

    test('the deck\'s address opens the reading view: every slide in order, every click revealed, notes beneath', async ({ deck, page }) => {
      await page.goto('')
      await expect(page).toHaveURL(/\/read$/)
      await expect(page.locator('.reading-slide')).toHaveCount(deck.slides.length)
      // Every slide's title, as a heading, in the order of the talk.
      const titles = await page.locator('.reading-slide').evaluateAll(slides => slides.map(s => s.querySelector('h1, h2')?.textContent ?? ''))
      expect(titles.map(squash)).toEqual(deck.slides.map(s => squash(s.title)))
      // Every click's content is there and shown: nothing is waiting for a click.
      expect(await page.locator('.reading-view .slidev-vclick-target').count()).toBeGreaterThan(0)
      await expect(page.locator('.reading-view .slidev-vclick-hidden')).toHaveCount(0)
      // The notes of every slide, as prose.
      for (const slide of deck.slides.filter(s => s.note)) {
        const notes = page.locator(`#slide-${slide.no} .reading-notes`)
        await expect(notes, `notes of slide ${slide.no}`).toBeAttached()
        const text = squash(await notes.textContent() ?? '')
        expect(text, `notes of slide ${slide.no}`).toContain(prose(slide.note).slice(0, 80))
        expect(text, `time cues and click marks in the notes of slide ${slide.no}`).not.toMatch(/\[~|\[click/i)
      }
    })

    test('one control shows and hides all notes', async ({ deck, page }) => {
      await openReading(page)
      const toggle = page.getByRole('button', { name: 'Notes' })
      const notes = page.locator('.reading-notes')
      await expect(toggle).toHaveAttribute('aria-pressed', 'true')
      expect(await notes.count()).toBe(deck.slides.filter(s => s.note).length)
      await expect(notes.first()).toBeVisible()
      await toggle.click()
      await expect(toggle).toHaveAttribute('aria-pressed', 'false')
      for (const n of await notes.all())
        await expect(n).toBeHidden()
      await page.reload() // the choice is remembered
      await expect(page.locator('.reading-slide').first()).toBeVisible()
      await expect(notes.first()).toBeHidden()
      await toggle.click()
      for (const n of await notes.all())
        await expect(n).toBeVisible()
    })

    test('nothing scrolls sideways, text is 16 px or more and diagram labels 12 px or more', async ({ deck, page }) => {
      await openReading(page)
      await drawAllDiagrams(page)
      expect(await page.locator('.reading-view .mermaid').count()).toBe(deck.slides.reduce((n, s) => n + s.diagrams.length, 0))
      expect(await sidewaysProblems(page)).toEqual([])
      expect(await readingTextProblems(page)).toEqual([])
    })

    test('each slide says where it comes from, and the glossary closes the page', async ({ deck, page }) => {
      await openReading(page)
      for (const slide of deck.slides) {
        const line = page.locator(`#slide-${slide.no} .provenance`)
        const { own, article = [] } = slide.frontmatter as TalkFrontmatter
        if (own)
          await expect(line, `slide ${slide.no}`).toContainText(OWN_KINDS[own])
        else
          await expect(line, `slide ${slide.no}`).toContainText('From the article')
        for (const n of article.filter(n => n > 0))
          await expect(line, `slide ${slide.no}: ¶${n}`).toContainText(`¶${n}, ${source.paragraphs[n]}`)
      }
      const terms = page.locator('.reading-glossary dt')
      await expect(terms).toHaveText(glossary.map(g => g.term))
      await expect(page.locator('.reading-glossary dd')).toHaveText(glossary.map(g => g.line))
    })

    test('a shared link to one slide lands on it, after a refresh too', async ({ deck, page }) => {
      const slide = deck.slides[11]
      await page.goto(`read#slide-${slide.no}`)
      const target = page.locator(`#slide-${slide.no}`)
      const landed = async () => {
        await expect(target).toBeVisible()
        await expect.poll(() => target.evaluate(el => Math.round(el.getBoundingClientRect().top))).toBeGreaterThanOrEqual(0)
        await expect.poll(() => target.evaluate(el => Math.round(el.getBoundingClientRect().top))).toBeLessThan(160)
        await expect(target.locator('h1').first()).toBeInViewport()
      }
      await landed()
      await page.reload()
      await landed()
    })

    test('the share button shares the slide\'s link, or copies it where there is no Web Share', async ({ deck, page, context }) => {
      const slide = deck.slides[4]
      await context.grantPermissions(['clipboard-read', 'clipboard-write'])
      await openReading(page)
      const link = new URL(`read#slide-${slide.no}`, page.url()).href
      await page.evaluate(() => Object.defineProperty(navigator, 'share', { value: undefined, configurable: true }))
      await page.locator(`#slide-${slide.no}`).getByRole('button', { name: /Share/ }).click()
      await expect(page.getByRole('status')).toHaveText(`Link to slide ${slide.no} copied`)
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
      // With the Web Share API, the browser's share sheet gets the same link.
      await page.evaluate(() => {
        const w = window as unknown as { shared: ShareData[] }
        w.shared = []
        Object.defineProperty(navigator, 'share', {
          value: async (data: ShareData) => { w.shared.push(data) },
          configurable: true,
        })
      })
      await page.locator(`#slide-${slide.no}`).getByRole('button', { name: /Share/ }).click()
      const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared)
      expect(shared).toEqual([
        { title: `${squash(slide.title)} · ${deck.headmatter.title}`, url: link },
      ])
    })

    test('"Slides" opens the slide being read, and the reading-view button comes back to it', async ({ deck, page }) => {
      const slide = deck.slides[8]
      await page.goto(`read#slide-${slide.no}`)
      await expect(page.locator(`#slide-${slide.no} h1`).first()).toBeInViewport()
      await page.getByRole('button', { name: 'Slides' }).click()
      await expect(page).toHaveURL(new RegExp(`/${slide.no}$`))
      await expect(deck.slide(slide.no)).toBeVisible()
      // The choice holds for the visit: a refresh keeps the slides.
      await page.reload()
      await expect(deck.slide(slide.no)).toBeVisible()
      await expect(page).toHaveURL(new RegExp(`/${slide.no}$`))
      await page.getByRole('link', { name: 'Reading view' }).click()
      await expect(page).toHaveURL(new RegExp(`/read#slide-${slide.no}$`))
      await expect(page.locator(`#slide-${slide.no} h1`).first()).toBeInViewport()
    })

    test('the presenter view stays the presenter view', async ({ page }) => {
      await page.goto('presenter/3')
      await expect(page).toHaveURL(/\/presenter\/3$/)
      await expect(page.locator('.slidev-note').first()).toBeVisible()
    })
  })
}

const notPhones = [
  {
    name: 'a phone turned to landscape',
    viewport: { width: 844, height: 390 },
    isMobile: true,
  },
  {
    name: 'a tablet held upright',
    viewport: { width: 820, height: 1180 },
    isMobile: true,
  },
  {
    name: 'a laptop',
    viewport: { width: 1280, height: 720 },
    isMobile: false,
  },
]
for (const screen of notPhones) {
  test.describe(`on ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, isMobile: screen.isMobile })

    test('the slides open as before, and the reading view is one click away', async ({ deck, page }) => {
      await deck.open(5)
      await page.waitForTimeout(500) // a redirect, if there were one, has happened
      await expect(page).toHaveURL(/\/5$/)
      const button = page.getByRole('link', { name: 'Reading view' })
      await page.mouse.move(40, screen.viewport.height - 20) // the navigation bar shows on hover
      await button.click()
      await expect(page).toHaveURL(/\/read#slide-5$/)
      await expect(page.locator('#slide-5 h1').first()).toBeInViewport()
    })
  })
}

for (const host of HOSTS) {
  test.describe(`hosted at ${host.base} (${host.name})`, () => {
    test.use({ baseURL: `http://127.0.0.1:${host.port}${host.base}`, fallback404: host.fallback404 })

    test('deep links to the reading view and to one slide in it work', async ({ deck, page }) => {
      await page.goto('read')
      await expect(page.locator('.reading-slide')).toHaveCount(deck.slides.length)
      const slide = deck.slides[15]
      await page.goto(`read#slide-${slide.no}`)
      await expect(page).toHaveURL(`http://127.0.0.1:${host.port}${host.base}read#slide-${slide.no}`)
      await expect(page.locator(`#slide-${slide.no} h1`).first()).toBeInViewport()
    })
  })
}
