import { mkdirSync, readFileSync } from 'node:fs'
// Screenshots of every slide of the built deck (dist/) in light and dark, at the
// last click step, for a person to look at: `npm run shots` → shots/{light,dark}/NN.png,
// and shots/contact-sheet.jpg, every slide light beside dark on one page.
import process from 'node:process'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from '../lib/chromium'
import { loadDeck } from '../lib/deck-source'
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
  const page = await browser.newPage({
    colorScheme,
    viewport: { width: 1280, height: 720 },
  })
  mkdirSync(`shots/${colorScheme}`, { recursive: true })
  for (let n = 1; n <= total; n++) {
    if (only.length && !only.includes(n))
      continue
    // `?clicks=99` shows every click step, as the PDF does.
    await page.goto(`${site.url}/${n}?clicks=99`)
    await page.locator(`.slidev-page-${n}`).waitFor()
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(400) // transitions settle; a picture for people, not a test
    // The slide, not the hosted site's "Caching for offline…" badge (as in the PDF).
    await page.screenshot({ path: `shots/${colorScheme}/${String(n).padStart(2, '0')}.png`, style: '.slidev-pwa-indicator { display: none !important; }' })
  }
  await page.close()
}
// The contact sheet is composed by the browser itself: a grid of the shots as data URLs.
const pairs = Array.from({ length: total }, (_, i) => String(i + 1).padStart(2, '0'))
  .filter(nn => !only.length || only.includes(Number(nn)))
function img(scheme: string, nn: string) {
  return `<img alt="" src="data:image/png;base64,${readFileSync(`shots/${scheme}/${nn}.png`).toString('base64')}">`
}
const sheet = await browser.newPage({
  viewport: { width: 1600, height: 900 },
})
await sheet.setContent(`<!doctype html><style>
  body { margin: 0; padding: 16px; background: #777; font: 600 18px system-ui, sans-serif; color: #fff; }
  main { display: grid; grid-template-columns: repeat(2, auto auto); gap: 10px 6px; justify-content: start; }
  figure { display: contents; }
  img { width: 384px; height: 216px; display: block; }
</style><main>${pairs.map(nn => `<figure>${img('light', nn)}${img('dark', nn)}</figure>`).join('')}</main>`)
await sheet.screenshot({
  path: 'shots/contact-sheet.jpg',
  type: 'jpeg',
  quality: 80,
  fullPage: true,
})
await browser.close()
await site.close()
console.log('screenshots in shots/light and shots/dark, all of them in shots/contact-sheet.jpg')
