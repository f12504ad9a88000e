// Where playwright.config.ts serves the built deck and the fixture decks.
// PORT_BASE moves both, so two checkouts can run their tests side by side.
const base = Number(process.env.PORT_BASE ?? 4173)
export const DECK_PORT = base
export const FIXTURE_PORT = base + 1
export const FIXTURE_URL = `http://127.0.0.1:${FIXTURE_PORT}`
// The plain reference deck the performance budgets compare with (base + 2 is left free).
export const REFERENCE_PORT = base + 3
export const REFERENCE_URL = `http://127.0.0.1:${REFERENCE_PORT}`
