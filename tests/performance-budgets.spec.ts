import type { Browser, Page } from '@playwright/test'
import type { Library } from './support/chunks'
// Performance budgets, in bytes (timings live in `npm run bench`, never here).
// Sizes are the gzip size (level 6) of each file as the built site serves it,
// which is what a host that compresses sends. Each failure lists the files
// behind the number, largest first, so the message says which file grew.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { COVER_BUDGET, COVER_VS_REFERENCE, FIRST_VISIT_BUDGET, KB, READING_VIEW_BUDGET } from 'slidev-addon-audience/lib/budgets'
import { readChunkMap } from 'slidev-addon-audience/lib/chunk-map'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { gzipSize, precacheList, readVisit, settle, watchFirstPaint, wholeVisit } from 'slidev-addon-audience/lib/first-visit'
import { liveClientFiles } from 'slidev-addon-audience/lib/precache'
import { CHUNK_MAP, LIBRARIES, libraryFiles, NEEDS, precacheOrDist, withoutHash } from './support/chunks'
import { expect, test, watchPage } from './support/deck'
import { tap } from './support/keyboard'
import { heldUpright } from './support/reading'
import { REFERENCE_URL } from './support/servers'

const DIST = 'dist'

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`

/** gzip sizes of what the site serves, by URL, fetched once. */
const sizes = new Map<string, Promise<number>>()
function servedGzip(page: Page, url: string): Promise<number> {
  if (!sizes.has(url))
    sizes.set(url, page.request.get(url).then(async r => gzipSize(await r.body())))
  return sizes.get(url)!
}

interface Cost { total: number, files: { path: string, bytes: number }[] }

async function cost(page: Page, origin: string, paths: string[]): Promise<Cost> {
  const files = await Promise.all(paths.map(async path => ({ path, bytes: await servedGzip(page, origin + path) })))
  files.sort((a, b) => b.bytes - a.bytes)
  return {
    total: files.reduce((n, f) => n + f.bytes, 0),
    files,
  }
}

/**
 * What a phone with an empty cache fetches before slide 1 of the deck at `origin` is
 * painted: the slide itself, or with `reading`, the reading view the deck's address opens.
 */
async function coverCost(page: Page, origin: string, reading = false): Promise<Cost> {
  await watchFirstPaint(page, 1, reading ? 'reading' : 'slides')
  await page.goto(reading
    ? `${origin}/`
    : `${origin}/1`)
  const { visibleAt, fetched } = await readVisit(page)
  return cost(page, origin, fetched.filter(f => f.startTime <= visibleAt).map(f => f.path))
}

async function referenceCoverCost(browser: Browser): Promise<Cost> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 915 },
    isMobile: true,
  })
  // The reference deck asks Google Fonts for its fonts; not our site, not counted.
  await context.route(url => url.hostname !== '127.0.0.1', route => route.abort())
  const page = await context.newPage()
  const result = await coverCost(page, REFERENCE_URL)
  await context.close()
  return result
}

function table(files: { path: string, bytes: number }[], compare?: Map<string, number>, limit = 15): string {
  return files.slice(0, limit).map(({ path, bytes }) => {
    const ref = compare?.get(withoutHash(path))
    const beside = compare
      ? (ref === undefined
          ? '  (not in the reference deck)'
          : `  (reference: ${kb(ref)}, ${bytes >= ref
            ? '+'
            : ''}${kb(bytes - ref)})`)
      : ''
    return `  ${kb(bytes).padStart(9)}  ${path}${beside}`
  }).join('\n')
}

test('the cover needs at most 250 KB gzip before it shows, and at most 0.6× a plain Slidev deck', async ({ deck, browser, baseURL }) => {
  test.setTimeout(120_000)
  await deck.page.setViewportSize({ width: 412, height: 915 })
  const ours = await coverCost(deck.page, baseURL!)
  // The reference races Mermaid's chunks against its first paint; take the median of three.
  const refs = [await referenceCoverCost(browser), await referenceCoverCost(browser), await referenceCoverCost(browser)]
  const reference = refs.sort((a, b) => a.total - b.total)[1]
  const refByName = new Map(reference.files.map(f => [
    withoutHash(f.path),
    f.bytes,
  ]))
  const limit = Math.min(COVER_BUDGET, COVER_VS_REFERENCE * reference.total)
  expect(ours.total, [
    `Slide 1 needs ${kb(ours.total)} gzip in ${ours.files.length} files before it is visible;`,
    `the budget is ${kb(limit)} (250 KB, and 0.6 × the reference deck's ${kb(reference.total)}).`,
    `Largest files before the cover shows:`,
    table(ours.files, refByName),
  ].join('\n')).toBeLessThanOrEqual(limit)
})

test(`a phone held upright needs at most ${READING_VIEW_BUDGET / KB} KB gzip before the reading view's first heading shows`, async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    ...heldUpright(),
    baseURL,
  })
  const page = await context.newPage()
  const ours = await coverCost(page, baseURL!.replace(/\/$/, ''), true)
  await expect(page).toHaveURL(/\/read$/)
  await context.close()
  expect(ours.total, [
    `The reading view's first heading needs ${kb(ours.total)} gzip in ${ours.files.length} files; the budget is ${kb(READING_VIEW_BUDGET)}.`,
    `Largest files before it shows:`,
    table(ours.files),
  ].join('\n')).toBeLessThanOrEqual(READING_VIEW_BUDGET)
})

test('the reading view\'s Vue code is fetched neither for the slides nor for the reading page (a static page)', async ({ deck }) => {
  expect(existsSync(join(DIST, CHUNK_MAP))).toBe(true)
  const chunks = readChunkMap(DIST)
  const reading = Object.keys(chunks).filter(f => chunks[f].modules.some(m => m.endsWith('reading/ReadingView.vue')))
  expect(reading, 'chunks holding reading/ReadingView.vue').toHaveLength(1)
  const { page } = deck
  const { fetched } = await wholeVisit(page, '/1')
  expect(fetched.map(f => f.path).filter(p => reading.some(r => p.endsWith(`/${r}`)))).toEqual([])
  await page.goto('/read')
  await expect(page.locator('.reading-slide').first()).toBeVisible()
  const later = await page.evaluate(() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname))
  expect(later.filter(p => reading.some(r => p.endsWith(`/${r}`))), 'the reading page fetched the app\'s reading view').toEqual([])
})

test('the live client (MQTT.js) is fetched by no first visit and held by no offline precache', async ({ deck }) => {
  const live = liveClientFiles(DIST)
  const chunks = readChunkMap(DIST)
  expect(live.flatMap(f => chunks[f].modules).filter(m => m.startsWith('mqtt/')), 'MQTT.js is in the live client\'s files').not.toEqual([])
  expect(precacheList(DIST).filter(f => live.includes(f)), 'the offline precache').toEqual([])
  const { fetched } = await wholeVisit(deck.page, '/1')
  expect(fetched.map(f => f.path.replace(/^\//, '')).filter(f => live.includes(f)), 'the first visit').toEqual([])
})

test('the whole first visit, with the offline precache, stays under 1.2 MB gzip', async ({ deck, baseURL }) => {
  const { page } = deck
  const { fetched } = await wholeVisit(page, '/1')
  const visited = await cost(page, baseURL!, [
    ...new Set(fetched.map(f => f.path)),
  ])
  // The service worker's precache, when the build has one, minus what the visit fetched anyway.
  const seen = new Set(fetched.map(f => f.path.replace(/^\//, '')))
  const precache = precacheList(DIST).filter(f => !seen.has(f))
  const precached = precache.map(f => ({
    path: `/${f} (precache)`,
    bytes: gzipSize(readFileSync(join(DIST, f))),
  }))
  const files = [
    ...visited.files,
    ...precached,
  ].sort((a, b) => b.bytes - a.bytes)
  const total = files.reduce((n, f) => n + f.bytes, 0)
  expect(total, [
    `The first visit fetches ${kb(visited.total)} gzip in ${visited.files.length} files`
    + `${precached.length
      ? `, and the service worker precaches ${precached.length} more`
      : ''}: ${kb(total)} in all;`,
    `the budget is ${kb(FIRST_VISIT_BUDGET)}. Largest files:`,
    table(files),
  ].join('\n')).toBeLessThan(FIRST_VISIT_BUDGET)
})

test.describe('walking the deck from the first slide to the last', () => {
  test.describe.configure({ mode: 'serial' })

  /** Every request of the walk, with the slide that was current when it started. */
  const fetched: { path: string, slide: number }[] = []
  let errors: string[] = []

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(180_000)
    const page = await browser.newPage({
      baseURL,
      viewport: { width: 1280, height: 720 },
    })
    errors = watchPage(page, new URL(baseURL!).origin)
    const total = (await loadDeck()).slides.length
    page.on('request', (req) => {
      const url = new URL(req.url())
      const slide = Number(new URL(page.url()).pathname.split('/').pop())
      if (url.origin === new URL(baseURL!).origin)
        fetched.push({ path: url.pathname, slide })
    })
    await page.goto('/1')
    await expect(page.locator('.slidev-page-1')).toBeVisible()
    // Long enough for Slidev's "load every slide after 3 s".
    await settle(page, { minMs: 5000, quietMs: 1000 })
    for (let n = 2; n <= total; n++) {
      await tap(page, 'ArrowDown') // next slide, skipping click steps
      await expect(page.locator(`.slidev-page-${n}`)).toBeVisible()
      await expect(page).toHaveURL(new RegExp(`/${n}(\\?|$)`))
      await settle(page, { minMs: 0, quietMs: 500 })
    }
    await page.close()
  })

  test('Mermaid, Shiki, KaTeX and Monaco load only when a slide that uses them is current or next', async () => {
    const { slides } = await loadDeck()
    const uses = (lib: Library, n: number) => !!slides[n - 1] && NEEDS[lib].test(slides[n - 1].content)
    const code = libraryFiles(DIST)
    const early: string[] = []
    for (const lib of Object.keys(LIBRARIES) as Library[]) {
      for (const { path, slide } of fetched) {
        if ([...code[lib]].some(f => path.endsWith(`/${f}`)) && !uses(lib, slide) && !uses(lib, slide + 1))
          early.push(`${lib}: ${path} fetched on slide ${slide}; neither it nor slide ${slide + 1} uses ${lib}`)
      }
    }
    expect(early, 'library code fetched away from the slides that use it').toEqual([])
    // The check can see Mermaid: the deck has diagrams, so their code was fetched at some point.
    expect(fetched.filter(f => [...code.Mermaid].some(m => f.path.endsWith(`/${m}`))).length).toBeGreaterThan(0)
    expect(errors, 'console errors, page errors, failed or off-site requests').toEqual([])
  })

  test('the offline precache holds only the library code the deck uses', async () => {
    const code = libraryFiles(DIST)
    const used = new Set(fetched.map(f => f.path.replace(/^\//, '')))
    const unused = precacheOrDist(DIST, precacheList(DIST))
      .filter(f => Object.values(code).some(set => set.has(f)) && !used.has(f))
      .map(f => ({
        path: f,
        bytes: gzipSize(readFileSync(join(DIST, f))),
      }))
      .sort((a, b) => b.bytes - a.bytes)
    const total = unused.reduce((n, f) => n + f.bytes, 0)
    expect(unused.map(f => f.path), [
      `${unused.length} files (${kb(total)} gzip) of library code would be precached but no slide uses them:`,
      table(unused, undefined, 20),
    ].join('\n')).toEqual([])
  })
})
