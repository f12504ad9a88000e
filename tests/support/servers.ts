// Where playwright.config.ts serves the built deck and the fixture decks.
// PORT_BASE moves them all, so two checkouts can run their tests side by side.
const base = Number(process.env.PORT_BASE ?? 4173)
export const DECK_PORT = base
/** tests/fixtures/broken-diagram: a deck whose diagram does not parse. */
export const FIXTURE_PORT = base + 1
export const FIXTURE_URL = `http://127.0.0.1:${FIXTURE_PORT}`
/** tests/fixtures/broken-slides: one deliberately broken slide per quality gate. */
export const BROKEN_SLIDES_PORT = base + 2
export const BROKEN_SLIDES_URL = `http://127.0.0.1:${BROKEN_SLIDES_PORT}`
