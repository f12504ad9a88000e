import { existsSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
// `npm run build [-- --base /sub/path/] [-- --out dir] [other slidev build flags]`
// The static site, with the PDF download (built in the same step, with the
// Chromium that lib/chromium.ts finds) and the cover as og-image.png.
// Builds into a temporary folder and swaps it in only when everything worked,
// so a failed build never leaves a half-written dist/.
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { requireChromium } from '../lib/chromium'
import { checkBase, checkDeckUrl, fail, flagValue } from '../lib/options'
import { slidev, tsx } from '../lib/run'
import { writeHandout } from './handout'

/** The link preview image (seoMeta.ogImage in slides.md); Slidev copies it into the site. */
const OG_IMAGE = 'og-image.png'

/**
 * Build the site into `out` with `slidevArgs` passed on to `slidev build`.
 * Stops the process with one line on bad input, a missing browser or a failed step.
 */
export function buildSite(out: string, slidevArgs: string[]): void {
  const problem = checkBase(flagValue(slidevArgs, '--base')) ?? checkDeckUrl(process.env.DECK_URL)
  if (problem)
    fail(problem, 2)
  const executablePath = requireChromium('The build needs it for the PDF download and the preview image.')

  const partial = `${out}.partial`
  const shots = `${out}.og`
  const failed = (step: string): never => {
    rmSync(partial, { recursive: true, force: true })
    rmSync(shots, { recursive: true, force: true })
    rmSync(OG_IMAGE, { force: true })
    fail(`${step} failed; ${existsSync(out)
      ? 'the previous build is untouched'
      : 'nothing was written'}.`)
  }
  rmSync(partial, { recursive: true, force: true })
  rmSync(shots, { recursive: true, force: true })

  // The cover, rendered fresh for every build: Slidev's own `ogImage: auto`
  // cannot be pointed at a system Chromium.
  if (!slidev([
    'export',
    '--format',
    'png',
    '--range',
    '1',
    '--output',
    shots,
    '--executable-path',
    executablePath,
    '--timeout',
    '120000',
  ]).ok) {
    failed('rendering the cover for og-image.png')
  }
  renameSync(resolve(shots, '1.png'), OG_IMAGE)
  rmSync(shots, { recursive: true, force: true })

  const built = slidev([
    'build',
    '--out',
    partial,
    '--executable-path',
    executablePath,
    '--with-toc',
    '--timeout',
    '120000',
    ...slidevArgs,
  ]).ok
  rmSync(OG_IMAGE, { force: true })
  if (!built || !existsSync(resolve(partial, 'index.html')))
    failed('slidev build')
  if (!writeHandout(partial, flagValue(slidevArgs, '--base')))
    failed('printing the handout PDF (scripts/handout.ts)')
  if (!tsx('scripts/prerender.ts', [partial, flagValue(slidevArgs, '--base') ?? '/']).ok)
    failed('pre-rendering the slides (scripts/prerender.ts)')
  rmSync(out, { recursive: true, force: true })
  renameSync(partial, out)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2)
  const out = resolve(flagValue(argv, '--out') ?? 'dist')
  buildSite(out, argv.filter((arg, i) => !(arg === '--out' || arg.startsWith('--out=') || argv[i - 1] === '--out')))
  console.log(`✔ built ${out}`)
}
