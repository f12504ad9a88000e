import type { Buffer } from 'node:buffer'
import type { BrowserContext, Page } from 'playwright-core'
// What a first visit costs, measured in the page with one clock: when the cover
// is painted and which requests the browser started before that. Shared by the
// budget tests (tests/performance-budgets.spec.ts) and the benchmark
// (scripts/bench.ts), so both mean the same thing by "before slide 1 is visible".
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { CHOSE_SLIDES } from '../reading/contract'

declare global {
  /** Set by watchFirstPaint's script: ms since navigation start when the slide was painted. */
  interface Window { __firstPaint: number | null }
}

/** One request of the visit, as Resource Timing reports it. */
export interface Fetched {
  /** Path (and query) on the site, e.g. `/assets/index-abc.js`. */
  path: string
  /** ms since navigation start. */
  startTime: number
  /** Bytes of the body on the wire (compressed when the server compressed it). */
  encodedBodySize: number
  /** Body plus headers on the wire; 0 when served from a cache. */
  transferSize: number
}

export interface Visit {
  /** ms since navigation start when slide `n`'s heading was painted. */
  visibleAt: number
  fetched: Fetched[]
}

/**
 * Records, from the first script of the page on, the moment `.slidev-page-<n>` is
 * visible with its h1 laid out (or a pre-rendered page's snapshot of that slide),
 * plus one more animation frame: the frame with the heading has then been painted.
 * Call before `page.goto`.
 * `view`: 'slides' measures the slide itself, also on a phone held upright, which
 * would otherwise open the reading view (reading/contract.ts); 'reading' measures the
 * reading view's first heading.
 */
export async function watchFirstPaint(target: Page | BrowserContext, n = 1, view: 'slides' | 'reading' = 'slides'): Promise<void> {
  // A string, not a function: tsx would wrap named inner functions in a helper
  // that does not exist in the page.
  await target.addInitScript(`(() => {
    const n = ${JSON.stringify(n)}
    const within = ${JSON.stringify(view === 'reading'
      ? '.reading-slide '
      : '')}
    if (${JSON.stringify(view === 'slides')})
      try { sessionStorage.setItem(${JSON.stringify(CHOSE_SLIDES)}, '1') } catch {}
    window.__firstPaint = null
    performance.setResourceTimingBufferSize(2000)
    const shown = el => !!el && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
      && el.getBoundingClientRect().width > 0
    // The slide as the app draws it, or as a pre-rendered page paints it before the app.
    const snapshot = '#lp-snapshot[data-shows="' + n + '"] ' + (within ? '.lp-snap-read article' : '.lp-snap-slide') + ' h1'
    const check = () => {
      if ((shown(document.querySelector(within + '.slidev-page-' + n)) && shown(document.querySelector(within + '.slidev-page-' + n + ' h1'))) || shown(document.querySelector(snapshot)))
        requestAnimationFrame(() => { window.__firstPaint = performance.now() })
      else
        requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })()`)
}

/** Waits for the painted cover and returns the requests the page made so far. */
export async function readVisit(page: Page, timeout = 60_000): Promise<Visit> {
  await page.waitForFunction(() => window.__firstPaint !== null, undefined, { timeout, polling: 50 })
  return page.evaluate(() => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[]
    return {
      visibleAt: window.__firstPaint!,
      fetched: entries
        .filter(e => new URL(e.name).origin === location.origin)
        .map(e => ({
          path: new URL(e.name).pathname + new URL(e.name).search,
          startTime: e.startTime,
          encodedBodySize: e.encodedBodySize,
          transferSize: e.transferSize,
        })),
    }
  })
}

/**
 * Waits until the page has made no request for `quietMs`, and at least `minMs`
 * since navigation start (Slidev loads every other slide 3 s after the first).
 */
export async function settle(page: Page, { minMs = 4500, quietMs = 1000, timeout = 60_000 } = {}): Promise<void> {
  await page.waitForFunction(([minMs, quietMs]) => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    const last = Math.max(0, ...entries.map(e => e.responseEnd || e.startTime))
    const now = performance.now()
    return now >= minMs && now - last >= quietMs
  }, [minMs, quietMs], { timeout, polling: 200 })
}

/** A visit to `url` with an empty cache until the page is quiet: when slide 1 was painted, and every request. */
export async function wholeVisit(page: Page, url: string): Promise<Visit> {
  await watchFirstPaint(page)
  await page.goto(url)
  await readVisit(page)
  await settle(page)
  return readVisit(page)
}

/** gzip size of a body, as a host that compresses (level 6, zlib's and nginx-like default) sends it. */
export function gzipSize(body: Buffer | Uint8Array): number {
  return gzipSync(body, { level: 6 }).length
}

/**
 * The files a service worker precaches, read from the built `sw.js` (Workbox, as
 * vite-plugin-pwa writes it, minified or not); empty when `dist` has no worker.
 */
export function precacheList(dist: string): string[] {
  const sw = join(dist, 'sw.js')
  if (!existsSync(sw))
    return []
  const text = readFileSync(sw, 'utf8')
  const urls = new Set<string>()
  for (const m of text.matchAll(/["']?url["']?\s*:\s*["']([^"']+)["']/g))
    urls.add(m[1])
  // Workbox's own runtime, imported by the worker, is fetched with it.
  for (const m of text.matchAll(/["'](?:\.\/)?(workbox-[\w-]+)(?:\.js)?["']/g))
    urls.add(`${m[1]}.js`)
  urls.add('sw.js')
  return [...urls].map(u => u.replace(/^\.?\//, ''))
}
