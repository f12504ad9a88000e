// Lighthouse for `npm run bench`: one run of Lighthouse's default (mobile) preset,
// simulated slow 4G and a 4× slower CPU, on a deck served on 127.0.0.1, with the
// system Chromium and no network beyond this machine.
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Off-site requests (the reference deck's Google Fonts) fail at once.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
]

/** The four category scores (0–100) and the metrics, as `npm run bench` reports them. */
export type LighthouseFigures = Record<'lhPerformance' | 'lhAccessibility' | 'lhBestPractices' | 'lhSeo' | 'lhFcpMs' | 'lhLcpMs' | 'lhTbtMs' | 'lhCls' | 'lhBytes', number>

export async function runLighthouse(url: string, chromePath: string): Promise<LighthouseFigures> {
  const chrome = await launch({ chromePath, chromeFlags: FLAGS, logLevel: 'silent' })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [
        'performance',
        'accessibility',
        'best-practices',
        'seo',
      ],
    })
    if (!result)
      throw new Error(`Lighthouse returned nothing for ${url}`)
    const { categories, audits, runtimeError } = result.lhr
    if (runtimeError)
      throw new Error(`Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`)
    const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100)
    const value = (id: string) => audits[id]?.numericValue ?? Number.NaN
    return {
      lhPerformance: score('performance'),
      lhAccessibility: score('accessibility'),
      lhBestPractices: score('best-practices'),
      lhSeo: score('seo'),
      lhFcpMs: value('first-contentful-paint'),
      lhLcpMs: value('largest-contentful-paint'),
      lhTbtMs: value('total-blocking-time'),
      lhCls: value('cumulative-layout-shift'),
      lhBytes: value('total-byte-weight'),
    }
  }
  finally {
    chrome.kill()
  }
}
