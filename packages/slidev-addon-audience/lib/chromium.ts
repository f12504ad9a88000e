import { existsSync } from 'node:fs'
// Which Chromium the tests, the build and the exports drive, in this order:
// CHROMIUM_PATH, the system's Chromium (Debian's /usr/bin/chromium and friends),
// then Playwright's own downloaded browser. `npm run chromium` (scripts/chromium.ts)
// prints which.
import process from 'node:process'
import { chromium } from 'playwright-core'

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

export const HOW_TO_GET_ONE
  = 'No Chromium found. Install one (Debian: `apt-get install -y chromium`), '
    + 'set CHROMIUM_PATH to a Chromium binary, or run `npx playwright install chromium`.'

/** The browser to launch, or undefined when there is none on this machine. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.CHROMIUM_PATH
  if (fromEnv) {
    return existsSync(fromEnv)
      ? fromEnv
      : undefined
  }
  const system = SYSTEM_PATHS.find(p => existsSync(p))
  if (system)
    return system
  try {
    const own = chromium.executablePath()
    return own && existsSync(own)
      ? own
      : undefined
  }
  catch {
    return undefined
  }
}

/** Flags for headless Chromium on a closed network, as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** The browser, or one line saying how to get one and exit 1; `because` ends that line. */
export function requireChromium(because = ''): string {
  const found = findChromium()
  if (found)
    return found
  console.error(`✖ ${HOW_TO_GET_ONE}${because
    ? ` ${because}`
    : ''}`)
  process.exit(1)
}
