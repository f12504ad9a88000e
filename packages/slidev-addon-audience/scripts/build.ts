import { existsSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
// `npm run build [-- --base /sub/path/] [-- --out dir] [other slidev build flags]`
// The static site, with the PDF download (built in the same step, with the
// Chromium that lib/chromium.ts finds), the handout and the pre-rendered pages with their
// link preview pictures (og/N.png, the cover's for the deck's own address).
// With LIVE_URL (wss://…, several space-separated for a bridged pair) every page follows
// that broker: a hosted copy of the talk is live (lib/live/pages.ts); the presenter opens
// /presenter?key=… with the key that broker takes. No key enters the build.
// Builds into a temporary folder and swaps it in only when everything worked,
// so a failed build never leaves a half-written dist/.
import process from 'node:process'
import { requireChromium } from '../lib/chromium'
import { brokersFromEnv, checkBrokers, writeLivePages } from '../lib/live/pages'
import { checkBase, checkDeckUrl, deckUrlFromEnv, fail, flagValue } from '../lib/options'
import { script, slidev, tsx } from '../lib/run'

/**
 * Build the site into `out` with `slidevArgs` passed on to `slidev build`.
 * Stops the process with one line on bad input, a missing browser or a failed step.
 */
function buildSite(out: string, slidevArgs: string[]): void {
  // On Netlify and Vercel the host's own variables give the address (lib/options.ts);
  // every step below (vite.config.ts, the handout, the previews) reads DECK_URL.
  const deckUrl = deckUrlFromEnv(process.env)
  if (deckUrl)
    process.env.DECK_URL = deckUrl
  const brokers = brokersFromEnv(process.env)
  const problem = checkBase(flagValue(slidevArgs, '--base')) ?? checkDeckUrl(process.env.DECK_URL) ?? checkBrokers(brokers, true)
  if (problem)
    fail(problem, 2)
  const executablePath = requireChromium('The build needs it for the PDF download and the preview pictures.')

  const partial = `${out}.partial`
  const failed = (step: string): never => {
    rmSync(partial, { recursive: true, force: true })
    fail(`${step} failed; ${existsSync(out)
      ? 'the previous build is untouched'
      : 'nothing was written'}.`)
  }
  rmSync(partial, { recursive: true, force: true })
  const t0 = performance.now()
  const took = (step: string) => console.log(`✔ ${step} at ${((performance.now() - t0) / 1000).toFixed(1)} s`)

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
  if (!built || !existsSync(resolve(partial, 'index.html')))
    failed('slidev build')
  took('slidev build, with the PDF')
  if (!tsx(script('handout.ts'), [partial, flagValue(slidevArgs, '--base') ?? '/']).ok)
    failed('printing the handout PDF (scripts/handout.ts)')
  took('the handout')
  if (!tsx(script('prerender.ts'), [partial, flagValue(slidevArgs, '--base') ?? '/']).ok)
    failed('pre-rendering the slides (scripts/prerender.ts)')
  took('pre-rendering')
  if (brokers.length) {
    writeLivePages(partial, brokers)
    took(`the pages following ${brokers.join(', ')}`)
  }
  rmSync(out, { recursive: true, force: true })
  renameSync(partial, out)
}

const argv = process.argv.slice(2)
const out = resolve(flagValue(argv, '--out') ?? 'dist')
buildSite(out, argv.filter((arg, i) => !(arg === '--out' || arg.startsWith('--out=') || argv[i - 1] === '--out')))
console.log(`✔ built ${out}`)
