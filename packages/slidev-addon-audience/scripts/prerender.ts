import type { Page } from 'playwright-core'
// Pre-rendered pages: after `slidev build`, every address the deck serves gets an
// HTML file whose body already shows what the app will show there, so the first
// paint needs HTML and CSS only and a browser without JavaScript still sees it.
//
// Slidev 53 has no SSR/SSG path for its player, so the built site is opened in the
// build's Chromium and the rendered DOM (Mermaid's shadow roots as declarative shadow
// DOM) is captured with the CSS rules it uses. Each slide's page carries two views of
// that slide, as the app would show it:
//   - the slide on its canvas (screens, and phones held sideways);
//   - the reading view's bar and that slide's part of it (phones held upright open the
//     reading view by themselves: reading/contract.ts).
// It writes
//   N.html          slide N: both views in #app (#lp-snapshot), the CSS rules they use,
//                   the slide's title and preview tags, a preload for its fonts, and
//                   prerendered.js; the app's own CSS and JS no longer hold up the
//                   first paint
//   index.html      the cover's page (1.html too), with the deck's own preview tags
//   read.html       the reading page: the whole reading view, every slide and its
//                   notes, a document of its own with no app
//   prerendered.js  the pages' script (reading/page/, bundled): picks the view before
//                   the first paint, wires the reading page or starts the app
//   og/N.png        slide N as its link preview image (not in the offline precache)
// and puts index.html, read.html and prerendered.js in the service worker's precache,
// and takes the live client (MQTT.js) out of it.
// reading/takeover.ts removes the snapshot once the app has drawn the same slide; the
// reading view is read.html, a static page (reading/page/ wires it).
// Here: the slide's capture and the run. Serializing and picking CSS rules is
// lib/capture-dom.ts; the reading view's capture reading/capture.ts; the pages
// reading/slide-page.ts and reading/page-html.ts; the precache lib/precache.ts.
import type { SlideCapture } from '../reading/slide-page'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { chromium } from 'playwright-core'
import { CANVAS } from '../lib/canvas'
import { drawn, installHelpers } from '../lib/capture-dom'
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from '../lib/chromium'
import { loadDeck } from '../lib/deck-source'
import { liveClientFiles, precache } from '../lib/precache'
import { serve } from '../lib/serve'
import { bundlePageScript } from '../reading/bundle'
import { captureReading, PHONE } from '../reading/capture'
import { PAGE_SCRIPT, READ_PAGE, READ_PATH } from '../reading/contract'
import { readingPage } from '../reading/page-html'
import { slidePage } from '../reading/slide-page'

/** Previews are drawn at 1.25× the canvas, 1225×690. */
const PREVIEW_SCALE = 1.25

/** Opens slide `n` on its canvas, waits until it and its diagrams are drawn, and returns its snapshot. */
async function captureSlide(page: Page, url: string, n: number, previewFile: string): Promise<SlideCapture> {
  await page.goto(url)
  await page.locator(`#slide-content .slidev-page-${n}`).waitFor({ state: 'visible', timeout: 60_000 })
  await drawn(page, `#slide-content .slidev-page-${n}`)
  // Only the slide: not the "caching for offline" badge that floats over it.
  await page.locator('#slide-content').screenshot({ path: previewFile, animations: 'disabled', style: '.slidev-pwa-indicator { display: none !important }' })
  await installHelpers(page)

  // innerText, not textContent: the words as a reader sees them (no hidden parts, CSS text-transform).

  return page.evaluate((n) => {
    const { outerHtml, usedCss, hostsIn, plainAttributes, phrasingButtons, text: textOf } = (window as any).__lpSnapshot
    const fonts = performance.getEntriesByType('resource')
      .map(e => new URL(e.name))
      .filter(u => u.origin === location.origin && /\.woff2?$/.test(u.pathname))
      .map(u => u.pathname)

    const container = document.getElementById('slide-container')!
    const current = container.querySelector<HTMLElement>(`.slidev-page-${n}`)!
    const title = textOf(current.querySelector('h1') ?? document.createElement('h1'))
    const BLOCKS = 'p, li, td, th, blockquote, figcaption'
    const text = [
      ...current.querySelectorAll<HTMLElement>(BLOCKS),
    ]
      .filter(el => !el.parentElement?.closest(BLOCKS) && el.checkVisibility({ opacityProperty: true }))
      .map(textOf)
      .filter(Boolean)
      .join(' ')
    const allText = textOf(current).replace(title, '').trim()
    const diagramText = hostsIn(current).flatMap((h: Element) => [
      ...h.shadowRoot!.querySelectorAll('svg > desc'),
    ].map(d => d.textContent ?? '')).join(' ')

    // Only this slide, no ids the app uses, no state Vue keeps elsewhere.
    for (const other of container.querySelectorAll('.slidev-page')) {
      if (other !== current)
        other.remove()
    }
    for (const el of [
      container,
      ...container.querySelectorAll('[id=slide-content], [id=slideshow]'),
    ])
      el.removeAttribute('id')
    current.classList.remove(`slidev-page-${n}`)
    current.removeAttribute('data-slidev-no')
    plainAttributes(container)
    phrasingButtons(container)
    container.querySelector<HTMLElement>('.slidev-slide-content')!.style.removeProperty('--slidev-slide-scale')
    const html = outerHtml(container)
    const css = usedCss([container], [
      ['#page-root', '.lp-snap-slide'],
    ], [
      document.getElementById('page-root')!,
    ])
    return {
      html,
      title,
      text,
      diagramText,
      allText,
      css,
      fonts,
    }
  }, n)
}

/** Pre-renders every slide of the site built in `dir` for `base`, with the Chromium at `executablePath`. */
async function prerender(dir: string, base: string, executablePath: string, entry = 'slides.md'): Promise<void> {
  // The slides the deck shows (hidden and disabled ones are not served).
  const total = (await loadDeck(entry)).slides.length
  const shell = readFileSync(join(dir, 'index.html'), 'utf8')
  const deckTitle = shell.match(/<title>([^<]*)<\/title>/)?.[1] ?? ''
  const site = await serve(dir, { base })
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const problems: string[] = []
  const open = async (viewport: typeof CANVAS, deviceScaleFactor: number) => {
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor,
      colorScheme: 'light',
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    })
    // tsx keeps function names with a helper, `__name`, that the page does not have.
    await context.addInitScript('globalThis.__name = f => f')
    const tab = await context.newPage()
    tab.on('pageerror', e => problems.push(String(e)))
    return tab
  }
  try {
    const phone = await open(PHONE, 1)
    const reading = await captureReading(phone, `${site.url}/${READ_PATH}`, total)
    await phone.context().close()

    const tab = await open(CANVAS, PREVIEW_SCALE)
    mkdirSync(join(dir, 'og'), { recursive: true })
    const pages = new Map<string, string>()
    for (let n = 1; n <= total; n++) {
      const shot = await captureSlide(tab, `${site.url}/${n}`, n, join(dir, 'og', `${n}.png`))
      if (!shot.title)
        throw new Error(`slide ${n} has no heading (h1) to title its page with`)
      pages.set(`${n}.html`, slidePage(shell, base, n, shot, reading.slides.get(n)!, deckTitle))
      if (n === 1)
        pages.set(READ_PAGE, readingPage(shell, base, reading.whole, shot.fonts))
    }
    if (problems.length)
      throw new Error(`the site threw while pre-rendering:\n${problems.join('\n')}`)
    await tab.context().close()
    pages.set('index.html', pages.get('1.html')!)
    for (const [file, html] of pages)
      writeFileSync(join(dir, file), html)
    await bundlePageScript(join(dir, PAGE_SCRIPT))
    // The live client loads only in a live talk, online: no visit need download it for offline.
    precache(dir, ['index.html', READ_PAGE, PAGE_SCRIPT], liveClientFiles(dir))
  }
  finally {
    await browser.close()
    await site.close()
  }
}

// `tsx scripts/prerender.ts <dir> [base]`, as scripts/build.ts calls it.
const [dir, base = '/'] = process.argv.slice(2)
const executablePath = findChromium()
if (!dir || !executablePath) {
  console.error(executablePath ? 'usage: tsx scripts/prerender.ts <built site> [base]' : HOW_TO_GET_ONE)
  process.exit(2)
}
await prerender(resolve(dir), base, executablePath)
