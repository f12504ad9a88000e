import type { BrowserContext, Locator, Page } from '@playwright/test'
import type { Headmatter } from '@slidev/types'
import type { SourceSlide } from 'slidev-addon-audience/lib/deck-source'
// The shared fixture every spec uses. It records console errors, page errors,
// Content-Security-Policy violations, failed requests and any request that leaves
// the site, and fails the test at its end if it saw one, so no spec can forget to look.
import { test as base, expect } from '@playwright/test'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { IN_PAGE_HELPERS } from './in-page'

export interface Deck {
  page: Page
  /** The slides as the Markdown defines them (1-based `no`). */
  slides: SourceSlide[]
  /** The deck's headmatter (title, duration, …). */
  headmatter: Headmatter
  /** The talk's duration from the headmatter, in seconds. */
  duration: number
  /** Open slide `n` by URL, optionally at a click step, and wait for it. */
  open: (n: number, clicks?: number) => Promise<Locator>
  /** The rendered slide `n`. */
  slide: (n: number) => Locator
  /** What went wrong so far: console and page errors, failed and off-site requests. */
  errors: () => string[]
}

const deckSource = loadDeck()

export interface WatchOptions {
  /**
   * The host answers unknown paths with 404.html and status 404 (GitHub Pages):
   * a page navigation that gets 404 is then the deck's own fallback, not an error.
   */
  fallback404?: boolean
}

export function watchPage(page: Page, origin: string, { fallback404 = false }: WatchOptions = {}): string[] {
  const errors: string[] = []
  const fallbackPages = new Set<string>()
  page.on('console', (msg) => {
    // Chromium logs the 404 status of a fallback page as an error too.
    if (msg.type() === 'error' && fallbackPages.has(msg.location().url))
      return
    if (msg.type() === 'error')
      errors.push(`console error: ${msg.text()}`)
  })
  page.on('pageerror', err => errors.push(`page error: ${err.message}`))
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.origin !== origin)
      errors.push(`off-site request: ${req.url()}`)
  })
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText ?? ''
    // The page itself cancels requests it no longer needs (a slide left early);
    // that is not a failure of the site.
    if (!failure.includes('ERR_ABORTED'))
      errors.push(`request failed: ${req.url()} (${failure})`)
  })
  page.on('response', (res) => {
    if (fallback404 && res.status() === 404 && res.request().isNavigationRequest()) {
      fallbackPages.add(res.url())
      return
    }
    if (res.status() >= 400)
      errors.push(`HTTP ${res.status()}: ${res.url()}`)
  })
  return errors
}

/**
 * Makes every page of `target` log each Content-Security-Policy violation as a console
 * error naming the directive and the resource, which `watchPage` then records. An init
 * script is injected by the browser's debugging protocol, so the policy does not stop it.
 */
export async function reportCspViolations(target: Page | BrowserContext): Promise<void> {
  // A string, not a function: tsx would wrap a function in helpers the page lacks.
  await target.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
    const what = e.blockedURI && e.blockedURI !== 'inline' ? e.blockedURI : 'an inline ' + (e.effectiveDirective.startsWith('style') ? 'style' : 'script')
    console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + what + (e.sourceFile ? ' (in ' + e.sourceFile + ':' + e.lineNumber + ')' : ''))
  })`)
}

/**
 * Playwright's test, with every page of the test's context prepared: CSP violations
 * reported as console errors, and the gates' in-page helpers (`window.__lp`) defined.
 * Specs on the fixture decks use it as it is; specs on the deck use `test`.
 */
export const plain = base.extend({
  context: async ({ context }, use) => {
    await reportCspViolations(context)
    await context.addInitScript(IN_PAGE_HELPERS)
    await use(context)
  },
})

export const test = plain.extend<{ deck: Deck, fallback404: boolean }>({
  // A pre-rendered page (scripts/prerender.ts) shows a snapshot until the app has drawn
  // the same thing: navigations return once the app has taken over, so a spec meets
  // the app's elements and not their copies. The reading page (<html class="lp-reading">)
  // is its snapshot: no app takes it over.
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      const takenOver = () => page.locator('html:not(.lp-reading) #lp-snapshot').waitFor({ state: 'detached', timeout: 30_000 })
      const goto = page.goto.bind(page)
      const reload = page.reload.bind(page)
      page.goto = async (...args) => {
        const response = await goto(...args)
        await takenOver()
        return response
      }
      page.reload = async (...args) => {
        const response = await reload(...args)
        await takenOver()
        return response
      }
    }
    await use(page)
  },
  fallback404: [
    false,
    { option: true },
  ],
  deck: async ({ page, baseURL, fallback404 }, use) => {
    const errors = watchPage(page, new URL(baseURL!).origin, { fallback404 })
    const { slides, headmatter, duration } = await deckSource
    const slide = (n: number) => page.locator(`.slidev-page-${n}`)
    const deck: Deck = {
      page,
      slides,
      headmatter,
      duration,
      slide,
      errors: () => [...errors],
      async open(n, clicks) {
        // Relative to baseURL, so the same specs run on a sub-path build.
        await page.goto(clicks === undefined
          ? `${n}`
          : `${n}?clicks=${clicks}`)
        await expect(slide(n)).toBeVisible()
        return slide(n)
      },
    }
    await use(deck)
    expect(errors, 'console errors, page errors, failed or off-site requests').toEqual([])
  },
})

export { expect }
export { BOTH_SCHEMES, REDUCED_MOTION } from './tags'

/** Text as a person reads it: one space between words, plain quotes (Slidev prints “smart” ones). */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, '\'').trim()
}
