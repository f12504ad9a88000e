import type { Page } from '@playwright/test'
import { PNG } from 'pngjs'
import { expect, test } from './support/deck'
import { SUB_PAGES_PORT, SUB_PATH } from './support/servers'
import { settle, visitCompleteSlides } from './support/walk'

// The offline badge, the QR code and any other overlay stay clear of the navigation
// buttons on every screen, for the eye (boxes) and for the finger (what is at each
// button's centre). Run on the sub-path build, which has the QR code (DECK_URL), with
// the service worker on, so the "Ready offline" badge really shows.

const screens = [
  { name: 'phone 360×740', width: 360, height: 740 },
  { name: 'phone 390×844', width: 390, height: 844 },
  // Too short for the badge anywhere: no corner is clear of a slide's words (styles/deck.css hides it).
  {
    name: 'phone in landscape 844×390',
    width: 844,
    height: 390,
    noBadge: true,
  },
  { name: 'tablet 820×1180', width: 820, height: 1180 },
  { name: 'desktop 1280×720', width: 1280, height: 720 },
]

/** Overlays: the offline badge, the QR code, and anything else fixed on the screen. */
const OVERLAYS = '.slidev-pwa-indicator, .deck-link'

/**
 * Controls an overlay lies on (their boxes meet and, where they meet, the overlay is
 * painted on top, found with its pointer-events switched on for the moment), or that a
 * tap at their centre does not reach. With `scroll`, each control is scrolled into view first.
 */
async function coveredControls(page: Page, controls: string, scroll = false): Promise<{ problems: string[], checked: number }> {
  return page.evaluate(({ controls, overlays, scroll }) => {
    const name = (el: Element) => (el.getAttribute('title') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)
    const shown = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && el.getBoundingClientRect().width > 0
    const fixed = [
      ...document.querySelectorAll('body *'),
    ].filter(el => getComputedStyle(el).position === 'fixed' && shown(el))
    const problems: string[] = []
    const all = [
      ...document.querySelectorAll(controls),
    ].filter(shown)
    for (const control of all) {
      if (scroll)
        control.scrollIntoView({ block: 'center' })
      const layers = [
        ...new Set([
          ...document.querySelectorAll(overlays),
          ...fixed,
        ]),
      ]
        .filter(l => shown(l) && !l.contains(control) && !control.contains(l))
      const c = control.getBoundingClientRect()
      for (const layer of layers) {
        const o = layer.getBoundingClientRect()
        const left = Math.max(c.left, o.left)
        const right = Math.min(c.right, o.right)
        const top = Math.max(c.top, o.top)
        const bottom = Math.min(c.bottom, o.bottom)
        if (right - left <= 0.5 || bottom - top <= 0.5)
          continue
        const style = (layer as HTMLElement).style
        const before = style.pointerEvents
        style.setProperty('pointer-events', 'auto', 'important')
        const seen = document.elementFromPoint((left + right) / 2, (top + bottom) / 2)
        style.pointerEvents = before
        if (seen && layer.contains(seen))
          problems.push(`"${name(control)}" lies under ${layer.className || layer.tagName.toLowerCase()}`)
      }
      // A disabled button takes no tap, by design.
      if (control.matches(':disabled, .disabled'))
        continue
      // A link that wraps has no text at its box's centre: tap the middle of its first line.
      const line = control.getClientRects()[0] ?? c
      const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2)
      if (!hit || !(control === hit || control.contains(hit))) {
        problems.push(`a tap on "${name(control)}" lands on ${hit
          ? `${hit.tagName.toLowerCase()}.${hit.className}`
          : 'nothing'}`)
      }
    }
    return {
      problems: [
        ...new Set(problems),
      ],
      checked: all.length,
    }
  }, { controls, overlays: OVERLAYS, scroll })
}

async function afterTheBadge(page: Page, shown = true): Promise<void> {
  const ready = page.locator('.slidev-pwa-indicator, .reading-status').filter({ hasText: 'Ready offline' }).first()
  if (shown)
    await expect(ready).toBeVisible({ timeout: 60_000 })
  else
    await expect(ready).toBeAttached({ timeout: 60_000 })
}

test.describe('nothing covers a control', () => {
  test.use({ baseURL: `http://127.0.0.1:${SUB_PAGES_PORT}${SUB_PATH}`, fallback404: true, serviceWorkers: 'allow' })

  for (const screen of screens) {
    test(`on a ${screen.name}: the slides' navigation bar, with the offline badge showing`, async ({ deck, page }) => {
      test.slow()
      await page.setViewportSize(screen)
      await page.addInitScript(() => sessionStorage.setItem('lp:chose-slides', '1'))
      await deck.open(1)
      await afterTheBadge(page, !screen.noBadge)
      // The bar shows on hover or when it is always there (an upright screen).
      const first = page.locator('nav .slidev-icon-btn').first()
      await first.hover({ force: true })
      // Slidev fades the bar in over 300 ms (play.vue): check it once the fade is over,
      // not at its first frame, where the bar is still at opacity 0.
      await expect.poll(() => first.evaluate(async (el) => {
        const chain: Element[] = []
        for (let at: Element | null = el; at; at = at.parentElement)
          chain.push(at)
        const opacity = () => chain.reduce((o, at) => o * Number(getComputedStyle(at).opacity), 1)
        opacity()
        await Promise.all(chain.flatMap(at => at.getAnimations()).map(a => a.finished.catch(() => {})))
        return opacity()
      }), { message: 'the navigation bar, faded in' }).toBeGreaterThan(0.5)
      if (screen.noBadge)
        await expect(page.locator('.slidev-pwa-indicator'), 'the badge on a screen this short').toBeHidden()
      else
        await expect(page.locator('.slidev-pwa-indicator')).toBeVisible()
      const { problems, checked } = await coveredControls(page, 'nav .slidev-icon-btn')
      expect(checked).toBeGreaterThan(3)
      expect(problems).toEqual([])
    })

    test(`on a ${screen.name}: the reading view's controls`, async ({ page }) => {
      await page.setViewportSize(screen)
      await page.goto('read')
      await afterTheBadge(page)
      const { problems, checked } = await coveredControls(page, '.reading-view button, .reading-view a', true)
      expect(checked).toBeGreaterThan(3)
      expect(problems).toEqual([])
    })
  }

  test('the check sees a badge put back where Slidev puts it, over the buttons of an upright phone', async ({ deck, page }) => {
    await page.setViewportSize(screens[1])
    await page.addInitScript(() => sessionStorage.setItem('lp:chose-slides', '1'))
    await deck.open(1)
    await afterTheBadge(page)
    // Slidev's own placement, which this deck moves (styles/deck.css).
    await page.addStyleTag({ content: '.slidev-pwa-indicator { top: auto !important; bottom: 1rem !important; right: 1rem !important; left: auto !important; }' })
    const { problems } = await coveredControls(page, 'nav .slidev-icon-btn')
    expect(problems).toContainEqual(expect.stringMatching(/lies under slidev-pwa-indicator/))
  })
})

interface Box { x: number, y: number, width: number, height: number }

/** The badge's box at its widest ("Caching for offline…"), in CSS pixels. */
async function badgeBox(page: Page): Promise<Box> {
  return page.locator('.slidev-pwa-indicator').evaluate((badge) => {
    const widest = badge.cloneNode(true) as HTMLElement
    widest.querySelector('span')!.textContent = 'Caching for offline…'
    badge.after(widest)
    const { x, y, width, height } = widest.getBoundingClientRect()
    widest.remove()
    return { x, y, width, height }
  })
}

/** Whether the pixels under the badge (hidden for the shot) are anything but the slide's plain background. */
async function somethingUnder(page: Page, box: Box): Promise<boolean> {
  const png = PNG.sync.read(await page.screenshot({
    clip: box,
    animations: 'disabled',
    style: '.slidev-pwa-indicator, .slidev-nav { visibility: hidden !important; }',
  }))
  const [r, g, b] = png.data
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - r!) + Math.abs(png.data[i + 1]! - g!) + Math.abs(png.data[i + 2]! - b!) > 24)
      return true
  }
  return false
}

// On a projector the badge shows over the first slides the audience sees: it must not hide
// a word, a label, a diagram or the QR code (which the sub-path build has) on any slide.
// What is under it is read from pixels (the badge hidden for the shot), so a label drawn
// by CSS (::after) counts as much as text: anything but the slide's plain background.
test.describe('the offline badge on a projector', () => {
  // Reduced motion: slides change at once, with no transition to wait out at each one.
  test.use({
    baseURL: `http://127.0.0.1:${SUB_PAGES_PORT}${SUB_PATH}`,
    fallback404: true,
    serviceWorkers: 'allow',
    reducedMotion: 'reduce',
  })

  for (const screen of [
    { name: '16:9 1280×720', width: 1280, height: 720 },
    { name: '4:3 1024×768', width: 1024, height: 768 },
  ]) {
    test(`on a ${screen.name} screen it covers nothing on any slide, at any click`, async ({ deck, page }) => {
      test.slow()
      await page.setViewportSize(screen)
      await deck.open(1)
      await afterTheBadge(page)
      const box = await badgeBox(page)
      // Each slide at its last click, where it shows the most.
      const under: number[] = []
      await visitCompleteSlides(page, deck.slides, async (slide) => {
        if (await somethingUnder(page, box))
          under.push(slide.no)
      })
      expect(under, 'slides with something under the badge').toEqual([])
    })
  }

  test('the check sees what the badge would hide top right: the section labels', async ({ deck, page }) => {
    test.slow()
    await page.setViewportSize({ width: 1280, height: 720 })
    // On every page this test opens: the badge top right, as this deck once had it.
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style')
      style.textContent = '.slidev-pwa-indicator { top: 0.75rem !important; bottom: auto !important; right: 1rem !important; left: auto !important; }'
      document.head.append(style)
    }))
    await deck.open(1)
    await afterTheBadge(page)
    const box = await badgeBox(page)
    // The first two slides that carry a section label (styles/deck.css, .field-ai::after).
    const labelled: number[] = []
    for (const { no } of deck.slides) {
      if (labelled.length === 2)
        break
      await deck.open(no)
      if (await deck.slide(no).locator('.field-ai, .field-crypto').count())
        labelled.push(no)
    }
    expect(labelled).toHaveLength(2)
    const under: number[] = []
    for (const no of labelled) {
      await deck.open(no, 99)
      await settle(page, deck.slides[no - 1])
      if (await somethingUnder(page, box))
        under.push(no)
    }
    expect(under).toEqual(labelled)
  })
})
