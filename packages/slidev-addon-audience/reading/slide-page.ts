// A slide's pre-rendered page (N.html): the built index.html with the slide on its canvas
// and the reading view at that slide in #app, the CSS rules both use, how the snapshot
// sits before and after the app starts, the slide's preview tags, and the pages'
// script (reading/page/) in place of the app's entry. scripts/prerender.ts writes them.
import { CANVAS } from '../lib/canvas'
import { ATTR, CLASS, ID, PAGE_SCRIPT, PHONE_UPRIGHT } from './contract'
import { readingPageCss } from './page-html'

/** Link previews cut descriptions at about this many characters. */
const DESCRIPTION_MAX = 200

export interface SlideCapture {
  /** The slide container with only this slide in it. */
  html: string
  /** The slide's heading, its other visible text, and its diagrams' descriptions. */
  title: string
  text: string
  diagramText: string
  allText: string
  /** The CSS rules the snapshot uses (`#page-root`'s aimed at its stand-in). */
  css: string[]
  /** The fonts it loaded (URL paths). */
  fonts: string[]
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

function clip(text: string, max = DESCRIPTION_MAX): string {
  if (text.length <= max)
    return text
  const cut = text.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.–-]+$/, '')}…`
}

/**
 * Two views' rules as one list: `first`'s in its order, and each rule only `second`
 * uses right after the shared rule it follows in `second`. The order decides between
 * rules of equal weight, and the two pages loaded their stylesheets in different orders.
 */
function mergeRules(first: string[], second: string[]): string[] {
  const shared = new Set(first)
  const after = new Map<string | undefined, string[]>()
  let anchor: string | undefined
  for (const rule of second) {
    if (shared.has(rule)) {
      anchor = rule
    }
    else {
      after.set(anchor, [
        ...after.get(anchor) ?? [],
        rule,
      ])
    }
  }
  return [
    ...new Set([
      ...after.get(undefined) ?? [],
      ...first.flatMap(rule => [
        rule,
        ...after.get(rule) ?? [],
      ]),
    ]),
  ]
}

/**
 * The CSS of a slide's page: the rules its views use (the reading view's in the order
 * its page loaded them: see mergeRules), which view shows, and how the snapshot sits
 * before and after the app starts.
 */
function snapshotCss(first: string[], second: string[] = []): string {
  const rules = mergeRules(first, second)
  const app = `html.${CLASS.app}`
  const noJs = `html:not(.${CLASS.app}):not(.${CLASS.reading})`
  return [
    ...rules,
    // The slide on its canvas: placed and scaled as the app will (SlideContainer.vue).
    `.${CLASS.snapSlide}{position:fixed;inset:0;z-index:10;pointer-events:none}`,
    // The ratio of two lengths as tan(atan2()): the Nu Html Checker's CSS parser (and
    // browsers before typed calc() arithmetic) reads no length divided by a length.
    `.${CLASS.snapSlide} .slidev-slide-content{--slidev-slide-scale:min(tan(atan2(100vw, ${CANVAS.width}px)), tan(atan2(100dvh, ${CANVAS.height}px)))}`,
    `.${CLASS.snapRead}{display:none}`,
    ...readingPageCss(),
    // Without JavaScript, the screen's shape picks the view.
    `@media ${PHONE_UPRIGHT}{${noJs} .${CLASS.snapSlide}{display:none}${noJs} .${CLASS.snapRead}{display:block}`
    + `${noJs},${noJs} body,${noJs} #app{height:auto!important;overflow:visible!important}}`,
    `.${CLASS.noSnapshot} #${ID.snapshot}{display:none}`,
    // With the app, the snapshot lies over it while it draws underneath, unseen: what
    // moves while it settles is no shift a visitor sees (nor one the browser counts),
    // and it paints first when reading/takeover.ts removes the snapshot.
    `${app}:has(#${ID.snapshot}) #app{visibility:hidden}`,
    `#${ID.snapshot}{visibility:visible}`,
  ].join('\n')
}

function setMeta(html: string, key: string, value: string): string {
  const attr = key.startsWith('og:') || key.startsWith('twitter:')
    ? 'property'
    : 'name'
  const tag = `<meta ${attr}="${key}" content="${escapeHtml(value)}">`
  const existing = new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="[^"]*">`)
  return existing.test(html)
    ? html.replace(existing, tag)
    : html.replace('</head>', `${tag}\n</head>`)
}

interface PageParts {
  /** What the address shows: a slide number, or `read`. */
  shows: string
  /** The snapshot's views. */
  views: string
  css: string
  fonts: string[]
}

/** The built index.html with a snapshot in #app, its CSS, and the app started once the page has loaded. */
function withSnapshot(shell: string, base: string, parts: PageParts): string {
  let html = shell
  // The app's own stylesheets load without holding up the first paint (the snapshot
  // carries the rules it needs); reading/takeover.ts turns them on before the app mounts.
  html = html.replace(/<link rel="stylesheet"([^>]*)>/g, `<link rel="stylesheet"$1 media="print" ${ATTR.deferred}>`)
  // The app's code is not fetched on load: the page's script (reading/page/) starts it,
  // with the same modules the built page preloads, once the page has painted and
  // loaded its fonts; or never, when the page is the reading view.
  const preloads = [
    ...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\n?/g),
  ]
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\n?/.exec(html)
  if (!entry || !preloads.length)
    throw new Error('the built index.html has no module script or preloads to start the app with')
  for (const tag of [
    entry[0],
    ...preloads.map(p => p[0]),
  ])
    html = html.replace(tag, '')
  const guard = [
    `src="${base}${PAGE_SCRIPT}"`,
    `data-shows="${parts.shows}"`,
    `data-entry="${entry[1]}"`,
    `data-preload="${preloads.map(p => p[1]).join(' ')}"`,
  ].join(' ')
  // The snapshot's CSS ends the <head>, after the app's stylesheets, so its rules win
  // over theirs (in <body>, valid HTML lets a <style> style only what follows it, and
  // these rules style <html> and <body> too).
  const head = [
    ...parts.fonts.map(f => `<link rel="preload" href="${f}" as="font" type="font/woff2" crossorigin>`),
    `<script ${guard}></script>`,
    `<style id="${ID.snapshotCss}">${parts.css}</style>`,
  ].join('\n')
  html = html.replace('</head>', `${head}\n</head>`)
  // Inside #app, for readers without JavaScript; reading/takeover.ts
  // moves it out before Vue mounts (which empties #app), its CSS into it: after every
  // stylesheet the app adds to <head>, so while the app's own CSS comes in the
  // snapshot's rules still win (they are the same rules) and it does not move; and
  // when it is removed, its rules are gone too.
  return html.replace('<div id="app"></div>', `<div id="app"><div id="${ID.snapshot}" data-shows="${parts.shows}">${parts.views}</div></div>`)
}

export function slidePage(shell: string, base: string, n: number, shot: SlideCapture, reading: { html: string, css: string[] }, deckTitle: string): string {
  let html = shell
  if (n > 1) {
    // The slide's own words: its heading, then its paragraphs and lists, else its
    // diagrams' descriptions, else whatever else it shows, else the heading again.
    const description = clip(squash(shot.text) || squash(shot.diagramText) || squash(shot.allText) || shot.title)
    html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(`${shot.title} · ${deckTitle}`)}</title>`)
    html = setMeta(html, 'description', description)
    html = setMeta(html, 'og:title', shot.title)
    html = setMeta(html, 'og:description', description)
  }
  // The cover's picture too: it is the link preview of the deck's own address.
  html = setMeta(html, 'og:image', `${base}og/${n}.png`)
  return withSnapshot(html, base, {
    shows: String(n),
    views: `<div class="${CLASS.snapSlide} grid grid-cols-[1fr_max-content]">${shot.html}</div><div class="${CLASS.snapRead}">${reading.html}</div>`,
    css: snapshotCss(reading.css, shot.css),
    fonts: shot.fonts,
  })
}
