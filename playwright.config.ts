import process from 'node:process'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, requireChromium } from 'slidev-addon-audience/lib/chromium'
import { ROOM_SPECS } from './tests/support/room'
import { DECK_PORT } from './tests/support/servers'
import { PROJECTS } from './tests/support/tags'

const executablePath = requireChromium()

export default defineConfig({
  testDir: 'tests',
  // tests/smoke/ is `npm run test:smoke` (playwright.smoke.config.ts), a subset of this suite;
  // the room specs have their own server and config (playwright.room.config.ts), run after
  // these by npm test: beside them, on a loaded 2-core machine, the 500-question test timed out.
  testIgnore: ['smoke/**', ...ROOM_SPECS],
  timeout: 60_000,
  expect: {
    timeout: 15_000,
    // Baselines of the visual regression gate: tests/__screenshots__/<scheme>/<NN>.png,
    // the same name on every platform (they are made with Debian's Chromium).
    toHaveScreenshot: { pathTemplate: '{testDir}/__screenshots__/{arg}{ext}' },
  },
  fullyParallel: true,
  // Two workers everywhere, as CI has: the 2-core machine these tests are timed on carries two.
  workers: 2,
  forbidOnly: !!process.env.CI,
  // The JSON report is what `npm run test:times` reads (scripts/test-times.ts).
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: 'test-times/report.json' },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${DECK_PORT}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    // Service workers only where a spec asks for them (offline): elsewhere a
    // cached build or the "caching for offline" badge must not change what is tested.
    serviceWorkers: 'block',
  },
  // Colour schemes and reduced motion as projects; a test's tags choose which (tests/support/tags.ts).
  projects: PROJECTS,
  webServer: [
    {
      // The deck as hosts serve it, at / and under a sub-path, and the fixture decks (the broken
      // ones that prove each gate can fail, a plain reference deck): built fresh for every run
      // (site, PDF, handout, pre-rendered pages), never reused. See tests/support/sites.ts.
      command: 'tsx tests/support/sites.ts',
      url: `http://127.0.0.1:${DECK_PORT}/`,
      timeout: 420_000,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
})
