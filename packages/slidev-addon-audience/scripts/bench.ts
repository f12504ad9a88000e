import type { Browser } from 'playwright-core'
import type { Deck, Sample } from '../lib/bench/measure'
import type { BenchResults, DeckName, Stat } from '../lib/bench/report'
// `npm run bench`: how heavy and how fast our deck is, beside a plain Slidev deck
// built with the same Slidev in the same run. A benchmark, not a test: it prints a
// table, writes the figures to bench/results.json and bench/README.md from them,
// and never fails on a timing.
//
//   npm run bench                      # 3 runs, PDF export included
//   npm run bench -- --runs 5 --no-pdf --out /tmp/bench.json
//   npm run bench -- --report          # only write bench/README.md again from the JSON
//
// Measuring is in lib/bench/measure.ts, reporting in lib/bench/report.ts (the tests check it);
// each run also runs Lighthouse's mobile preset on both decks (lib/bench/lighthouse.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { runLighthouse } from '../lib/bench/lighthouse'
import { distFigures, exportPdf, firstVisit, readingVisit, throttledVisit, timed, walk } from '../lib/bench/measure'
import { writeReferenceDeck } from '../lib/bench/reference-deck'
import { collect, ratios, renderReadme, resultsTable, ROWS, stat, unitOf } from '../lib/bench/report'
import { CHROMIUM_ARGS, requireChromium } from '../lib/chromium'
import { loadDeck } from '../lib/deck-source'
import { script, slidev, tsx } from '../lib/run'
import { serve } from '../lib/serve'

const README = 'bench/README.md'
const BEFORE = 'bench/before.json'
/** Written by `npm run bench:room` (scripts/bench/room.ts). */
const ROOM = 'bench/room.json'

const { values: args } = parseArgs({
  options: {
    'runs': { type: 'string', default: '3' },
    'dwell': { type: 'string', default: '400' },
    'no-pdf': { type: 'boolean', default: false },
    'out': { type: 'string', default: 'bench/results.json' },
    'report': { type: 'boolean', default: false },
    'help': { type: 'boolean', default: false },
  },
})
if (args.help) {
  console.log(`npm run bench -- [--runs N (3)] [--dwell MS (400)] [--no-pdf] [--out FILE (bench/results.json)] [--report]`)
  process.exit(0)
}

function writeReadme(results: BenchResults): void {
  writeFileSync(README, renderReadme(results, JSON.parse(readFileSync(BEFORE, 'utf8')), JSON.parse(readFileSync(ROOM, 'utf8'))))
  console.log(`${README} written from ${relative('.', args.out)}`)
}

if (args.report) {
  writeReadme(JSON.parse(readFileSync(args.out, 'utf8')))
  process.exit(0)
}

const RUNS = Math.max(1, Number(args.runs))
/** How long the presenter stays on a slide before pressing → (ms). */
const DWELL = Number(args.dwell)
const executablePath = requireChromium()

const work = mkdtempSync(join(tmpdir(), 'lp-bench-'))
const decks: Deck[] = [
  {
    name: 'ours',
    entry: 'slides.md',
    out: join(work, 'ours'),
    slides: (await loadDeck()).slides.length,
  },
  {
    name: 'reference',
    entry: writeReferenceDeck(),
    out: join(work, 'reference'),
    slides: 3,
  },
]
const once: Record<DeckName, Sample> = { ours: {}, reference: {} }
const samples: Record<DeckName, Sample[]> = { ours: [], reference: [] }
const walks: Record<DeckName, number[]> = { ours: [], reference: [] }
const servers: Awaited<ReturnType<typeof serve>>[] = []
let browser: Browser | undefined

try {
  for (const deck of decks) {
    process.stdout.write(`building ${deck.name}… `)
    // Ours is built as `npm run build` builds it (which also exports the PDF
    // download and the preview image); the reference as a plain `slidev build`.
    const buildMs = deck.name === 'ours'
      ? timed(tsx(script('build.ts'), ['--out', deck.out], { quiet: true }), 'npm run build')
      : timed(slidev(['build', deck.entry, '--out', deck.out], { quiet: true }), 'slidev build')
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
    const order = i % 2
      ? [...decks].reverse()
      : decks
    for (const deck of order) {
      process.stdout.write(`run ${i + 1}/${RUNS} ${deck.name}… `)
      const sample: Sample = {
        ...await firstVisit(browser, deck),
        ...await readingVisit(browser, deck),
        ...await throttledVisit(browser, deck),
        ...await runLighthouse(`${deck.url}/`, executablePath),
      }
      const times = await walk(browser, deck, DWELL)
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
      Object.assign(once[deck.name], await exportPdf(deck, work, executablePath))
      console.log(`${(once[deck.name].pdfMs / 1000).toFixed(1)} s`)
    }
  }
}
finally {
  await browser?.close()
  await Promise.all(servers.map(s => s.close()))
}

function summary(name: DeckName): Record<string, Stat> {
  return {
    ...collect(samples[name]),
    ...Object.fromEntries(Object.entries(once[name]).map(([k, v]) => [
      k,
      stat([v]),
    ])),
    // Over every timed press of every run, not the median of run medians.
    nextSlideMs: stat(walks[name]),
    nextSlideWorstMs: stat([
      Math.max(...walks[name]),
    ]),
  }
}
const results = {
  ours: summary('ours'),
  reference: summary('reference'),
}

const chromiumVersion = await chromium.launch({ executablePath, args: CHROMIUM_ARGS }).then(async (b) => {
  const v = b.version()
  await b.close()
  return v
})
const bench: BenchResults = {
  date: new Date().toISOString(),
  runs: RUNS,
  dwellMs: DWELL,
  machine: {
    cpus: cpus().length,
    node: process.version,
    chromium: chromiumVersion,
    slidev: JSON.parse(readFileSync('node_modules/@slidev/cli/package.json', 'utf8')).version,
  },
  slides: { ours: decks[0].slides, reference: decks[1].slides },
  units: Object.fromEntries(ROWS.map(([k, , unit]) => [
    k,
    unitOf(unit),
  ])),
  ratio: ratios(results),
  results,
}
console.log(`\n${RUNS} run(s), ours ${decks[0].slides} slides, reference ${decks[1].slides} slides\n\n${resultsTable(bench)}\n`)
mkdirSync(dirname(args.out), { recursive: true })
writeFileSync(args.out, `${JSON.stringify(bench, null, 2)}\n`)
console.log(`figures written to ${relative('.', args.out)}`)
if (args.out === 'bench/results.json')
  writeReadme(bench)
rmSync(work, { recursive: true, force: true })
