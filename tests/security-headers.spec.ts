import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SLIDES_PDF } from 'slidev-addon-audience/lib/deck-files'
import { directives } from 'slidev-addon-audience/lib/host-headers'
import { serve } from 'slidev-addon-audience/lib/serve'
import { BOTH_SCHEMES, expect, reportCspViolations, test, watchPage } from './support/deck'
import { DECK_PORT, PAGES_PORT, SUB_DIST, SUB_PATH, SUB_SPA_PORT } from './support/servers'

// What the hosts send (netlify.toml, vercel.json; read by lib/host-headers.ts and sent
// by the tests' server, lib/serve.ts), and that the deck runs under that policy.
const POLICY = {
  'default-src': ['\'self\''],
  'script-src': ['\'self\''],
  'object-src': ['\'none\''],
  'base-uri': ['\'self\''],
  'frame-ancestors': ['\'none\''],
  // `wss:` for a build that follows a broker elsewhere (LIVE_URL): each page's own
  // policy narrows it (PAGE_POLICY), and a page is held to both.
  'connect-src': ['\'self\'', 'wss:'],
  'font-src': ['\'self\'', 'data:'],
}
/** The policy each built page carries itself (a meta tag): what the header says, narrower. */
const PAGE_POLICY = {
  ...POLICY,
  'connect-src': ['\'self\''],
}
const REVALIDATE = 'public, max-age=0, must-revalidate'
const IMMUTABLE = 'public, max-age=31536000, immutable'

const hosts = [
  {
    name: 'Netlify (netlify.toml)',
    origin: `http://127.0.0.1:${DECK_PORT}`,
    base: '/',
    dist: 'dist',
  },
  {
    name: 'Vercel (vercel.json)',
    origin: `http://127.0.0.1:${SUB_SPA_PORT}`,
    base: SUB_PATH,
    dist: SUB_DIST,
  },
]

for (const host of hosts) {
  test(`${host.name} sends the security headers on every path, and caches only hashed files for good`, async ({ request }) => {
    const asset = `assets/${readdirSync(join(host.dist, 'assets')).find(f => f.endsWith('.js'))}`
    const paths: [string, string][] = [
      ['', REVALIDATE],
      ['7', REVALIDATE],
      ['presenter/3', REVALIDATE],
      ['index.html', REVALIDATE],
      ['404.html', REVALIDATE],
      ['sw.js', REVALIDATE],
      [asset, IMMUTABLE],
      [SLIDES_PDF, REVALIDATE],
    ]
    for (const [path, cache] of paths) {
      const res = await request.get(`${host.origin}${host.base}${path}`)
      const headers = res.headers()
      const at = `${host.name}: ${host.base}${path}`
      expect(res.status(), at).toBe(200)
      expect(directives(headers['content-security-policy'] ?? ''), `${at}: Content-Security-Policy`).toMatchObject(POLICY)
      expect(directives(headers['content-security-policy'])['style-src'], at).toEqual(['\'self\'', '\'unsafe-inline\''])
      expect(headers['x-content-type-options'], at).toBe('nosniff')
      expect(headers['referrer-policy'], at).toBe('strict-origin-when-cross-origin')
      for (const feature of ['camera', 'microphone', 'geolocation'])
        expect(headers['permissions-policy'], `${at}: Permissions-Policy denies ${feature}`).toContain(`${feature}=()`)
      expect(headers['cache-control'], `${at}: Cache-Control`).toBe(cache)
    }
  })
}

test.describe('on GitHub Pages', () => {
  test.use({ baseURL: `http://127.0.0.1:${PAGES_PORT}/`, fallback404: true })

  test('a host that sends no headers still gets the policy from the page, less frame-ancestors', async ({ deck, page }) => {
    const res = await page.goto('7')
    expect(res?.headers()['content-security-policy']).toBeUndefined()
    await expect(deck.slide(7)).toBeVisible()
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content') ?? ''
    const { 'frame-ancestors': _cannot, ...rest } = PAGE_POLICY
    expect(directives(meta)).toMatchObject(rest)
    expect(directives(meta)['frame-ancestors']).toBeUndefined()
  })
})

test('every built page\'s own policy connects to nothing but its own origin', () => {
  for (const dist of ['dist', SUB_DIST]) {
    const pages = readdirSync(dist).filter(f => f.endsWith('.html'))
    expect(pages.length, dist).toBeGreaterThan(20)
    for (const file of pages) {
      const html = readFileSync(join(dist, file), 'utf8')
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1].replace(/&#39;/g, '\'')
      expect(meta, `${dist}/${file} carries the policy`).toBeTruthy()
      expect(directives(meta!)['connect-src'], `${dist}/${file}`).toEqual(PAGE_POLICY['connect-src'])
      expect(html, `${dist}/${file} follows no broker`).not.toContain('name="lp-live"')
    }
  }
})

test('the presenter view and the overview run under the policy with no violation', { tag: BOTH_SCHEMES }, async ({ deck, page }) => {
  test.slow()
  const response = await page.goto('1')
  expect(response?.headers()['content-security-policy'], 'the page came with the policy').toContain('script-src \'self\'')
  // The talk itself, every click of every slide, is walked under the same policy in
  // tests/walking-the-talk.spec.ts: here the presenter view and the overview.
  await page.goto('presenter/1')
  await expect(page.locator('.slidev-note').first()).toBeVisible()
  for (let i = 0; i < 5; i++)
    await page.keyboard.press('ArrowRight')
  await page.goto('3')
  await page.keyboard.press('o')
  const cards = page.locator('.z-modal .slidev-page')
  await expect(cards).toHaveCount(deck.slides.length)
  await cards.last().scrollIntoViewIfNeeded()
  await expect(cards.last()).toBeVisible()
  // Every diagram drawn in the overview too.
  const diagrams = deck.slides.flatMap(s => s.diagrams).length
  await expect.poll(() => page.locator('.z-modal .mermaid').evaluateAll(els => els.filter(e => e.shadowRoot?.querySelector('svg')).length)).toBe(diagrams)
  expect(deck.errors().filter(e => e.includes('CSP violation') || e.includes('Content Security Policy'))).toEqual([])
  // deck.errors() as a whole is checked by the fixture when the test ends.
})

test('an inline script and an off-site font break the policy, and the check names both', async ({ page }) => {
  const site = await serve('tests/fixtures/csp-violations', { headers: 'netlify' })
  try {
    const errors = watchPage(page, new URL(site.url).origin)
    await reportCspViolations(page)
    await page.goto(`${site.url}/`)
    await expect(page.locator('h1')).toBeVisible()
    await expect.poll(() => errors.filter(e => e.startsWith('console error: CSP violation'))).toEqual(expect.arrayContaining([
      expect.stringMatching(/script-src-elem blocked an inline script/),
      expect.stringMatching(/font-src blocked https:\/\/fonts\.example\.com\/offsite\.woff2/),
    ]))
    expect(await page.evaluate(() => document.body.dataset.inline), 'the inline script did not run').toBeUndefined()
  }
  finally {
    await site.close()
  }
})
