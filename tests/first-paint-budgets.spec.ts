// Budgets for the pre-rendered pages (scripts/prerender.ts), in bytes and structure:
// what a phone must download before it can paint a slide is the page itself and
// whatever in its <head> blocks rendering (stylesheets without a non-screen media,
// classic scripts without async/defer). Timings live in `npm run bench`.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIRST_PAINT_BUDGET, KB } from 'slidev-addon-audience/lib/budgets'
import { gzipSize, precacheList } from 'slidev-addon-audience/lib/first-visit'
import { expect, squash, test } from './support/deck'

const DIST = 'dist'

/** The files in `html`'s <head> that hold up its first paint, as URLs relative to the page. */
function renderBlocking(html: string): string[] {
  const head = html.slice(0, html.indexOf('</head>'))
  const styles = [
    ...head.matchAll(/<link\s(?:[^>]*\s)?rel="stylesheet"[^>]*>/g),
  ].map(m => m[0]).filter(tag => !/\bmedia="(?!all|screen)[^"]*"/.test(tag))
  const scripts = [
    ...head.matchAll(/<script\s(?:[^>]*\s)?src="[^"]*"[^>]*>/g),
  ].map(m => m[0]).filter(tag => !/\s(?:async|defer)[\s>=]|type="module"/.test(tag))
  return [
    ...styles,
    ...scripts,
  ].map(tag => /\b(?:href|src)="([^"]+)"/.exec(tag)![1])
}

test('the cover and every slide paint from at most 30 KB gzip: the page and what blocks its rendering', async ({ deck, page }) => {
  const over: string[] = []
  for (const path of [
    '',
    ...deck.slides.map(s => `${s.no}`),
  ]) {
    const res = await page.request.get(path || './')
    expect(res.status(), `/${path}`).toBe(200)
    const html = await res.body()
    const files = await Promise.all(renderBlocking(html.toString()).map(async url => ({
      url,
      bytes: gzipSize(await (await page.request.get(url)).body()),
    })))
    const total = gzipSize(html) + files.reduce((n, f) => n + f.bytes, 0)
    if (total > FIRST_PAINT_BUDGET)
      over.push(`/${path}: ${(total / KB).toFixed(1)} KB (page ${(gzipSize(html) / KB).toFixed(1)} KB; ${files.map(f => `${f.url} ${(f.bytes / KB).toFixed(1)} KB`).join(', ') || 'nothing else'})`)
  }
  expect(over, `pages over ${FIRST_PAINT_BUDGET / KB} KB gzip before their first paint`).toEqual([])
})

test('the pre-rendered HTML of every slide holds its title: on its canvas and in the reading view, its slide and no other', async ({ deck, page }) => {
  const titleOf = (html: string) => squash(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1].replace(/<[^>]+>/g, '') ?? '')
  for (const slide of deck.slides) {
    for (const path of slide.no === 1
      ? ['./', '1']
      : [`${slide.no}`]) {
      const html = await (await page.request.get(path)).text()
      const shows = /<div id="lp-snapshot" data-shows="(\d+)">/.exec(html)
      expect(shows, `/${path}: a pre-rendered slide`).not.toBeNull()
      expect(Number(shows![1]), `/${path}: the slide it shows`).toBe(slide.no)
      const canvas = html.slice(html.indexOf('<div class="lp-snap-slide'), html.indexOf('<div class="lp-snap-read'))
      expect(titleOf(canvas), `/${path}: its heading on the canvas`).toBe(squash(slide.title))
      expect(canvas.match(/class="slidev-page[ "]/g), `/${path}: one slide on the canvas`).toHaveLength(1)
      const reading = html.slice(html.indexOf('<div class="lp-snap-read'))
      expect(titleOf(reading), `/${path}: its heading in the reading view`).toBe(squash(slide.title))
      expect(reading.match(/<article /g)?.length, `/${path}: the slide and the one after it in the reading view`).toBe(slide.no < deck.slides.length
        ? 2
        : 1)
      expect(html, `/${path}: no inline script (the Content-Security-Policy allows none)`).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
    }
  }
})

test('the offline precache holds the cover\'s page and the reading page as built, and no per-slide pages or preview images', () => {
  const precache = precacheList(DIST)
  expect(precache.filter(f => /^og\/|^\d+\.html$/.test(f)), 'per-slide files in the precache').toEqual([])
  // Workbox serves read.html for /read, index.html for every other address offline; a
  // stale revision would keep an old page.
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8')
  for (const file of ['index.html', 'read.html', 'prerendered.js']) {
    const revision = new RegExp(`\\{url:\\s*"${file.replace('.', '\\.')}",\\s*revision:\\s*"([0-9a-f]+)"\\}`).exec(sw)?.[1]
    expect(revision, `${file}'s revision in sw.js`).toBe(createHash('md5').update(readFileSync(join(DIST, file))).digest('hex'))
  }
})
