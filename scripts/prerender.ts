import type { Page } from 'playwright-core'
// Pre-rendered pages: after `slidev build`, every address the deck serves gets an
// HTML file whose body already shows what the app will show there, so the first
// paint needs HTML and CSS only and a browser without JavaScript still sees it.
//
// Slidev 53 has no SSR/SSG path for its player, so the built site is opened in the
// build's Chromium and the rendered DOM (Mermaid's shadow roots as declarative shadow
// DOM) is captured with the CSS rules it uses. Each slide's page carries two views of
// that slide, as the app would show it:
//   - the slide on its canvas (screens, and phones held sideways);
//   - the reading view's bar and that slide's part of it (phones held upright open the
//     reading view by themselves: reading/contract.ts).
// It writes
//   N.html          slide N: both views in #app (#lp-snapshot), the CSS rules they use,
//                   the slide's title and preview tags, a preload for its fonts, and
//                   prerendered.js; the app's own CSS and JS no longer hold up the
//                   first paint
//   index.html      the cover's page (1.html too), with the deck's own preview tags
//   read.html       the reading page: the whole reading view, every slide and its
//                   notes, a document of its own with no app
//   prerendered.js  the pages' script (reading/page/, bundled): picks the view before
//                   the first paint, wires the reading page or starts the app
//   og/N.png        slide N as its link preview image (not in the offline precache)
// and puts index.html, read.html and prerendered.js in the service worker's precache.
// reading/takeover.ts removes the snapshot once the app has drawn the same slide; the
// reading view is read.html, a static page (reading/page/ wires it).
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from '../lib/chromium'
import { loadDeck } from '../lib/deck-source'
import { serve } from '../lib/serve'
import { bundlePageScript, PAGE_SCRIPT } from '../reading/bundle'
import { ANCHOR_GAP_PX, CLASS, ID, PHONE_UPRIGHT, READ_PAGE, READ_PATH, slideAnchor } from '../reading/contract'

/** The slide canvas (Slidev's default canvasWidth and 16:9); previews are drawn at 1.25×, 1225×690. */
const CANVAS = { width: 980, height: 552 }
const PREVIEW_SCALE = 1.25
/** A phone held upright (Lighthouse's mobile preset); the reading view reflows to any width. */
const PHONE = { width: 412, height: 823 }
/** Link previews cut descriptions at about this many characters. */
const DESCRIPTION_MAX = 200

interface SlideCapture {
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

interface ReadingCapture {
  /** Per slide number: the reading view's bar and that slide's part, and the CSS rules they use. */
  slides: Map<number, { html: string, css: string[] }>
  /** The whole reading view and its CSS rules. */
  whole: { html: string, css: string[] }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

function clip(text: string, max = DESCRIPTION_MAX): string {
  if (text.length <= max)
    return text
  const cut = text.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.–-]+$/, '')}…`
}

/**
 * Puts `__lpSnapshot` in the page: serializing elements with their shadow roots, and
 * picking the CSS rules a set of elements uses, in light and dark.
 */
async function installHelpers(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // The stylesheets' own text, for what the CSSOM cannot give back.
    const sources = new Map(await Promise.all([...document.styleSheets].filter(s => s.href).map(async s => [s.href!, await (await fetch(s.href!)).text()] as const)))
    const DYNAMIC = /::?(?:hover|focus-visible|focus-within|focus|active|visited|link|checked|disabled|enabled|before|after|placeholder|selection|marker|backdrop|first-letter|first-line|-webkit-[\w-]+|-moz-[\w-]+)(?![\w-])/g
    const root = document.documentElement
    const scheme = (dark: boolean) => {
      root.classList.toggle('dark', dark)
      root.classList.toggle('light', !dark)
    }
    const hostsIn = (el: Element) => [
      el,
      ...el.querySelectorAll('*'),
    ].filter(e => e.shadowRoot)
    /** Mermaid writes coordinates to 15 digits; whole pixels look the same and weigh a third. */
    const roundShadowCoordinates = (hosts: Element[]) => {
      for (const el of hosts.flatMap(h => [
        ...h.shadowRoot!.querySelectorAll('[d], [points], [transform]'),
      ])) {
        for (const name of ['d', 'points', 'transform']) {
          const value = el.getAttribute(name)
          if (value)
            el.setAttribute(name, value.replace(/-?\d+\.\d+(e-?\d+)?/g, x => String(Math.round(Number(x)))))
        }
      }
    }
    /** `el` itself and what it holds, shadow roots as declarative shadow DOM. */
    const outerHtml = (el: Element): string => {
      const hosts = hostsIn(el)
      roundShadowCoordinates(hosts)
      for (const host of hosts)
        host.classList.add('lp-shadow-host')
      const tag = el.localName
      const attrs = [...el.attributes].map(a => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('')
      const inner = el.getHTML({
        serializableShadowRoots: false,
        shadowRoots: hosts.map(h => h.shadowRoot!),
      })
      return `<${tag}${attrs}>${inner}</${tag}>`
    }
    /**
     * A rule's declarations. Chromium's CSSOM loses a shorthand that holds var() when a
     * longhand of it is set beside it (the icons' `mask: var(--un-icon) no-repeat;
     * mask-size: 100% 100%` reads back as `mask-image: ;`); such a rule is copied
     * from its stylesheet's text.
     */
    const declarations = (rule: CSSStyleRule): string => {
      const style = rule.style
      if (!/(?:^|;)\s*(?!--)[\w-]+:\s*;/.test(style.cssText))
        return style.cssText
      const text = sources.get(rule.parentStyleSheet?.href ?? '') ?? ''
      const at = text.indexOf(`${rule.selectorText}{`)
      if (at < 0)
        throw new Error(`cannot copy ${rule.selectorText} { ${style.cssText} } from ${rule.parentStyleSheet?.href}`)
      const start = at + rule.selectorText.length + 1
      return text.slice(start, text.indexOf('}', start))
    }
    /**
     * Every rule of the page's stylesheets that matches an element in `subtrees` (or
     * <html>, <body>, `singles`) in light or dark, @font-face and custom properties, as top-level rule
     * texts. Interaction states and pseudo-elements are matched without the pseudo part.
     */
    const usedCss = (subtrees: Element[], rename: [string, string][] = [], singles: Element[] = []): string[] => {
      const all = [
        root,
        document.body,
        ...singles,
        ...subtrees.flatMap(el => [
          el,
          ...el.querySelectorAll('*'),
        ]),
      ]
      const matchesAny = (selector: string) => {
        const bare = selector.replace(DYNAMIC, '').replace(/([>+~\s,(]|^)\s*(?=[,)]|$)/g, '$1*')
        try {
          if (all.some(el => el.matches(bare)))
            return true
          scheme(true)
          const dark = all.some(el => el.matches(bare))
          scheme(false)
          return dark
        }
        catch {
          return true
        }
      }
      const keep = (rules: CSSRuleList): string[] => [...rules].flatMap((rule): string[] => {
        if (rule instanceof CSSStyleRule) {
          let selector = rule.selectorText
          for (const [from, to] of rename)
            selector = selector.replaceAll(from, to)
          if (selector === rule.selectorText && !matchesAny(rule.selectorText))
            return []
          return [
            rule.cssRules.length
              ? rule.cssText.replace(rule.selectorText, selector)
              : `${selector}{${declarations(rule)}}`,
          ]
        }
        if (rule instanceof CSSFontFaceRule || rule instanceof CSSLayerStatementRule)
          return [rule.cssText]
        if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule || rule instanceof CSSLayerBlockRule || rule instanceof CSSContainerRule) {
          const inner = keep(rule.cssRules)
          if (!inner.length)
            return []
          return [`${rule.cssText.slice(0, rule.cssText.indexOf('{'))}{${inner.join('')}}`]
        }
        return []
      })
      const light = root.classList.contains('light')
      scheme(false)
      const css = [...document.styleSheets].flatMap(s => keep(s.cssRules))
      scheme(!light)
      return css
    }
    // innerText, not textContent: the words as a reader sees them (no hidden parts, CSS text-transform).
    // eslint-disable-next-line unicorn/prefer-dom-node-text-content
    const text = (el: HTMLElement) => el.innerText.replace(/\s+/g, ' ').trim()
    /**
     * Slidev hands a slide's frontmatter to its layout, and Vue writes each key the
     * layout does not take as an attribute of its root (`frontmatter`, `article="3,4"`,
     * `audience`): no HTML attributes, so the page would not be valid HTML.
     */
    const plainAttributes = (within: Element) => {
      const HTML = /^(?:class|id|style|title|lang|dir|hidden|tabindex|role|aria-[\w-]+|data-[\w-]+)$/
      for (const el of within.querySelectorAll('.slidev-layout')) {
        for (const name of el.getAttributeNames().filter(n => !HTML.test(n)))
          el.removeAttribute(name)
      }
    }
    ;(window as any).__lpSnapshot = {
      outerHtml,
      usedCss,
      hostsIn,
      plainAttributes,
      text,
    }
  })
}

/** Waits until the fonts are in and every diagram host in `scope` has drawn its SVG. */
async function drawn(page: Page, scope: string): Promise<void> {
  await page.waitForFunction((scope) => {
    const els = [
      ...document.querySelectorAll(scope),
    ]
    const wanted = els.flatMap(el => [
      ...el.querySelectorAll('.mermaid, [code-lz], [data-mermaid]'),
    ]).length
    const done = els.flatMap(el => [
      ...el.querySelectorAll('*'),
    ]).filter(e => e.shadowRoot?.querySelector('svg')).length
    // The reading view's diagrams wait as placeholders until they come near the screen.
    const waiting = els.some(el => el.querySelector('.lp-diagram-placeholder'))
    return document.fonts.status === 'loaded' && els.length > 0 && !waiting && done >= wanted
  }, scope, { timeout: 60_000, polling: 100 })
  // Two frames, so transitions that started on load have settled.
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))
}

/** Opens slide `n` on its canvas, waits until it and its diagrams are drawn, and returns its snapshot. */
async function captureSlide(page: Page, url: string, n: number, previewFile: string): Promise<SlideCapture> {
  await page.goto(url)
  await page.locator(`#slide-content .slidev-page-${n}`).waitFor({ state: 'visible', timeout: 60_000 })
  await drawn(page, `#slide-content .slidev-page-${n}`)
  // Only the slide: not the "caching for offline" badge that floats over it.
  await page.locator('#slide-content').screenshot({ path: previewFile, animations: 'disabled', style: '.slidev-pwa-indicator { display: none !important }' })
  await installHelpers(page)

  // innerText, not textContent: the words as a reader sees them (no hidden parts, CSS text-transform).

  return page.evaluate((n) => {
    const { outerHtml, usedCss, hostsIn, plainAttributes, text: textOf } = (window as any).__lpSnapshot
    const fonts = performance.getEntriesByType('resource')
      .map(e => new URL(e.name))
      .filter(u => u.origin === location.origin && /\.woff2?$/.test(u.pathname))
      .map(u => u.pathname)

    const container = document.getElementById('slide-container')!
    const current = container.querySelector<HTMLElement>(`.slidev-page-${n}`)!
    const title = textOf(current.querySelector('h1') ?? document.createElement('h1'))
    const BLOCKS = 'p, li, td, th, blockquote, figcaption'
    const text = [
      ...current.querySelectorAll<HTMLElement>(BLOCKS),
    ]
      .filter(el => !el.parentElement?.closest(BLOCKS) && el.checkVisibility({ opacityProperty: true }))
      .map(textOf)
      .filter(Boolean)
      .join(' ')
    const allText = textOf(current).replace(title, '').trim()
    const diagramText = hostsIn(current).flatMap((h: Element) => [
      ...h.shadowRoot!.querySelectorAll('svg > desc'),
    ].map(d => d.textContent ?? '')).join(' ')

    // Only this slide, no ids the app uses, no state Vue keeps elsewhere.
    for (const other of container.querySelectorAll('.slidev-page')) {
      if (other !== current)
        other.remove()
    }
    for (const el of [
      container,
      ...container.querySelectorAll('[id=slide-content], [id=slideshow]'),
    ])
      el.removeAttribute('id')
    current.classList.remove(`slidev-page-${n}`)
    current.removeAttribute('data-slidev-no')
    plainAttributes(container)
    container.querySelector<HTMLElement>('.slidev-slide-content')!.style.removeProperty('--slidev-slide-scale')
    const html = outerHtml(container)
    const css = usedCss([container], [
      ['#page-root', '.lp-snap-slide'],
    ], [
      document.getElementById('page-root')!,
    ])
    return {
      html,
      title,
      text,
      diagramText,
      allText,
      css,
      fonts,
    }
  }, n)
}

/** Opens the reading view on a phone and captures, for each slide, its bar and that slide's part; and the whole. */
async function captureReading(page: Page, url: string, total: number): Promise<ReadingCapture> {
  await page.goto(url)
  await page.locator(`#${slideAnchor(total)}`).waitFor({ state: 'attached', timeout: 60_000 })
  // Diagrams draw as they come near the screen: bring each slide there once.
  for (let n = 1; n <= total; n++) {
    await page.locator(`#${slideAnchor(n)}`).evaluate(el => el.scrollIntoView())
    await drawn(page, `#${slideAnchor(n)}`)
  }
  await page.evaluate(() => window.scrollTo(0, 0))
  await installHelpers(page)
  const readPath = new URL(url).pathname
  const anchors = Array.from({ length: total + 1 }, (_, n) => slideAnchor(n))
  const { whole, parts } = await page.evaluate(([total, gap, readPath, anchors]) => {
    const { outerHtml, usedCss, plainAttributes } = (window as any).__lpSnapshot
    const anchor = (n: number) => anchors[n]
    const view = document.querySelector<HTMLElement>('.reading-view')!
    const bar = view.querySelector<HTMLElement>('.reading-bar')!
    const main = view.querySelector<HTMLElement>('.reading-main')!
    // Its status line says what the app knows (offline, a copied link); the snapshot knows nothing yet.
    bar.querySelector('[role=status]')!.textContent = ''
    const articles = [
      ...main.querySelectorAll<HTMLElement>(':scope > article'),
    ]
    // No ids, classes or attributes the app finds its own slides by (only the articles'
    // anchors stay).
    plainAttributes(main)
    for (const el of main.querySelectorAll('article *')) {
      el.removeAttribute('id')
      el.removeAttribute('data-slidev-no')
      for (const name of [...el.classList].filter(c => /^slidev-page-\d+$/.test(c)))
        el.classList.remove(name)
    }
    if (articles.length !== total)
      throw new Error(`the reading view shows ${articles.length} slides, not ${total}`)
    const open = (el: Element, extra = '') => `<${el.localName}${[...el.attributes].map(a => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('')}${extra}>`
    const wrap = (pieces: string[], mainExtra = '') => `${open(view)}${outerHtml(bar)}${open(main, mainExtra)}${pieces.join('')}</main></div>`
    // A diagram as drawn for this phone, and narrower on a narrower one (the app draws
    // it again for the width it has): its width as drawn at most, its height to match.
    for (const host of main.querySelectorAll('*')) {
      const svg = host.shadowRoot?.querySelector('svg')
      if (!svg)
        continue
      svg.setAttribute('width', String(Math.ceil(svg.getBoundingClientRect().width)))
      svg.style.maxWidth = '100%'
      svg.style.height = 'auto'
    }
    // Each slide's height at this width, as the size it takes until it nears the screen
    // (content-visibility), so that what is above an anchor stays about the size it will be.
    for (const a of articles)
      a.style.containIntrinsicSize = `auto ${Math.ceil(a.getBoundingClientRect().height)}px`
    const articleHtml = articles.map(a => outerHtml(a))
    const barHeight = bar.getBoundingClientRect().height
    const parts = articles.map((_, i) => {
      const shown = articles.slice(i, i + 2)
      // Without JavaScript, the rest of the talk is one link away (with it, the page fills it in).
      const more = i + 2 < total
        ? `<p><a class="reading-link" href="${readPath}#${anchor(i + 3)}">Read on: slide ${i + 3} of ${total}</a></p>`
        : ''
      return {
        // Where the reading page scrolls an anchored slide: the bar's height rounded up, plus the gap.
        html: wrap([
          ...articleHtml.slice(i, i + 2),
          more,
        ], i
          ? ` style="padding-top:${gap + Math.ceil(barHeight) - barHeight}px"`
          : ''),
        css: usedCss([bar, ...shown], [], [view.parentElement!, view, main]),
      }
    })
    // The whole view ends with what follows the slides (the glossary).
    const after = [...main.children].filter(el => el.localName !== 'article').map(el => outerHtml(el))
    return {
      whole: {
        html: wrap([
          ...articleHtml,
          ...after,
        ]),
        css: usedCss([view], [], [view.parentElement!]),
      },
      parts,
    }
  }, [
    total,
    ANCHOR_GAP_PX,
    readPath,
    anchors,
  ] as const)
  return {
    slides: new Map(parts.map((p, i) => [i + 1, p])),
    whole,
  }
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
 * The reading page (<html class="lp-reading">: read.html as built, a slide's page once
 * reading/page/ chose it): the reading view in the flow, the page scrolling, the notes
 * hidden when the reader hid them.
 */
function readingPageCss(): string[] {
  const reading = `html.${CLASS.reading}`
  return [
    `${reading} .${CLASS.snapRead}{display:block}`,
    `${reading} .${CLASS.snapSlide}{display:none}`,
    `${reading},${reading} body,${reading} #app{height:auto!important;overflow:visible!important}`,
    `${reading}.${CLASS.notesHidden} .${CLASS.notes}{display:none}`,
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
    `.${CLASS.snapSlide} .slidev-slide-content{--slidev-slide-scale:min(calc(100vw / 980px), calc(100dvh / 552px))}`,
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
  html = html.replace(/<link rel="stylesheet"([^>]*)>/g, '<link rel="stylesheet"$1 media="print" data-lp-deferred>')
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
  const head = [
    ...parts.fonts.map(f => `<link rel="preload" href="${f}" as="font" type="font/woff2" crossorigin>`),
    `<script ${guard}></script>`,
  ].join('\n')
  html = html.replace('</head>', `${head}\n</head>`)
  // Inside #app, for readers without JavaScript; reading/takeover.ts
  // moves it out before Vue mounts (which empties #app).
  // Its CSS goes with it, after every stylesheet the app adds to <head>: while the app's
  // own CSS comes in, the snapshot's rules still win (they are the same rules), so it
  // does not move; and when it is removed, its rules are gone too.
  return html.replace('<div id="app"></div>', `<div id="app"><div id="${ID.snapshot}" data-shows="${parts.shows}"><style>${parts.css}</style>${parts.views}</div></div>`)
}

/**
 * The reading page, read.html: the whole reading view as a document of its own, valid
 * HTML, with no app (the page's script wires its controls). From the built index.html's
 * head: its meta tags (the CSP among them), icon and manifest; not its app.
 */
function readingPage(shell: string, base: string, whole: { html: string, css: string[] }, fonts: string[]): string {
  const head = shell.slice(0, shell.indexOf('</head>'))
    .replace(/<link rel="(?:stylesheet|modulepreload)"[^>]*>\n?/g, '')
    .replace(/<script\b[^>]*><\/script>\n?/g, '')
    // Slidev writes the charset twice; <meta charset> stays.
    .replace(/<meta http-equiv="Content-Type"[^>]*>\n?/i, '')
    .replace(/<html([^>]*)>/, `<html$1 class="${CLASS.reading}">`)
  return [
    head,
    ...fonts.map(f => `<link rel="preload" href="${f}" as="font" type="font/woff2" crossorigin>`),
    `<style>${[
      ...whole.css,
      ...readingPageCss(),
    ].join('\n')}</style>`,
    `<script src="${base}${PAGE_SCRIPT}" data-shows="${READ_PATH}"></script>`,
    '</head>',
    '<body>',
    `<div id="app"><div id="${ID.snapshot}" data-shows="${READ_PATH}"><div class="${CLASS.snapRead}">${whole.html}</div></div></div>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function slidePage(shell: string, base: string, n: number, shot: SlideCapture, reading: { html: string, css: string[] }, deckTitle: string): string {
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

/**
 * The service worker precaches by revision: index.html (changed here), and the reading
 * page and its script (written here), so that they too open offline.
 */
function precache(dir: string, files: string[]): void {
  const sw = join(dir, 'sw.js')
  let text: string
  try {
    text = readFileSync(sw, 'utf8')
  }
  catch {
    return
  }
  for (const file of files) {
    const revision = createHash('md5').update(readFileSync(join(dir, file))).digest('hex')
    const entry = new RegExp(`(\\{url:\\s*"${file.replace('.', '\\.')}",\\s*revision:\\s*")[0-9a-f]+("\\})`)
    if (entry.test(text)) {
      text = text.replace(entry, `$1${revision}$2`)
      continue
    }
    const first = /\{url:\s*"index\.html",\s*revision:\s*"[0-9a-f]+"\}/.exec(text)
    if (!first)
      throw new Error(`${sw} has no precache list with index.html in it`)
    const at = first.index + first[0].length
    text = `${text.slice(0, at)},{url:"${file}",revision:"${revision}"}${text.slice(at)}`
  }
  writeFileSync(sw, text)
}

/** Pre-renders every slide of the site built in `dir` for `base`, with the Chromium at `executablePath`. */
export async function prerender(dir: string, base: string, executablePath: string, entry = 'slides.md'): Promise<void> {
  // The slides the deck shows (hidden and disabled ones are not served).
  const total = (await loadDeck(entry)).slides.length
  const shell = readFileSync(join(dir, 'index.html'), 'utf8')
  const deckTitle = shell.match(/<title>([^<]*)<\/title>/)?.[1] ?? ''
  const site = await serve(dir, { base })
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const problems: string[] = []
  const open = async (viewport: typeof CANVAS, deviceScaleFactor: number) => {
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor,
      colorScheme: 'light',
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    })
    // tsx keeps function names with a helper, `__name`, that the page does not have.
    await context.addInitScript('globalThis.__name = f => f')
    const tab = await context.newPage()
    tab.on('pageerror', e => problems.push(String(e)))
    return tab
  }
  try {
    const phone = await open(PHONE, 1)
    const reading = await captureReading(phone, `${site.url}/${READ_PATH}`, total)
    await phone.context().close()

    const tab = await open(CANVAS, PREVIEW_SCALE)
    mkdirSync(join(dir, 'og'), { recursive: true })
    const pages = new Map<string, string>()
    for (let n = 1; n <= total; n++) {
      const shot = await captureSlide(tab, `${site.url}/${n}`, n, join(dir, 'og', `${n}.png`))
      if (!shot.title)
        throw new Error(`slide ${n} has no heading (h1) to title its page with`)
      pages.set(`${n}.html`, slidePage(shell, base, n, shot, reading.slides.get(n)!, deckTitle))
      if (n === 1)
        pages.set(READ_PAGE, readingPage(shell, base, reading.whole, shot.fonts))
    }
    if (problems.length)
      throw new Error(`the site threw while pre-rendering:\n${problems.join('\n')}`)
    await tab.context().close()
    pages.set('index.html', pages.get('1.html')!)
    for (const [file, html] of pages)
      writeFileSync(join(dir, file), html)
    await bundlePageScript(join(dir, PAGE_SCRIPT))
    precache(dir, ['index.html', READ_PAGE, PAGE_SCRIPT])
  }
  finally {
    await browser.close()
    await site.close()
  }
}

// `tsx scripts/prerender.ts <dir> [base]`, as scripts/build.ts calls it.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, base = '/'] = process.argv.slice(2)
  const executablePath = findChromium()
  if (!dir || !executablePath) {
    console.error(executablePath ? 'usage: tsx scripts/prerender.ts <built site> [base]' : HOW_TO_GET_ONE)
    process.exit(2)
  }
  await prerender(resolve(dir), base, executablePath)
}
