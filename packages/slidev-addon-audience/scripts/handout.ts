import { renameSync } from 'node:fs'
import { join, resolve } from 'node:path'
// The handout PDF, written into a built site by `npm run build` (scripts/build.ts):
// the reading view (/read?handout) printed by Chromium, so each slide shows in its
// final state with its speaker notes beneath it, as the same components draw it.
// Tagged (headings, reading order), with an outline from the slide titles and the
// deck's title in its metadata; the cover's link to DECK_URL, when set, stays a link.
//   tsx scripts/handout.ts <built site dir> [base]
import process from 'node:process'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, requireChromium } from '../lib/chromium'
import { HANDOUT_PDF } from '../lib/deck-files'
import { fail } from '../lib/options'
import { serve } from '../lib/serve'
import { HANDOUT_PAGE } from '../reading/contract'

async function printHandout(dir: string, base: string, executablePath: string): Promise<string> {
  const site = await serve(dir, { base })
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    // A4's printable width at 96 dpi, so the page lays out as it will print.
    const page = await browser.newPage({
      viewport: { width: 680, height: 960 },
      colorScheme: 'light',
      serviceWorkers: 'block',
    })
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    await page.goto(`${site.url}/${HANDOUT_PAGE}`)
    await page.locator('.reading-slide').first().waitFor({ timeout: 60_000 })
    // Every diagram drawn, every font loaded.
    await page.waitForFunction(() => document.fonts.status === 'loaded'
      && [
        ...document.querySelectorAll('.lp-diagram'),
      ].every(d => d.querySelector('.mermaid')?.shadowRoot?.querySelector('svg')), undefined, { timeout: 60_000 })
    if (errors.length)
      throw new Error(`the reading view failed: ${errors.join('; ')}`)
    const output = join(dir, HANDOUT_PDF)
    await page.pdf({
      path: `${output}.partial`,
      format: 'A4',
      margin: {
        top: '15mm',
        bottom: '15mm',
        left: '15mm',
        right: '15mm',
      },
      printBackground: true,
      tagged: true,
      outline: true,
    })
    renameSync(`${output}.partial`, output)
    return output
  }
  finally {
    await browser.close()
    await site.close()
  }
}

const [dir, base = '/'] = process.argv.slice(2)
if (!dir)
  fail('usage: tsx scripts/handout.ts <built site dir> [base]', 2)
const executablePath = requireChromium('The build needs it for the handout PDF.')
const output = await printHandout(resolve(dir), base, executablePath)
console.log(`✔ handout ${output}`)
