import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { Served } from 'slidev-addon-audience/lib/serve'
import type { RunningBroker } from './support/brokers'
import { createHash } from 'node:crypto'
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { generate } from 'selfsigned'
import { directives } from 'slidev-addon-audience/lib/host-headers'
import { writeLivePages } from 'slidev-addon-audience/lib/live/pages'
import { LIVE_META } from 'slidev-addon-audience/lib/live/topics'
import { serve } from 'slidev-addon-audience/lib/serve'
import { READ_PAGE } from 'slidev-addon-audience/reading/contract'
import { mosquitto } from './support/brokers'
import { tap } from './support/keyboard'
import { pageErrors } from './support/page-errors'
import { heldUpright } from './support/reading'

// A hosted copy of the talk that follows a broker elsewhere: the built site, its pages
// written as a build with LIVE_URL writes them (lib/live/pages.ts, scripts/build.ts),
// served as Netlify serves it (netlify.toml's headers), and Mosquitto with the shipped
// configuration behind TLS (wss://, a certificate made for 127.0.0.1). No room, no
// `npm run present`: the presenter opens /presenter?key=… on the hosted site.
const KEY = 'hosted-build-presenter-key-41c9'

let dir: string
let broker: RunningBroker
let brokerUrl: string
let site: Served

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lp-hosted-'))
  const pems = await generate([
    { name: 'commonName', value: '127.0.0.1' },
  ], {
    keySize: 2048,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  })
  cpSync('dist', join(dir, 'site'), { recursive: true })
  // Mosquitto, started as root, reads its files as the user "mosquitto".
  for (const [name, pem] of [
    ['cert.pem', pems.cert],
    ['key.pem', pems.private],
  ]) {
    writeFileSync(join(dir, name), pem)
    chmodSync(join(dir, name), 0o644)
  }
  chmodSync(dir, 0o755)
  broker = await mosquitto(KEY, undefined, `certfile ${join(dir, 'cert.pem')}\nkeyfile ${join(dir, 'key.pem')}\n`)
  brokerUrl = broker.url.replace(/^ws:/, 'wss:')
  writeLivePages(join(dir, 'site'), [brokerUrl])
  site = await serve(join(dir, 'site'), { headers: 'netlify' })
})

test.afterAll(async () => {
  await site?.close()
  await broker?.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('every page names the broker and may connect to it and to nothing else; the offline copies are the new pages', () => {
  const pages = readdirSync(join(dir, 'site')).filter(f => f.endsWith('.html'))
  expect(pages.length).toBeGreaterThan(20)
  const origin = new URL(brokerUrl).origin.replace(/^http/, 'ws')
  for (const file of pages) {
    const html = readFileSync(join(dir, 'site', file), 'utf8')
    const metas = html.match(new RegExp(`<meta name="${LIVE_META}"[^>]*>`, 'g')) ?? []
    expect(metas, file).toEqual([`<meta name="${LIVE_META}" content="${brokerUrl}">`])
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1].replace(/&#39;/g, '\'')
    expect(directives(policy)['connect-src'], file).toEqual(['\'self\'', origin])
  }
  // Written twice (a build's pages given to a room, say), a page still has one tag.
  writeLivePages(join(dir, 'site'), [brokerUrl])
  expect(readFileSync(join(dir, 'site', 'index.html'), 'utf8').split(`name="${LIVE_META}"`)).toHaveLength(2)
  const sw = readFileSync(join(dir, 'site', 'sw.js'), 'utf8')
  for (const file of ['index.html', READ_PAGE]) {
    const revision = createHash('md5').update(readFileSync(join(dir, 'site', file))).digest('hex')
    expect(sw, `sw.js precaches the live ${file}`).toContain(`{url:"${file}",revision:"${revision}"}`)
  }
  expect(readFileSync('dist/index.html', 'utf8'), 'the build it was copied from is untouched').not.toContain(LIVE_META)
})

interface Device { context: BrowserContext, page: Page, errors: string[] }

async function device(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<Device> {
  // The broker's certificate is this test's own, which no browser trusts.
  const context = await browser.newContext({
    baseURL: site.url,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 720 },
    ...options,
  })
  const page = await context.newPage()
  return {
    context,
    page,
    errors: pageErrors(page),
  }
}

test('the presenter on the hosted site starts the talk where it opens, and moves the slides and the phones; a late joiner opens at the live slide', async ({ browser }) => {
  const presenter = await device(browser)
  const laptop = await device(browser)
  const phone = await device(browser, {
    ...heldUpright(),
    reducedMotion: 'reduce',
  })
  try {
    // The first presenter view on a broker that holds no talk starts it where it opens:
    // the phone is Live on the cover before any move.
    await presenter.page.goto(`/presenter?key=${KEY}`)
    await expect(presenter.page).toHaveURL(/\/presenter\/1(\?|$)/)
    await expect(presenter.page.locator('.slidev-page-1').first()).toBeVisible()
    await laptop.page.goto('/')
    await expect(laptop.page.locator('.slidev-page-1')).toBeVisible()
    await phone.page.goto('/')
    await expect(phone.page.locator('.reading-slide[data-live]')).toHaveAttribute('id', 'slide-1')
    await expect(phone.page.getByRole('status').filter({ hasText: 'Live' })).toContainText('slide 1 of')

    const at = () => Number(new URL(presenter.page.url()).pathname.split('/').pop())
    for (let no = 2; no <= 4; no++) {
      await tap(presenter.page, 'ArrowDown')
      await expect.poll(at).toBe(no)
    }
    await expect(laptop.page).toHaveURL(/\/4(\?|$)/)
    await expect(laptop.page.locator('.slidev-page-4')).toBeVisible()
    await expect(phone.page.locator('.reading-slide[data-live]')).toHaveAttribute('id', 'slide-4')
    await expect(phone.page.getByRole('status').filter({ hasText: 'Live' })).toContainText('slide 4 of')

    const late = await device(browser)
    await late.page.goto('/')
    await expect(late.page).toHaveURL(/\/4(\?|$)/)
    await late.context.close()

    // The page's own policy holds it to its broker: the header's `wss:` opens no other.
    const refused = await laptop.page.evaluate(() => new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', e => resolve(e.violatedDirective), { once: true })
      try {
        void new WebSocket('wss://127.0.0.2:9/')
      }
      catch (e) {
        resolve(`threw ${(e as Error).name}`)
      }
    }))
    expect(refused).toMatch(/connect-src|threw SecurityError/)
    for (const d of [presenter, laptop, phone])
      expect(d.errors.filter(e => !e.includes('127.0.0.2'))).toEqual([])
  }
  finally {
    for (const d of [presenter, laptop, phone])
      await d.context.close()
  }
})
