import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
// `npm run print-at-rest [-- --runs 3]`
// The proof that the PDFs show every slide at rest however busy the machine: builds the
// deck `--runs` times as `npm run build` does (Slidev's own PDF export, then the handout)
// while a thread spins on every core, renders every page of each PDF to PNG (pdftoppm,
// from poppler-utils) and compares it with the first run's, pixel for pixel. Prints the
// pages that differ and exits 1 if any does, keeping their PNGs. The deck is copied
// first, so edits made meanwhile are not counted as differences. Slidev's export uses a
// fixed port: run no other build at the same time.
import process from 'node:process'
import { Worker } from 'node:worker_threads'
import { PNG } from 'pngjs'
import { requireChromium } from '../lib/chromium'
import { EXPORT_NAME, HANDOUT_PDF } from '../lib/deck-files'
import { fail, flagValue } from '../lib/options'
import { copyOfProject } from '../lib/project-copy'
import { run, script, slidev, tsx } from '../lib/run'

/** How long the spinning threads may run at most, per run: they stop by themselves after it. */
const LOAD_MINUTES_PER_RUN = 10
/** Fine enough to show a badge a few pixels off, coarse enough to stay quick. */
const DPI = 72

const PDFS = [
  { name: 'slides PDF', file: `${EXPORT_NAME}.pdf` },
  { name: 'handout PDF', file: HANDOUT_PDF },
]

/** One spinning thread per core until `until` (ms since the epoch) or until terminated. */
function loadEveryCore(until: number): Worker[] {
  return Array.from({
    length: availableParallelism(),
  }, () => new Worker(
    'const { workerData } = require(\'node:worker_threads\'); while (Date.now() < workerData.until) {}',
    {
      eval: true,
      workerData: { until },
    },
  ))
}

/** The pages of `pdf` as PNG files `<prefix>-NN.png`, in order. */
function rasterize(pdf: string, prefix: string): string[] {
  if (!run('pdftoppm', [
    '-r',
    String(DPI),
    '-png',
    pdf,
    prefix,
  ], { quiet: true }).ok) {
    throw new Error(`pdftoppm could not render ${pdf}.`)
  }
  const dir = dirname(prefix)
  const stem = prefix.slice(dir.length + 1)
  const page = (file: string) => Number(file.match(/(\d+)\.png$/)![1])
  return readdirSync(dir)
    .filter(f => f.startsWith(`${stem}-`) && f.endsWith('.png'))
    .sort((a, b) => page(a) - page(b))
    .map(f => join(dir, f))
}

/** How two PNGs differ: "" when not at all, else how many pixels or how their sizes do. */
function difference(a: string, b: string): string {
  const x = PNG.sync.read(readFileSync(a))
  const y = PNG.sync.read(readFileSync(b))
  if (x.width !== y.width || x.height !== y.height)
    return `in size, ${x.width}×${x.height} against ${y.width}×${y.height} px`
  let differing = 0
  for (let i = 0; i < x.data.length; i += 4) {
    if (x.data.readUInt32BE(i) !== y.data.readUInt32BE(i))
      differing++
  }
  return differing
    ? `in ${differing} pixels (${(100 * differing / (x.width * x.height)).toFixed(2)} %)`
    : ''
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`

/** Builds and prints the deck copied into `work` `runs` times under load; the pages of each PDF, run by run. */
async function printUnderLoad(work: string, runs: number, executablePath: string): Promise<string[][][]> {
  const deck = copyOfProject(process.cwd(), 'lp-at-rest-deck-')
  const until = Date.now() + runs * LOAD_MINUTES_PER_RUN * 60_000
  const spinners = loadEveryCore(until)
  console.log(`${runs} builds of a copy of the deck in ${work}, ${spinners.length} cores kept busy (at most ${runs * LOAD_MINUTES_PER_RUN} min)`)
  const pages: string[][][] = PDFS.map(() => [])
  try {
    for (let i = 1; i <= runs; i++) {
      const began = performance.now()
      const out = join(work, `run-${i}`)
      const built = slidev([
        'build',
        '--out',
        out,
        '--executable-path',
        executablePath,
        '--with-toc',
        '--timeout',
        '120000',
      ], { cwd: deck, quiet: true })
      if (!built.ok)
        throw new Error(`run ${i}: slidev build failed:\n${built.stderr.trim().split('\n').slice(-15).join('\n')}`)
      if (!tsx(script('handout.ts'), [out], { quiet: true }).ok)
        throw new Error(`run ${i}: printing the handout failed.`)
      PDFS.forEach((pdf, k) => pages[k].push(rasterize(join(out, pdf.file), join(work, `run-${i}-${k}`))))
      rmSync(out, { recursive: true, force: true })
      console.log(`run ${i}: built and printed in ${seconds(performance.now() - began)}${Date.now() > until
        ? ' (the load had already stopped)'
        : ''}`)
    }
  }
  finally {
    await Promise.all(spinners.map(s => s.terminate()))
    rmSync(deck, { recursive: true, force: true })
  }
  return pages
}

async function main(argv: string[]): Promise<void> {
  const runs = Number(flagValue(argv, '--runs') ?? 3)
  if (!Number.isInteger(runs) || runs < 2)
    fail('--runs must be a whole number, 2 or more.', 2)
  if (spawnSync('pdftoppm', ['-v']).error)
    fail('pdftoppm not found: install poppler-utils (Debian: `apt-get install -y poppler-utils`).')
  const executablePath = requireChromium('The build needs it for the PDFs.')

  const start = performance.now()
  const work = mkdtempSync(join(tmpdir(), 'layered-paradox-at-rest-'))
  let pages: string[][][]
  try {
    pages = await printUnderLoad(work, runs, executablePath)
  }
  catch (e) {
    rmSync(work, { recursive: true, force: true })
    fail((e as Error).message)
  }

  let differing = 0
  PDFS.forEach((pdf, k) => {
    const [first, ...others] = pages[k]
    const lines: string[] = []
    others.forEach((pngs, j) => {
      if (pngs.length !== first.length)
        lines.push(`  run ${j + 2} has ${pngs.length} pages, run 1 has ${first.length}`)
      pngs.slice(0, first.length).forEach((png, p) => {
        const how = difference(first[p], png)
        if (how)
          lines.push(`  page ${p + 1}: run ${j + 2} differs from run 1 ${how}`)
      })
    })
    differing += lines.length
    console.log(`${lines.length ? '✖' : '✔'} ${pdf.name}: ${runs} runs × ${first.length} pages, ${lines.length
      ? `${lines.length} differ`
      : 'every page identical in every run'}`)
    lines.forEach(line => console.log(line))
  })
  console.log(`${seconds(performance.now() - start)} in all`)
  if (differing) {
    console.log(`The pages as PNG: ${work}/run-<run>-<0 slides, 1 handout>-<page>.png`)
    process.exit(1)
  }
  rmSync(work, { recursive: true, force: true })
}

await main(process.argv.slice(2))
