// The reading view's contract: the names, the media query, the anchor and the one rule
// for when it opens, shared by the build (reading/capture.ts, slide-page.ts,
// page-html.ts), the pages' script (reading/page/, bundled into prerendered.js), the
// app's side (app-hooks.ts, takeover.ts) and its Vue view (ReadingView.vue). Plain data
// and pure functions only: it runs in Node and in the browser.

/** A phone held upright: the only screen that opens the reading view by itself. */
export const PHONE_UPRIGHT = '(max-width: 600px) and (orientation: portrait)'

/** The reading view's address, under the deck's base; `read.html` is its static page. */
export const READ_PATH = 'read'
export const READ_PAGE = 'read.html'

/** The pages' script, at the site's root: reading/page/ bundled (reading/bundle.ts). */
export const PAGE_SCRIPT = 'prerendered.js'
/** Beside it: the reading page's live follower, a module it imports only in a live talk. */
export const LIVE_SCRIPT = 'live-page.js'

/** sessionStorage: the reader chose the slides in this tab, so a reload keeps them. */
export const CHOSE_SLIDES = 'lp:chose-slides'
/** localStorage: `'false'` once the reader hid the notes (VueUse's useLocalStorage format). */
export const SHOW_NOTES = 'lp:show-notes'
/** localStorage: Slidev's own colour scheme key (`'dark'`, `'light'` or `'auto'`). */
export const COLOR_SCHEME = 'slidev-color-schema'

/** The query that makes the reading view the handout, as its PDF prints it (scripts/handout.ts). */
export const HANDOUT_QUERY = 'handout'
/** The handout's page, under the deck's base. */
export const HANDOUT_PAGE = `${READ_PATH}?${HANDOUT_QUERY}`

/** Queries that keep the slides on any screen: Slidev's print and embed modes, and ours. */
export const KEEP_SLIDES = ['print', 'embedded', 'slides'] as const

/** What the status line says of the offline copy, in the static page and the app's view alike. */
export const OFFLINE = {
  saving: 'Saving for offline…',
  ready: 'Ready offline',
  unavailable: 'Not saved for offline in this browser',
} as const

/** Pixels between the reading bar and a slide opened at its anchor. */
export const ANCHOR_GAP_PX = 8

/** The anchor of slide `no` in the reading view. */
export function slideAnchor(no: number | string): string {
  return `slide-${no}`
}

/** The slide number an anchor names, if it names one. */
export function anchorSlide(hash: string): number | undefined {
  const m = /^#?slide-(\d+)$/.exec(decodeURIComponent(hash))
  return m
    ? Number(m[1])
    : undefined
}

/** Ids, classes and attributes the build writes and the page's scripts read. */
export const ID = {
  /** The pre-rendered views of a page, inside #app. */
  snapshot: 'lp-snapshot',
  /** Their CSS, in the <head> until the app starts (a <style> in <body> may style only what follows it). */
  snapshotCss: 'lp-snapshot-css',
} as const

export const CLASS = {
  /** On <html>: the app starts on this page and takes over the snapshot. */
  app: 'lp-js',
  /** On <html>: this page is the reading view (static page, or the app's route). */
  reading: 'lp-reading',
  /** On <html>: the notes are hidden. */
  notesHidden: 'lp-notes-hidden',
  /** On <html>: the snapshot shows another address than the one asked for. */
  noSnapshot: 'lp-no-snapshot',
  /** The slide on its canvas, and the reading view, in a pre-rendered page. */
  snapSlide: 'lp-snap-slide',
  snapRead: 'lp-snap-read',
  /** An element whose shadow root (a diagram) was written as declarative shadow DOM. */
  shadowHost: 'lp-shadow-host',
  /** The reading view's parts, as reading/ReadingView.vue draws them. */
  view: 'reading-view',
  bar: 'reading-bar',
  main: 'reading-main',
  slide: 'reading-slide',
  notes: 'reading-notes',
  status: 'reading-status',
  /** The handout: the reading view as the PDF prints it. */
  handout: 'handout',
} as const

/** data- attributes the build writes and the page's scripts read. */
export const ATTR = {
  /** On a button: what it does (`slides`, `notes`, `share`). */
  action: 'data-lp-action',
  /** On a pre-rendered page's stylesheet links: the app turns them on when it starts. */
  deferred: 'data-lp-deferred',
} as const

/** The same and Vue's own data- attributes, as `dataset` keys. */
export const DATA = {
  action: 'lpAction',
  /** On an article: its slide number and title; on the view: the deck's title. */
  no: 'no',
  title: 'title',
  /** On the view: every slide is drawn. */
  complete: 'complete',
} as const

/** The custom property holding the reading bar's height (anchors land below it). */
export const BAR_HEIGHT_VAR = '--lp-bar-height'

/**
 * What an address asks for, relative to the deck's base: `read`, a slide number
 * (`/` is slide 1), or anything else as given (`presenter/3`).
 */
export function addressOf(pathname: string, base: string): string {
  if (!pathname.startsWith(base))
    return '?'
  const rest = pathname.slice(base.length).replace(/\.html$/, '').replace(/\/$/, '')
  return rest === '' || rest === 'index'
    ? '1'
    : rest
}

export interface Visit {
  /** addressOf() the location. */
  address: string
  /** matchMedia(PHONE_UPRIGHT).matches */
  phoneUpright: boolean
  /** sessionStorage's CHOSE_SLIDES is set. */
  choseSlides: boolean
  /** The location's query. */
  query: URLSearchParams
}

/**
 * The one rule for when the reading view opens: at its own address, always (but the
 * handout, which the app prints); and on a phone held upright at a slide's address,
 * unless the reader chose the slides in this tab or the query keeps them.
 */
export function opensReading(visit: Visit): boolean {
  if (visit.address === READ_PATH)
    return !visit.query.has(HANDOUT_QUERY)
  return /^\d+$/.test(visit.address)
    && visit.phoneUpright
    && !visit.choseSlides
    && !KEEP_SLIDES.some(k => visit.query.has(k))
}

/**
 * What a deck adds to the reading view and the handout, as components it registers by
 * these names in its own setup/main.ts (`app.component(name, …)`): one under every
 * slide (props `frontmatter` and `no`), and one after the last slide.
 */
export const READING_SLIDE_FOOT = 'ReadingSlideFoot'
export const READING_END = 'ReadingEnd'
