// Where playwright.config.ts serves the built deck and the fixture decks.
// PORT_BASE moves them all, so two checkouts can run their tests side by side.
import process from 'node:process'
import { script } from 'slidev-addon-audience/lib/run'

const base = Number(process.env.PORT_BASE ?? 4173)
export const DECK_PORT = base
/** tests/fixtures/broken-diagram: a deck whose diagram does not parse. */
export const FIXTURE_PORT = base + 1
export const FIXTURE_URL = `http://127.0.0.1:${FIXTURE_PORT}`
/** tests/fixtures/broken-slides: one deliberately broken slide per quality gate. */
export const BROKEN_SLIDES_PORT = base + 2
export const BROKEN_SLIDES_URL = `http://127.0.0.1:${BROKEN_SLIDES_PORT}`

/** tests/fixtures/broken-reading: one deliberately broken slide per reading-view check. */
export const BROKEN_READING_PORT = base + 4
export const BROKEN_READING_URL = `http://127.0.0.1:${BROKEN_READING_PORT}`

// Hosting variants (tests/support/sites.ts).
export const PAGES_PORT = base + 5
export const SUB_PAGES_PORT = base + 6
export const SUB_SPA_PORT = base + 7
export const SUB_PATH = '/talks/layered-paradox/'
export const SUB_DIST = 'test-sites/subpath'
/** The GitHub Pages workflow's build step that made SUB_DIST (tests/support/sites.ts writes it). */
export const SUB_BUILT_BY = 'test-sites/subpath.built-by.json'
/** The sub-path build's DECK_URL, so its QR code can be checked. */
export const SUB_DECK_URL = `http://127.0.0.1:${SUB_PAGES_PORT}${SUB_PATH}`
/** What actions/configure-pages would give the workflow for SUB_DECK_URL. */
export const SUB_PAGES = {
  base_path: SUB_PATH.slice(0, -1),
  base_url: SUB_DECK_URL.slice(0, -1),
}
export { SLIDES_PDF as PDF_NAME } from 'slidev-addon-audience/lib/deck-files'
// The plain reference deck the performance budgets compare with (base + 2 is left free).
export const REFERENCE_PORT = base + 3
export const REFERENCE_URL = `http://127.0.0.1:${REFERENCE_PORT}`

/**
 * The small decks built beside the talk and served as Netlify serves a site (tests/support/sites.ts),
 * each at `dir`/dist: `made` writes a deck first.
 */
export const FIXTURE_DECKS: { dir: string, port: number, made?: string }[] = [
  // A tiny deck with a broken diagram, to prove the diagram check can fail.
  { dir: 'tests/fixtures/broken-diagram', port: FIXTURE_PORT },
  // One deliberately broken slide per quality gate, to prove each gate can fail.
  { dir: 'tests/fixtures/broken-slides', port: BROKEN_SLIDES_PORT },
  // One deliberately broken slide per check of the reading view (/read).
  { dir: 'tests/fixtures/broken-reading', port: BROKEN_READING_PORT },
  // A plain Slidev deck (scripts/reference-deck.ts) that the performance budgets compare with.
  {
    dir: 'bench/reference',
    port: REFERENCE_PORT,
    made: script('reference-deck.ts'),
  },
]

/** Slidev's starter deck built with the addon (tests/support/starter.ts), served as Netlify serves a site. */
export const STARTER_PORT = base + 8
export const STARTER_URL = `http://127.0.0.1:${STARTER_PORT}`

/** The four ways the tests host the built deck (tests/support/sites.ts). */
export const HOSTS = [
  {
    name: 'root, SPA rewrites',
    port: DECK_PORT,
    base: '/',
    fallback404: false,
  },
  {
    name: 'root, 404.html only',
    port: PAGES_PORT,
    base: '/',
    fallback404: true,
  },
  {
    name: 'sub-path, 404.html only',
    port: SUB_PAGES_PORT,
    base: SUB_PATH,
    fallback404: true,
  },
  {
    name: 'sub-path, SPA rewrites',
    port: SUB_SPA_PORT,
    base: SUB_PATH,
    fallback404: false,
  },
]
/** The build `npm run test:smoke` checks (playwright.smoke.config.ts). */
export const SMOKE_DIST = 'test-sites/smoke'

// The rooms (`npm run present`, started by tests/support/rooms.ts for
// playwright.room.config.ts): one with its embedded broker, and the phones' network to
// it, a proxy the room spec can cut (tests/the-room-follows-the-talk.spec.ts); one
// whose pages follow Mosquitto (`--broker`), which listens on MOSQUITTO_WS_PORT.
export const ROOM_PORT = base + 10
export const ROOM_NETWORK_PORT = base + 11
/** A room of its own, which tests/the-room-survives-a-restart.spec.ts stops and starts itself. */
export const RESTART_ROOM_PORT = base + 12
export const MOSQUITTO_ROOM_PORT = base + 13
export const MOSQUITTO_WS_PORT = base + 14
export const MOSQUITTO_TCP_PORT = base + 15
