import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, requireChromium } from './lib/chromium'
import { AUDIENCE_HOST, CONNECTIONS_LOG, ROOM_KEY, ROOM_URL } from './tests/support/room'
import { ROOM_PORT } from './tests/support/servers'

// The room (`npm run present`) against its real server, started as the README says,
// on loopback only; its own config, so it does not wait for the static builds that
// playwright.config.ts makes. Every Node process of the server records and refuses any
// connection off this machine (tests/support/no-way-out.ts).
export default defineConfig({
  testDir: 'tests',
  testMatch: ['the-room-follows-the-talk.spec.ts', 'the-room-survives-a-restart.spec.ts'],
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  reporter: [
    ['list'],
  ],
  use: {
    baseURL: ROOM_URL,
    launchOptions: {
      executablePath: requireChromium(),
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${AUDIENCE_HOST} 127.0.0.1`],
    },
    trace: 'retain-on-failure',
    serviceWorkers: 'block',
  },
  webServer: {
    command: `rm -f ${CONNECTIONS_LOG} && npm run present -- --bind 127.0.0.1 --port ${ROOM_PORT}`,
    url: `${ROOM_URL}/`,
    env: {
      PRESENTER_KEY: ROOM_KEY,
      NODE_OPTIONS: '--import ./tests/support/no-way-out.ts',
      NO_WAY_OUT_LOG: CONNECTIONS_LOG,
    },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
})
