import type { Page } from 'playwright-core'
// The reading view's capture (scripts/prerender.ts runs it): the app's reading view
// (reading/ReadingView.vue) opened on a phone in the build's Chromium, every slide
// drawn, and written down as HTML with the CSS rules it uses: the whole view (read.html)
// and, per slide, the bar with that slide and the next (a slide's page on a phone).
import { drawn, installHelpers } from '../lib/capture-dom'
import { ANCHOR_GAP_PX, slideAnchor } from './contract'

/** A phone held upright (Lighthouse's mobile preset); the reading view reflows to any width. */
export const PHONE = { width: 412, height: 823 }

export interface ReadingCapture {
  /** Per slide number: the reading view's bar and that slide's part, and the CSS rules they use. */
  slides: Map<number, { html: string, css: string[] }>
  /** The whole reading view and its CSS rules. */
  whole: { html: string, css: string[] }
}

/** Opens the reading view on a phone and captures, for each slide, its bar and that slide's part; and the whole. */
export async function captureReading(page: Page, url: string, total: number): Promise<ReadingCapture> {
  await page.goto(url)
  await page.locator(`#${slideAnchor(total)}`).waitFor({ state: 'attached', timeout: 60_000 })
  // Diagrams draw as they come near the screen: bring each slide there once.
  for (let n = 1; n <= total; n++) {
    await page.locator(`#${slideAnchor(n)}`).evaluate(el => el.scrollIntoView())
    await drawn(page, `#${slideAnchor(n)}`)
  }
  await page.evaluate(() => window.scrollTo(0, 0))
  await installHelpers(page)
  const readPath = new URL(url).pathname
  const anchors = Array.from({ length: total + 1 }, (_, n) => slideAnchor(n))
  const { whole, parts } = await page.evaluate(([total, gap, readPath, anchors]) => {
    const { openTag, outerHtml, usedCss, plainAttributes } = (window as any).__lpSnapshot
    const anchor = (n: number) => anchors[n]
    const view = document.querySelector<HTMLElement>('.reading-view')!
    const bar = view.querySelector<HTMLElement>('.reading-bar')!
    const main = view.querySelector<HTMLElement>('.reading-main')!
    // Its status line says what the app knows (offline, a copied link); the snapshot knows nothing yet.
    bar.querySelector('[role=status]')!.textContent = ''
    const articles = [
      ...main.querySelectorAll<HTMLElement>(':scope > article'),
    ]
    // No ids, classes or attributes the app finds its own slides by (only the articles'
    // anchors stay).
    plainAttributes(main)
    for (const el of main.querySelectorAll('article *')) {
      el.removeAttribute('id')
      el.removeAttribute('data-slidev-no')
      for (const name of [...el.classList].filter(c => /^slidev-page-\d+$/.test(c)))
        el.classList.remove(name)
    }
    if (articles.length !== total)
      throw new Error(`the reading view shows ${articles.length} slides, not ${total}`)
    const wrap = (pieces: string[], mainExtra = '') => `${openTag(view)}${outerHtml(bar)}${openTag(main, mainExtra)}${pieces.join('')}</main></div>`
    // A diagram as drawn for this phone, and narrower on a narrower one (the app draws
    // it again for the width it has): its width as drawn at most, its height to match.
    for (const host of main.querySelectorAll('*')) {
      const svg = host.shadowRoot?.querySelector('svg')
      if (!svg)
        continue
      svg.setAttribute('width', String(Math.ceil(svg.getBoundingClientRect().width)))
      svg.style.maxWidth = '100%'
      svg.style.height = 'auto'
    }
    // Each slide's height at this width, as the size it takes until it nears the screen
    // (content-visibility), so that what is above an anchor stays about the size it will be.
    for (const a of articles)
      a.style.containIntrinsicSize = `auto ${Math.ceil(a.getBoundingClientRect().height)}px`
    const articleHtml = articles.map(a => outerHtml(a))
    const barHeight = bar.getBoundingClientRect().height
    const parts = articles.map((_, i) => {
      const shown = articles.slice(i, i + 2)
      // Without JavaScript, the rest of the talk is one link away (with it, the page fills it in).
      const more = i + 2 < total
        ? `<p><a class="reading-link" href="${readPath}#${anchor(i + 3)}">Read on: slide ${i + 3} of ${total}</a></p>`
        : ''
      return {
        // Where the reading page scrolls an anchored slide: the bar's height rounded up, plus the gap.
        html: wrap([
          ...articleHtml.slice(i, i + 2),
          more,
        ], i
          ? ` style="padding-top:${gap + Math.ceil(barHeight) - barHeight}px"`
          : ''),
        css: usedCss([bar, ...shown], [], [view.parentElement!, view, main]),
      }
    })
    // The whole view ends with what follows the slides (the glossary).
    const after = [...main.children].filter(el => el.localName !== 'article').map(el => outerHtml(el))
    return {
      whole: {
        html: wrap([
          ...articleHtml,
          ...after,
        ]),
        css: usedCss([view], [], [view.parentElement!]),
      },
      parts,
    }
  }, [
    total,
    ANCHOR_GAP_PX,
    readPath,
    anchors,
  ] as const)
  return {
    slides: new Map(parts.map((p, i) => [i + 1, p])),
    whole,
  }
}
