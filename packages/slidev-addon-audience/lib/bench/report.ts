// What `npm run bench` reports: the figures of each run summed up (median, min–max),
// the table it prints, and bench/README.md, written from bench/results.json (and
// bench/before.json) so that no figure in it can disagree with the measurements.
import { COVER_BUDGET, COVER_VS_REFERENCE, FIRST_PAINT_BUDGET, FIRST_VISIT_BUDGET, KB } from '../budgets'

export interface Stat { median: number, min: number, max: number, samples: number[] }
export type Unit = 'KB' | 'ms' | 'n' | 'MB' | 's' | 'score' | 'CLS'
export type DeckName = 'ours' | 'reference'

/** bench/results.json */
export interface BenchResults {
  date: string
  runs: number
  dwellMs: number
  machine: { cpus: number, node: string, chromium: string, slidev: string }
  slides: Record<DeckName, number>
  units: Record<string, string>
  ratio: Record<string, number | null>
  results: Record<DeckName, Record<string, Stat>>
}

export function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  const median = s.length % 2
    ? s[mid]
    : (s[mid - 1] + s[mid]) / 2
  return {
    median,
    min: s[0],
    max: s[s.length - 1],
    samples,
  }
}

/** Each figure over the runs. */
export function collect(samples: Record<string, number>[]): Record<string, Stat> {
  const keys = [
    ...new Set(samples.flatMap(s => Object.keys(s))),
  ]
  return Object.fromEntries(keys.map(k => [
    k,
    stat(samples.map(s => s[k]).filter(v => v !== undefined)),
  ]))
}

export const ROWS: [key: string, label: string, unit: Unit][] = [
  ['lhPerformance', 'Lighthouse mobile: performance', 'score'],
  ['lhAccessibility', 'Lighthouse mobile: accessibility', 'score'],
  ['lhBestPractices', 'Lighthouse mobile: best practices', 'score'],
  ['lhSeo', 'Lighthouse mobile: SEO', 'score'],
  ['lhFcpMs', 'Lighthouse mobile: first contentful paint', 'ms'],
  ['lhLcpMs', 'Lighthouse mobile: largest contentful paint', 'ms'],
  ['lhTbtMs', 'Lighthouse mobile: total blocking time', 'ms'],
  ['lhCls', 'Lighthouse mobile: cumulative layout shift', 'CLS'],
  ['lhBytes', 'Lighthouse mobile: bytes (total byte weight)', 'KB'],
  ['headingBytes', 'phone held upright: bytes before the first heading (gzip)', 'KB'],
  ['headingRequests', 'phone held upright: requests before the first heading', 'n'],
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

export function unitOf(unit: Unit): string {
  return unit === 'KB' || unit === 'MB'
    ? 'bytes'
    : unit === 'n'
      ? 'count'
      : unit === 'score' || unit === 'CLS'
        ? unit
        : 'ms'
}

function fmt(v: number, unit: Unit): string {
  if (unit === 'KB')
    return (v / KB).toFixed(1)
  if (unit === 'MB')
    return (v / KB / KB).toFixed(2)
  if (unit === 's')
    return (v / 1000).toFixed(1)
  if (unit === 'CLS')
    return v.toFixed(3)
  return v.toFixed(0)
}

function cell(s: Stat | undefined, unit: Unit): string {
  // A figure a deck does not have (no service worker) is NaN, or null once in JSON.
  if (!s || s.median === null || Number.isNaN(s.median))
    return '–'
  return s.min === s.max
    ? fmt(s.median, unit)
    : `${fmt(s.median, unit)} (${fmt(s.min, unit)}–${fmt(s.max, unit)})`
}

/** ours / reference, per figure, where both have one. */
export function ratios(results: BenchResults['results']): Record<string, number | null> {
  return Object.fromEntries(ROWS.map(([k]) => [
    k,
    results.ours[k] && results.reference[k]?.median
      ? Number((results.ours[k].median / results.reference[k].median).toFixed(3))
      : null,
  ]))
}

/** The run's figures as a Markdown table: ours beside the reference deck. */
export function resultsTable(bench: BenchResults): string {
  return [
    `| metric | unit | ours: median (min–max) | reference: median (min–max) | ours / reference |`,
    `| --- | --- | --- | --- | --- |`,
    ...ROWS.map(([k, label, unit]) => `| ${label} | ${unit} | ${cell(bench.results.ours[k], unit)} | ${cell(bench.results.reference[k], unit)} | ${bench.ratio[k] ?? '–'} |`),
  ].join('\n')
}

const about = (b: BenchResults) => `${b.date.slice(0, 10)}, ${b.runs} runs, Slidev ${b.machine.slidev}, Node ${b.machine.node.replace(/^v/, '')}, Chromium ${b.machine.chromium}, ${b.machine.cpus} cores`

/** bench/README.md, from the latest results and the run before the optimisations. */
const ms = (v: number) => `${(v / 1000).toFixed(2)} s`
function mark(ok: boolean) {
  return ok
    ? '(met)'
    : '(not met)'
}
/** A Lighthouse score's median, with its range over the runs. */
function lh(results: BenchResults, deck: DeckName, key: string): string {
  const s = results.results[deck][key]
  return s
    ? `${s.median} (${s.min}–${s.max})`
    : 'n/a'
}

/** A time's median in whole ms, with its range over the runs. */
function msRange(results: BenchResults, deck: DeckName, key: string): string {
  const s = results.results[deck][key]
  return s
    ? `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`
    : 'n/a'
}

/** `npm run bench:room` (scripts/bench/room.ts): a room under a room of followers, one entry per path measured. */
export interface RoomBench {
  /** What carried the moves: 'embedded', 'mosquitto', or the dev server measured before the live path. */
  path: string
  date: string
  machine: string
  followers: number
  moves: number
  intervalMs: number
  delivered: number
  lost: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  idleRssMb: number
  connectedRssMb: number
  peakRssMb: number
  cpuPercent: number
  cpuMsPerMove: number
}

const PATHS: Record<string, string> = {
  'dev-server': 'before: Slidev\'s dev server and sync behind the key (Vite\'s HMR WebSocket; a POST per move)',
  'embedded': '`npm run present`\'s embedded broker (Aedes at /live)',
  'mosquitto': 'Mosquitto 2, the shipped configuration',
}

function renderRoom(rooms: RoomBench[]): string {
  const f = (v: number, digits = 1) => v.toFixed(digits)
  const row = (name: string, cell: (r: RoomBench) => string) => `| ${name} | ${rooms.map(cell).join(' | ')} |`
  return `
## The room

Written by \`npm run bench:room\` (\`scripts/bench/room.ts\`) into \`bench/room.json\`, one column per
path the moves travel. On the live path: the room (\`npm run present\`, its own process) or Mosquitto
on loopback, the followers MQTT.js clients subscribed to the talk's state as the pages are, and the
presenter (an MQTT.js client with the key) moving one move every interval; latency is from the
publish to a follower receiving the move. Followers, presenter and broker share this machine.
Goal: p95 under 250 ms, nothing lost.

| | ${rooms.map(r => PATHS[r.path] ?? r.path).join(' | ')} |
| --- | ${rooms.map(() => '---').join(' | ')} |
${row('measured', r => `${r.date}, ${r.machine}`)}
${row('followers × moves (interval)', r => `${r.followers} × ${r.moves} (${r.intervalMs} ms)`)}
${row('moves received', r => `${r.delivered} of ${r.followers * r.moves}`)}
${row('lost', r => `${r.lost} ${mark(r.lost === 0)}`)}
${row('latency p50 / p95 / max', r => `${f(r.p50Ms)} / ${f(r.p95Ms)} / ${f(r.maxMs)} ms ${mark(r.p95Ms < 250)}`)}
${row('server memory (RSS): idle, connected, peak', r => `${f(r.idleRssMb, 0)} / ${f(r.connectedRssMb, 0)} / ${f(r.peakRssMb, 0)} MB`)}
${row('server CPU while the presenter moves', r => `${f(r.cpuPercent, 0)} % of one core, ${f(r.cpuMsPerMove)} ms per move`)}
`
}

export function renderReadme(now: BenchResults, before: BenchResults, room?: RoomBench[]): string {
  const ours = (k: string) => now.results.ours[k]?.median ?? Number.NaN
  const ref = (k: string) => now.results.reference[k]?.median ?? Number.NaN
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`
  const coverLimit = Math.min(COVER_BUDGET, COVER_VS_REFERENCE * now.results.reference.beforeVisibleBytes.median)
  const history = ROWS.filter(([k]) => before.results.ours[k] && now.results.ours[k])
  return `# Performance

Written by \`npm run bench\` from \`bench/results.json\` and \`bench/before.json\`; do not edit
it by hand (\`npm run bench -- --report\` writes it again from the JSON).

The audience opens the deck on phones over venue Wi-Fi, so the cover has to come first and
light, and the next diagram has to be drawn before the presenter moves on.

## What the bench measures

\`npm run bench\` (\`scripts/bench.ts\`; \`--runs N\`, \`--no-pdf\`, \`--dwell MS\`, \`--out FILE\`) builds
two decks with the same Slidev: ours, as \`npm run build\` builds it, and a reference deck it
writes itself (\`lib/bench/reference-deck.ts\`: default theme and settings, three slides, one
Mermaid flowchart on slide 2). It serves both as a static host does, gzip on
(\`lib/serve.ts\`), and in headless Chromium alternates the two each run
(\`lib/bench/measure.ts\`). Per deck:

- bytes (gzip, as transferred) and requests before slide 1 is visible on a phone-sized
  screen, and for the whole first visit, plus what a service worker precaches;
- bytes and requests before the first heading on a phone held upright at the deck's
  address (ours opens the reading page there, the reference shows its slide);
- the time to slide 1 visible, and again with the CPU throttled 4× and DevTools' "Fast 4G";
- the time from → to the next slide painted with its diagrams, over the whole deck, the
  presenter staying ${now.dwellMs} ms on each slide;
- build time, \`dist/\` size, PDF export time and size;
- Lighthouse's mobile preset on \`/\` (\`lib/bench/lighthouse.ts\`: simulated slow 4G and a 4×
  slower CPU, a 412×823 phone held upright, the system Chromium, no network beyond this
  machine): the four category scores, FCP, LCP, TBT, CLS and the bytes it counted.

It blocks requests that leave the machine (the reference deck asks Google Fonts for its
font), so those bytes count neither way. A benchmark, not a test: no timing fails anything.

## The latest run

${about(now)}. Bytes are exact; times vary from run to run on a shared machine, so compare
ours with the reference in the same run.

${resultsTable(now)}

## Lighthouse and the reading page

Every address of ours is pre-rendered (\`scripts/prerender.ts\`): its HTML holds the slide and
the CSS it uses. Lighthouse's mobile preset is a phone held upright, which gets the reading
page (\`reading/\`): static HTML with one small script for its controls and no Slidev app
until the reader asks for the slides; the rest of the talk comes in from \`read.html\` after
the load. Bar: performance at least 95 with TBT at most 150 ms, FCP at most half the
reference deck's in the same run, CLS 0, accessibility, best practices and SEO at 100.
This run (medians; each run's figure in \`bench/results.json\`):

| | ours | reference | bar |
| --- | --- | --- | --- |
| performance | ${lh(now, 'ours', 'lhPerformance')} | ${lh(now, 'reference', 'lhPerformance')} | 95 ${mark(ours('lhPerformance') >= 95)} |
| first contentful paint | ${ms(ours('lhFcpMs'))} | ${ms(ref('lhFcpMs'))} | ${ms(ref('lhFcpMs') / 2)} ${mark(ours('lhFcpMs') <= ref('lhFcpMs') / 2)} |
| largest contentful paint | ${ms(ours('lhLcpMs'))} | ${ms(ref('lhLcpMs'))} | |
| total blocking time | ${msRange(now, 'ours', 'lhTbtMs')} | ${msRange(now, 'reference', 'lhTbtMs')} | 150 ms ${mark(ours('lhTbtMs') <= 150)} |
| cumulative layout shift | ${ours('lhCls').toFixed(3)} | ${ref('lhCls').toFixed(3)} | 0 ${mark(ours('lhCls') === 0)} |
| accessibility, best practices, SEO | ${lh(now, 'ours', 'lhAccessibility')}, ${lh(now, 'ours', 'lhBestPractices')}, ${lh(now, 'ours', 'lhSeo')} | ${lh(now, 'reference', 'lhAccessibility')}, ${lh(now, 'reference', 'lhBestPractices')}, ${lh(now, 'reference', 'lhSeo')} | 100 ${mark(['lhAccessibility', 'lhBestPractices', 'lhSeo'].every(k => ours(k) === 100))} |
| bytes before the first heading (gzip) | ${kb(ours('headingBytes'))} | ${kb(ref('headingBytes'))} | |

Performance is a weighted score of FCP (10 %), speed index (10 %), LCP (25 %), TBT (30 %) and
CLS (25 %); TBT adds up each task's time past 50 ms between the first paint and the page
being quiet. Until 2026-11-29 a phone started Slidev's app on load (TBT 429–491 ms,
performance 88): its start-up alone was past the bar, whatever was tuned.

## The budgets

Bytes only, enforced by \`tests/performance-budgets.spec.ts\` in \`npm test\` (limits in
\`lib/budgets.ts\`), with this run's figures:

| budget | limit | this run |
| --- | --- | --- |
| slide 1, bytes before it is visible (gzip) | ${kb(COVER_BUDGET)} and ${COVER_VS_REFERENCE}× the reference deck: ${kb(coverLimit)} | ${kb(ours('beforeVisibleBytes'))} |
| the whole first visit, with the offline precache (gzip) | ${kb(FIRST_VISIT_BUDGET)} | ${kb(ours('firstVisitBytes'))} |
| \`/\` and every \`/N\`: the page and what blocks its rendering (gzip) | ${kb(FIRST_PAINT_BUDGET)} | checked by \`tests/first-paint-budgets.spec.ts\` |
| Mermaid, Shiki, KaTeX and Monaco code | fetched only when a slide that uses it is current or next | checked by the tests |
| the offline precache | holds no library code that no slide uses | checked by the tests |

## Since the optimisations began

\`bench/before.json\` (${about(before)}) beside the latest run. What brought the bytes down,
in order: Vue's runtime-only build and \`@slidev/parser/utils\` instead of the parser's core
(\`vite.config.ts\`); Mermaid loaded only when its slide is current or next
(\`components/Mermaid.vue\`); only the Mermaid diagram types and layout the deck draws kept in
the build; only the Latin faces of the fonts (\`styles/fonts.css\`). Offline support (the
service worker's precache) and the PDF in the build came after, and cost bytes on purpose.

| metric | before | now |
| --- | --- | --- |
${history.map(([k, label, unit]) => `| ${label} (${unit}) | ${cell(before.results.ours[k], unit)} | ${cell(now.results.ours[k], unit)} |`).join('\n')}
${room
  ? renderRoom(room)
  : ''}`
}

/** The `p`th percentile of ascending `sorted` (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]
}
