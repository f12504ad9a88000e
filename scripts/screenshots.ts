// Screenshots of every slide of the built deck (dist/) in light and dark, at the
// last click step, for a person to look at: `npm run shots` → shots/{light,dark}/NN.png.
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { loadDeck } from '../lib/deck-source'
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from '../lib/chromium'
import { serve } from '../lib/serve'

const executablePath = findChromium()
if (!executablePath) {
  console.error(HOW_TO_GET_ONE)
  process.exit(1)
}

const site = await serve('dist')
const total = (await loadDeck()).slides.length
// `npm run shots -- 3 10` shoots only those slides.
const only = process.argv.slice(2).map(Number)
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })

for (const colorScheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 720 } })
  mkdirSync(`shots/${colorScheme}`, { recursive: true })
  for (let n = 1; n <= total; n++) {
    if (only.length && !only.includes(n))
      continue
    // `?clicks=99` shows every click step, as the PDF does.
    await page.goto(`${site.url}/${n}?clicks=99`)
    await page.locator(`.slidev-page-${n}`).waitFor()
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(400) // transitions settle; a picture for people, not a test
    await page.screenshot({ path: `shots/${colorScheme}/${String(n).padStart(2, '0')}.png` })
  }
  await page.close()
}
await browser.close()
await site.close()
console.log('screenshots in shots/light and shots/dark')
