// The byte budgets, in one place: the budget tests (tests/performance-budgets.spec.ts)
// enforce them and the bench's report (lib/bench/report.ts) sets its figures beside them.
export const KB = 1024

/** Bytes (gzip) slide 1 may need before it is visible… */
export const COVER_BUDGET = 250 * KB
/** …and at most this share of what the plain reference deck needs. */
export const COVER_VS_REFERENCE = 0.6
/** The whole first visit, with a service worker's precache if there is one (gzip). */
export const FIRST_VISIT_BUDGET = 1.2 * KB * KB
/** Bytes (gzip) a phone held upright may need before the reading view's first heading shows. */
export const READING_VIEW_BUDGET = 260 * KB
/** Bytes (gzip) before a pre-rendered page's first paint: the HTML and what blocks its rendering, for `/` and every `/N`. */
export const FIRST_PAINT_BUDGET = 30 * KB
