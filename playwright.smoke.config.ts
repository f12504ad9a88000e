import { defineConfig } from '@playwright/test'
import base from './playwright.config'
import { DECK_PORT, SMOKE_DIST } from './tests/support/servers'

// `npm run test:smoke`: one build, served as Netlify serves it, and tests/smoke/ in light
// and dark. The first check after a clone; `npm test` is the full suite.
export default defineConfig({
  ...base,
  testDir: 'tests/smoke',
  testIgnore: [],
  reporter: [
    ['list'],
  ],
  projects: base.projects!.filter(p => p.name === 'light' || p.name === 'dark'),
  webServer: {
    command: `slidev-audience build --out ${SMOKE_DIST} && slidev-audience serve ${SMOKE_DIST} --port ${DECK_PORT} --headers netlify`,
    url: `http://127.0.0.1:${DECK_PORT}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
})
