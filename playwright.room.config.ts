import { defineConfig } from '@playwright/test'
import { ROOM_PROJECT, roomServer } from './tests/support/room'

// The room specs alone (`npm run test:room`): the rooms (`npm run present`) against their
// real servers and brokers, started as the README says (tests/support/rooms.ts), on
// loopback only: one with the embedded broker, one following Mosquitto. `npm test` runs
// the same project inside playwright.config.ts, beside the rest of the suite.
export default defineConfig({
  testDir: 'tests',
  workers: 1,
  reporter: [
    ['list'],
  ],
  projects: [ROOM_PROJECT],
  webServer: roomServer(),
})
