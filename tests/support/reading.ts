// The reading view (/read: the static reading page the build captures from
// reading/ReadingView.vue; the app's view on the fixture decks) as the quality gates see it:
// the whole page at once, at a phone's width. Shared by the reading-view specs.
import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** Body text floor in the reading view, in CSS px. */
export const MIN_READING_TEXT_PX = 16
/** Floor for the labels of a diagram, as drawn (font size × the diagram's scale). */
export const MIN_DIAGRAM_LABEL_PX = 12
/** Phones held upright the reading view must fit. */
export const PHONES = [
  { name: '360×740', width: 360, height: 740 },
  { name: '390×844', width: 390, height: 844 },
]

/** A browser context's options for a phone held upright: its screen (390×844 unless given), touch, a mobile viewport. */
export function heldUpright(size: { width: number, height: number } = PHONES[1]!) {
  return {
    viewport: { width: size.width, height: size.height },
    isMobile: true,
    hasTouch: true,
  }
}

/** Opens the reading view at `url` and waits until every slide and every diagram is drawn. */
export async function openReading(page: Page, url = 'read'): Promise<void> {
  await page.goto(url)
  // Slides are drawn a few at a time; the view says when all are there.
  await expect(page.locator('.reading-view[data-complete]')).toBeAttached()
  await drawAllDiagrams(page)
}

/**
 * Diagrams render as they near the screen, as a reader scrolls: bring each one not yet
 * drawn into view (a diagram drawn above can push the next one away again) until all are.
 */
export async function drawAllDiagrams(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => {
    const waiting = [
      ...document.querySelectorAll('.reading-slide .lp-diagram'),
    ]
      .filter(d => !d.querySelector('.mermaid')?.shadowRoot?.querySelector('svg') && !d.querySelector('pre'))
    for (const d of waiting) {
      d.scrollIntoView({ block: 'center' })
      await new Promise(r => setTimeout(r, 100))
    }
    return waiting.length
  }), { message: 'diagrams of the reading view still not drawn', timeout: 30_000 }).toBe(0)
  await page.waitForFunction(() => document.fonts.status === 'loaded')
  await page.evaluate(() => window.scrollTo(0, 0))
}

/** Slide number of the reading-view slide that holds `el` ("slide 4: "). */
const IN_PAGE_HELPERS = `
  window.__lpWhere = (el) => {
    let e = el
    while (e && !(e.classList && e.classList.contains('reading-slide')))
      e = e.parentElement || (e.getRootNode && e.getRootNode().host) || null
    return e ? 'slide ' + e.dataset.no + ': ' : 'page: '
  }
  window.__lpDescribe = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : ''
    const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40)
    return el.tagName.toLowerCase() + cls + (text ? ' "' + text + '"' : '')
  }
`

async function helpers(page: Page): Promise<void> {
  await page.evaluate(IN_PAGE_HELPERS)
}

/** Sideways scroll: the page wider than the screen, and the visible elements that stick out. */
export async function sidewaysProblems(page: Page): Promise<string[]> {
  await helpers(page)
  return page.evaluate(() => {
    const w = window as unknown as { __lpWhere: (e: Element) => string, __lpDescribe: (e: Element) => string }
    const problems: string[] = []
    const width = document.documentElement.clientWidth
    const scroll = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)
    if (scroll > width + 1)
      problems.push(`page: scrolls sideways, ${scroll} px of content on a ${width} px screen`)
    const out = new Set<Element>()
    for (const el of document.querySelectorAll('.reading-view *')) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        continue
      // Inside a box that scrolls or clips sideways, the box is what counts.
      let clipped = false
      for (let p = el.parentElement; p && !p.classList.contains('reading-view'); p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible')
          clipped = true
      }
      const r = el.getBoundingClientRect()
      if (!clipped && r.width > 0 && (r.right > width + 1 || r.left < -1))
        out.add(el)
    }
    // The outermost box that sticks out, not each of its descendants.
    for (const el of out) {
      if (el.parentElement && out.has(el.parentElement))
        continue
      const r = el.getBoundingClientRect()
      problems.push(`${w.__lpWhere(el)}${w.__lpDescribe(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px on a ${width} px screen`)
    }
    return problems
  })
}

/** Visible text smaller than the floors: 16 px for text, 12 px for diagram labels as drawn. */
export async function readingTextProblems(page: Page): Promise<string[]> {
  await helpers(page)
  return page.evaluate(({ body, label }) => {
    const w = window as unknown as { __lpWhere: (e: Element) => string, __lpDescribe: (e: Element) => string }
    const problems = new Set<string>()
    const ownText = (el: Element) => [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
    const shown = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
      && el.getBoundingClientRect().width > 1
    for (const el of document.querySelectorAll('.reading-view *')) {
      if (!ownText(el) || !shown(el))
        continue
      const px = Number.parseFloat(getComputedStyle(el).fontSize)
      if (px < body - 0.5)
        problems.add(`${w.__lpWhere(el)}${w.__lpDescribe(el)} is ${px.toFixed(1)} px, under ${body} px`)
    }
    for (const host of document.querySelectorAll('.reading-view .mermaid')) {
      const svg = host.shadowRoot?.querySelector('svg')
      if (!svg || !shown(host))
        continue
      const box = svg.viewBox.baseVal
      const scale = box && box.width
        ? svg.getBoundingClientRect().width / box.width
        : 1
      for (const el of svg.querySelectorAll('*')) {
        if (!ownText(el) || !shown(el))
          continue
        const px = Number.parseFloat(getComputedStyle(el).fontSize) * scale
        if (px < label - 0.5)
          problems.add(`${w.__lpWhere(host)}diagram label "${(el.textContent ?? '').trim().slice(0, 30)}" is drawn at ${px.toFixed(1)} px, under ${label} px`)
      }
    }
    return [...problems]
  }, { body: MIN_READING_TEXT_PX, label: MIN_DIAGRAM_LABEL_PX })
}
