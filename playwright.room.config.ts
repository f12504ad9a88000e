import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, requireChromium } from './lib/chromium'
import { ROOMS } from './tests/support/room'

// The rooms (`npm run present`) against their real servers and brokers, started as the
// README says (tests/support/rooms.ts), on loopback only: one with the embedded broker,
// one following Mosquitto. Its own config, so it does not wait for the static builds
// that playwright.config.ts makes; `npm test` runs it after them, on the same dist/.
export default defineConfig({
  testDir: 'tests',
  testMatch: [
    'the-room-follows-the-talk.spec.ts',
    'the-room-survives-a-restart.spec.ts',
    'the-room-votes-and-asks.spec.ts',
    'the-room-writes-its-report.spec.ts',
  ],
  timeout: 120_000,
  expect: { timeout: 20_000 },
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
