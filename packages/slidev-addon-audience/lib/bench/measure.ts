import type { Browser } from 'playwright-core'
import type { Ran } from '../run'
// What `npm run bench` measures, one function a figure: a deck's build and its
// files, its PDF export, a first visit on a phone (plain and throttled), and the
// presenter's walk from slide to slide. Reporting is in report.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSize, precacheList, readVisit, watchFirstPaint, wholeVisit } from '../first-visit'
import { slidev } from '../run'

/** Chrome DevTools' "Fast 4G" preset (bytes per second, ms). */
const FAST_4G = {
  offline: false,
  downloadThroughput: 9_000_000 / 8 * 0.9,
  uploadThroughput: 1_500_000 / 8 * 0.9,
  latency: 60 * 2.75,
}
/** A mid-range phone's screen, where the audience opens the link. */
const PHONE = {
  viewport: { width: 412, height: 915 },
  deviceScaleFactor: 2.625,
  isMobile: true,
  hasTouch: true,
}
/** The presenter's laptop. */
const LAPTOP = {
  viewport: { width: 1280, height: 720 },
}

declare global {
  /** Set by the walk's in-page script: ms from → to the next slide painted, and its stop flag. */
  interface Window { __painted: number | null, __stop: boolean }
}

export type Sample = Record<string, number>
export interface Deck { name: 'ours' | 'reference', entry: string, out: string, slides: number, url?: string }

// ---------------------------------------------------------------- build, size, PDF

/** How long a build or export step took (ms); it stops the bench with the end of its output if it failed. */
export function timed(ran: Ran, what: string): number {
  if (!ran.ok)
    throw new Error(`${what} failed (${ran.status}):\n${ran.stderr.slice(-2000)}`)
  return ran.ms
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(d => d.isFile())
    .map(d => join(d.parentPath, d.name))
}

export function distFigures(dir: string): Sample {
  const files = filesOf(dir)
  const precache = precacheList(dir)
  return {
    distFiles: files.length,
    distBytes: files.reduce((n, f) => n + statSync(f).size, 0),
    distGzipBytes: files.reduce((n, f) => n + gzipSize(readFileSync(f)), 0),
    precacheFiles: precache.length,
    // NaN (shown as "–") when the build has no service worker.
    precacheGzipBytes: precache.length
      ? precache.reduce((n, f) => n + gzipSize(readFileSync(join(dir, f))), 0)
      : Number.NaN,
  }
}

export async function exportPdf(deck: Deck, dir: string, executablePath: string): Promise<Sample> {
  const output = join(dir, `${deck.name}.pdf`)
  const ms = timed(slidev([
    'export',
    deck.entry,
    '--executable-path',
    executablePath,
    '--timeout',
    '60000',
    '--output',
    output,
  ], { quiet: true }), 'slidev export')
  return { pdfMs: ms, pdfMsPerSlide: ms / deck.slides, pdfBytes: statSync(output).size }
}

// ---------------------------------------------------------------- in the browser

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** A first visit on a phone with an empty cache: the cover, then everything until the page is quiet. */
export async function firstVisit(browser: Browser, deck: Deck): Promise<Sample> {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  const { visibleAt, fetched } = await wholeVisit(page, `${deck.url}/1`)
  await context.close()
  const before = fetched.filter(f => f.startTime <= visibleAt)
  const precache = precacheList(deck.out)
  const seen = new Set(fetched.map(f => f.path.replace(/^\//, '').replace(/^1$/, 'index.html')))
  const precacheOnly = precache.filter(f => !seen.has(f))
  const precacheBytes = sum(precacheOnly.map(f => gzipSize(readFileSync(join(deck.out, f)))))
  return {
    visibleMs: visibleAt,
    beforeVisibleBytes: sum(before.map(f => f.encodedBodySize)),
    beforeVisibleRequests: before.length,
    firstVisitBytes: sum(fetched.map(f => f.encodedBodySize)) + precacheBytes,
    firstVisitRequests: fetched.length + precacheOnly.length,
  }
}

/**
 * A phone held upright opening the deck's address with an empty cache: the bytes (gzip)
 * and requests before the first slide's heading shows. Ours opens the reading page
 * there (reading/contract.ts); the reference deck shows its slide.
 */
export async function readingVisit(browser: Browser, deck: Deck): Promise<Sample> {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  await watchFirstPaint(page, 1, deck.name === 'ours'
    ? 'reading'
    : 'slides')
  await page.goto(`${deck.url}/`)
  const { visibleAt, fetched } = await readVisit(page)
  await context.close()
  const before = fetched.filter(f => f.startTime <= visibleAt)
  return {
    headingBytes: sum(before.map(f => f.encodedBodySize)),
    headingRequests: before.length,
  }
}

/** The same cold visit with the CPU throttled 4× and DevTools' "Fast 4G" network. */
export async function throttledVisit(browser: Browser, deck: Deck): Promise<Sample> {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', FAST_4G)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await watchFirstPaint(page)
  await page.goto(`${deck.url}/1`)
  const { visibleAt } = await readVisit(page, 120_000)
  await context.close()
  return { visibleThrottledMs: visibleAt }
}

/**
 * The presenter's walk through the deck: from slide 1, pressing → (after `dwell` ms on
 * each slide), the time from the key press to the next slide visible with every
 * Mermaid diagram in it drawn (an <svg> in its shadow root), one more frame painted.
 * Presses that only reveal a click step are not timed.
 */
export async function walk(browser: Browser, deck: Deck, dwell: number): Promise<number[]> {
  const context = await browser.newContext(LAPTOP)
  const page = await context.newPage()
  await wholeVisit(page, `${deck.url}/1`)
  const times: number[] = []
  let current = 1
  for (let presses = 0; current < deck.slides && presses < deck.slides * 10; presses++) {
    await page.waitForTimeout(dwell)
    await page.evaluate(`(() => {
      const next = ${current + 1}
      window.__painted = null
      window.__stop = false
      const ready = () => {
        const el = document.querySelector('.slidev-page-' + next)
        if (!el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
          return false
        return [...el.querySelectorAll('.mermaid')].every(m => m.shadowRoot && m.shadowRoot.querySelector('svg'))
      }
      window.addEventListener('keydown', () => {
        const pressedAt = performance.now()
        const loop = () => {
          if (window.__stop) return
          if (ready()) requestAnimationFrame(() => { window.__painted = performance.now() - pressedAt })
          else requestAnimationFrame(loop)
        }
        loop()
      }, { once: true, capture: true })
    })()`)
    const url = page.url()
    await page.keyboard.press('ArrowRight')
    await page.waitForURL(u => u.href !== url)
    const now = Number(new URL(page.url()).pathname.split('/').pop())
    if (now === current + 1) {
      // A function, not a string: a string would be eval'd, which the pages' CSP refuses.
      await page.waitForFunction(() => window.__painted !== null, undefined, { timeout: 30_000 })
      times.push(await page.evaluate(() => window.__painted!))
      current = now
    }
    else {
      await page.evaluate(() => window.__stop = true)
    }
  }
  await context.close()
  if (current !== deck.slides)
    throw new Error(`${deck.name}: → stopped at slide ${current} of ${deck.slides}`)
  return times
}
