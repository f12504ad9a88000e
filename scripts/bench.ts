// `npm run bench`: how heavy and how fast our deck is, beside a plain Slidev deck
// built with the same Slidev in the same run. A benchmark, not a test: it prints a
// table and writes the figures as JSON, and never fails on a timing.
//
//   npm run bench                      # 3 runs, PDF export included
//   npm run bench -- --runs 5 --no-pdf --out /tmp/bench.json
//
// Both decks are built into a temporary folder, served as a static host serves
// them (gzip on, SPA rewrites; lib/serve.ts) on 127.0.0.1 and a free port,
// and loaded in headless Chromium, alternating ours and the reference each run.
// Each run also runs Lighthouse's mobile preset on both (scripts/lighthouse.ts).
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { gzipSize, precacheList, readVisit, settle, watchFirstPaint } from '../tests/support/first-visit'
import { loadDeck } from '../tests/support/source'
import { CHROMIUM_ARGS, requireChromium } from '../lib/chromium'
import { runLighthouse } from './lighthouse'
import { writeReferenceDeck } from './reference-deck'
import { serve } from '../lib/serve'

const { values: args } = parseArgs({
  options: {
    'runs': { type: 'string', default: '3' },
    'dwell': { type: 'string', default: '400' },
    'no-pdf': { type: 'boolean', default: false },
    'out': { type: 'string', default: 'bench/results.json' },
    'help': { type: 'boolean', default: false },
  },
})
if (args.help) {
  console.log(`npm run bench -- [--runs N (3)] [--dwell MS (400)] [--no-pdf] [--out FILE (bench/results.json)]`)
  process.exit(0)
}
const RUNS = Math.max(1, Number(args.runs))
/** How long the presenter stays on a slide before pressing → (ms). */
const DWELL = Number(args.dwell)

const executablePath = requireChromium()

/** Chrome DevTools' "Fast 4G" preset (bytes per second, ms). */
const FAST_4G = { offline: false, downloadThroughput: 9_000_000 / 8 * 0.9, uploadThroughput: 1_500_000 / 8 * 0.9, latency: 60 * 2.75 }
/** A mid-range phone's screen, where the audience opens the link. */
const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true }
/** The presenter's laptop. */
const LAPTOP = { viewport: { width: 1280, height: 720 } }

type Sample = Record<string, number>
interface Deck { name: 'ours' | 'reference', entry: string, out: string, slides: number, url?: string }

// ---------------------------------------------------------------- build, size, PDF

function run(cmd: string, argv: string[]): Promise<number> {
  const start = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (d) => { err += d })
    child.on('error', reject)
    child.on('exit', code => code === 0
      ? resolve(performance.now() - start)
      : reject(new Error(`${cmd} ${argv.join(' ')} failed (${code}):\n${err.slice(-2000)}`)))
  })
}

const SLIDEV = 'node_modules/.bin/slidev'

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(d => d.isFile())
    .map(d => join(d.parentPath, d.name))
}

function distFigures(dir: string): Sample {
  const files = filesOf(dir)
  const precache = precacheList(dir)
  return {
    distFiles: files.length,
    distBytes: files.reduce((n, f) => n + statSync(f).size, 0),
    distGzipBytes: files.reduce((n, f) => n + gzipSize(readFileSync(f)), 0),
    precacheFiles: precache.length,
    // NaN (shown as "–") when the build has no service worker.
    precacheGzipBytes: precache.length ? precache.reduce((n, f) => n + gzipSize(readFileSync(join(dir, f))), 0) : Number.NaN,
  }
}

async function exportPdf(deck: Deck, dir: string): Promise<Sample> {
  const output = join(dir, `${deck.name}.pdf`)
  const ms = await run(SLIDEV, ['export', deck.entry, '--executable-path', executablePath!, '--timeout', '60000', '--output', output])
  return { pdfMs: ms, pdfMsPerSlide: ms / deck.slides, pdfBytes: statSync(output).size }
}

// ---------------------------------------------------------------- in the browser

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** A first visit on a phone with an empty cache: the cover, then everything until the page is quiet. */
async function firstVisit(browser: Browser, deck: Deck): Promise<Sample> {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  await watchFirstPaint(page)
  await page.goto(`${deck.url}/1`)
  const { visibleAt } = await readVisit(page)
  await settle(page)
  const { fetched } = await readVisit(page)
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

/** The same cold visit with the CPU throttled 4× and DevTools' "Fast 4G" network. */
async function throttledVisit(browser: Browser, deck: Deck): Promise<Sample> {
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
 * The presenter's walk through the deck: from slide 1, pressing → (after `DWELL` ms on
 * each slide), the time from the key press to the next slide visible with every
 * Mermaid diagram in it drawn (an <svg> in its shadow root), one more frame painted.
 * Presses that only reveal a click step are not timed.
 */
async function walk(browser: Browser, deck: Deck): Promise<number[]> {
  const context = await browser.newContext(LAPTOP)
  const page = await context.newPage()
  await watchFirstPaint(page)
  await page.goto(`${deck.url}/1`)
  await readVisit(page)
  await settle(page)
  const times: number[] = []
  let current = 1
  for (let presses = 0; current < deck.slides && presses < deck.slides * 10; presses++) {
    await page.waitForTimeout(DWELL)
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
      await page.waitForFunction('window.__painted !== null', undefined, { timeout: 30_000 })
      times.push(await page.evaluate('window.__painted') as number)
      current = now
    }
    else {
      await page.evaluate('window.__stop = true')
    }
  }
  await context.close()
  if (current !== deck.slides)
    throw new Error(`${deck.name}: → stopped at slide ${current} of ${deck.slides}`)
  return times
}

// ---------------------------------------------------------------- figures

interface Stat { median: number, min: number, max: number, samples: number[] }

function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
  return { median, min: s[0], max: s[s.length - 1], samples }
}

function collect(samples: Sample[]): Record<string, Stat> {
  const keys = [...new Set(samples.flatMap(s => Object.keys(s)))]
  return Object.fromEntries(keys.map(k => [k, stat(samples.map(s => s[k]).filter(v => v !== undefined))]))
}

const ROWS: [key: string, label: string, unit: 'KB' | 'ms' | 'n' | 'MB' | 's' | 'score' | 'CLS'][] = [
  ['lhPerformance', 'Lighthouse mobile: performance', 'score'],
  ['lhAccessibility', 'Lighthouse mobile: accessibility', 'score'],
  ['lhBestPractices', 'Lighthouse mobile: best practices', 'score'],
  ['lhSeo', 'Lighthouse mobile: SEO', 'score'],
  ['lhFcpMs', 'Lighthouse mobile: first contentful paint', 'ms'],
  ['lhLcpMs', 'Lighthouse mobile: largest contentful paint', 'ms'],
  ['lhTbtMs', 'Lighthouse mobile: total blocking time', 'ms'],
  ['lhCls', 'Lighthouse mobile: cumulative layout shift', 'CLS'],
  ['lhBytes', 'Lighthouse mobile: bytes (total byte weight)', 'KB'],
  ['beforeVisibleBytes', 'slide 1: bytes before visible (gzip)', 'KB'],
  ['beforeVisibleRequests', 'slide 1: requests before visible', 'n'],
  ['firstVisitBytes', 'first visit: bytes (gzip, + precache)', 'KB'],
  ['firstVisitRequests', 'first visit: requests (+ precache)', 'n'],
  ['visibleMs', 'slide 1 visible', 'ms'],
  ['visibleThrottledMs', 'slide 1 visible, CPU 4x + Fast 4G', 'ms'],
  ['nextSlideMs', '→ next slide painted (median)', 'ms'],
  ['nextSlideWorstMs', '→ next slide painted (worst)', 'ms'],
  ['buildMs', 'build time', 's'],
  ['distBytes', 'dist/ size', 'MB'],
  ['distGzipBytes', 'dist/ size (gzip)', 'MB'],
  ['precacheGzipBytes', 'service-worker precache (gzip)', 'KB'],
  ['pdfMsPerSlide', 'PDF export per slide', 'ms'],
  ['pdfMs', 'PDF export total', 's'],
  ['pdfBytes', 'PDF size', 'KB'],
]

function fmt(v: number, unit: string): string {
  if (unit === 'KB')
    return (v / 1024).toFixed(1)
  if (unit === 'MB')
    return (v / 1024 / 1024).toFixed(2)
  if (unit === 's')
    return (v / 1000).toFixed(1)
  if (unit === 'CLS')
    return v.toFixed(3)
  return v.toFixed(0)
}

function cell(s: Stat | undefined, unit: string): string {
  if (!s || Number.isNaN(s.median))
    return '–'
  return s.min === s.max ? fmt(s.median, unit) : `${fmt(s.median, unit)} (${fmt(s.min, unit)}–${fmt(s.max, unit)})`
}

// ---------------------------------------------------------------- main

const work = mkdtempSync(join(tmpdir(), 'lp-bench-'))
const decks: Deck[] = [
  { name: 'ours', entry: 'slides.md', out: join(work, 'ours'), slides: (await loadDeck()).slides.length },
  { name: 'reference', entry: writeReferenceDeck(), out: join(work, 'reference'), slides: 3 },
]
const once: Record<string, Sample> = { ours: {}, reference: {} }
const samples: Record<string, Sample[]> = { ours: [], reference: [] }
const walks: Record<string, number[]> = { ours: [], reference: [] }
const servers: Awaited<ReturnType<typeof serve>>[] = []
let browser: Browser | undefined

try {
  for (const deck of decks) {
    process.stdout.write(`building ${deck.name}… `)
    // Ours is built as `npm run build` builds it (which also exports the PDF
    // download and the preview image); the reference as a plain `slidev build`.
    const buildMs = deck.name === 'ours'
      ? await run('node_modules/.bin/tsx', ['scripts/build.ts', '--out', deck.out])
      : await run(SLIDEV, ['build', deck.entry, '--out', deck.out])
    Object.assign(once[deck.name], { buildMs }, distFigures(deck.out))
    console.log(`${(buildMs / 1000).toFixed(1)} s`)
  }
  for (const deck of decks) {
    const server = await serve(deck.out, { gzip: true })
    servers.push(server)
    deck.url = server.url
  }
  // Off-site requests (the reference's Google Fonts) fail at once instead of
  // waiting for a network this machine may not have; they are not counted.
  browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  })
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? [...decks].reverse() : decks
    for (const deck of order) {
      process.stdout.write(`run ${i + 1}/${RUNS} ${deck.name}… `)
      const sample: Sample = { ...await firstVisit(browser, deck), ...await throttledVisit(browser, deck), ...await runLighthouse(`${deck.url}/`, executablePath) }
      const times = await walk(browser, deck)
      walks[deck.name].push(...times)
      samples[deck.name].push({ ...sample, nextSlideMs: stat(times).median, nextSlideWorstMs: stat(times).max })
      console.log(`cover ${sample.visibleMs.toFixed(0)} ms, ${(sample.beforeVisibleBytes / 1024).toFixed(1)} KB`)
    }
  }
  await browser.close()
  browser = undefined
  if (!args['no-pdf']) {
    for (const deck of decks) {
      process.stdout.write(`exporting ${deck.name} to PDF… `)
      Object.assign(once[deck.name], await exportPdf(deck, work))
      console.log(`${(once[deck.name].pdfMs / 1000).toFixed(1)} s`)
    }
  }
}
finally {
  await browser?.close()
  await Promise.all(servers.map(s => s.close()))
}

const results: Record<'ours' | 'reference', Record<string, Stat>> = Object.fromEntries(decks.map(d => [d.name, {
  ...collect(samples[d.name]),
  ...Object.fromEntries(Object.entries(once[d.name]).map(([k, v]) => [k, stat([v])])),
  // Over every timed press of every run, not the median of run medians.
  nextSlideMs: stat(walks[d.name]),
  nextSlideWorstMs: stat([Math.max(...walks[d.name])]),
}] as [string, Record<string, Stat>])) as Record<'ours' | 'reference', Record<string, Stat>>

const ratio = Object.fromEntries(ROWS.map(([k]) => [k, results.ours[k] && results.reference[k]?.median
  ? Number((results.ours[k].median / results.reference[k].median).toFixed(3))
  : null]))

const table = [
  `| metric | unit | ours: median (min–max) | reference: median (min–max) | ours / reference |`,
  `| --- | --- | --- | --- | --- |`,
  ...ROWS.map(([k, label, unit]) => `| ${label} | ${unit} | ${cell(results.ours[k], unit)} | ${cell(results.reference[k], unit)} | ${ratio[k] ?? '–'} |`),
].join('\n')
console.log(`\n${RUNS} run(s), ours ${decks[0].slides} slides, reference ${decks[1].slides} slides\n\n${table}\n`)

const chromiumVersion = await chromium.launch({ executablePath, args: CHROMIUM_ARGS }).then(async (b) => {
  const v = b.version()
  await b.close()
  return v
})
const slidevVersion = JSON.parse(readFileSync('node_modules/@slidev/cli/package.json', 'utf8')).version
mkdirSync(dirname(args.out!), { recursive: true })
writeFileSync(args.out!, `${JSON.stringify({
  date: new Date().toISOString(),
  runs: RUNS,
  dwellMs: DWELL,
  machine: { cpus: cpus().length, node: process.version, chromium: chromiumVersion, slidev: slidevVersion },
  slides: { ours: decks[0].slides, reference: decks[1].slides },
  units: Object.fromEntries(ROWS.map(([k, , unit]) => [k, unit === 'KB' || unit === 'MB' ? 'bytes' : unit === 'n' ? 'count' : unit === 'score' || unit === 'CLS' ? unit : 'ms'])),
  ratio,
  results,
}, null, 2)}\n`)
console.log(`figures written to ${relative('.', args.out!)}`)
rmSync(work, { recursive: true, force: true })
