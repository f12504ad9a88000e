import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, requireChromium } from 'slidev-addon-audience/lib/chromium'
import { ROOM_SPECS, ROOMS } from './tests/support/room'

// The rooms (`npm run present`) against their real servers and brokers, started as the
// README says (tests/support/rooms.ts), on loopback only: one with the embedded broker,
// one following Mosquitto. Its own config, so it does not wait for the static builds
// that playwright.config.ts makes; `npm test` runs it after them, on the same dist/.
export default defineConfig({
  testDir: 'tests',
  testMatch: ROOM_SPECS,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // The specs share the two rooms: one at a time.
  workers: 1,
  reporter: [
    ['list'],
  ],
  use: {
    launchOptions: {
      executablePath: requireChromium(),
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
    serviceWorkers: 'block',
  },
  webServer: {
    command: 'tsx tests/support/rooms.ts',
    url: `${ROOMS[1].url}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
})
