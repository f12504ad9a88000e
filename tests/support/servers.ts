// Where playwright.config.ts serves the built deck and the fixture decks.
export const DECK_PORT = 4173
export const FIXTURE_PORT = 4174
export const FIXTURE_URL = `http://127.0.0.1:${FIXTURE_PORT}`
