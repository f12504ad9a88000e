import type { Page } from 'playwright-core'
// Pre-rendered pages: after `slidev build`, every slide's address gets an HTML file
// whose body already shows that slide, so the first paint needs HTML and CSS only
// and a browser without JavaScript still sees the slide.
//
// Slidev 53 has no SSR/SSG path for its player, so the built site is opened in the
// build's Chromium and each slide's rendered DOM (with Mermaid's shadow roots, as
// declarative shadow DOM) is captured with the CSS rules it uses. For slide N it writes
//   N.html       the shell with the snapshot in #app (#lp-snapshot), those rules inlined,
//                the slide's title and preview tags (index.html and 1.html for the
//                cover, whose tags stay the deck's), a preload for its fonts and
//                public/prerendered.js (hides the snapshot when the page is served for
//                another address; colour scheme); the app's own CSS and JS no longer
//                hold up the first paint
//   og/N.png     the slide as its link preview image (not in the offline precache)
// and updates index.html's revision in the service worker's precache list.
// setup/main.ts removes the snapshot once the app has drawn the same slide.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { load } from '@slidev/parser/fs'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from '../lib/chromium'
import { serve } from '../lib/serve'

/** The slide canvas (Slidev's default canvasWidth and 16:9); previews are drawn at 1.25×, 1225×690. */
const CANVAS = { width: 980, height: 552 }
const PREVIEW_SCALE = 1.25
/** Link previews cut descriptions at about this many characters. */
const DESCRIPTION_MAX = 200

interface Capture {
  /** The snapshot's markup: the slide container with only this slide in it. */
  html: string
  /** The slide's heading, its other visible text, and its diagrams' descriptions. */
  title: string
  text: string
  diagramText: string
  allText: string
  /** The CSS rules the snapshot uses (`#page-root`'s aimed at its wrapper), and the fonts (URL paths). */
  css: string
  fonts: string[]
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

function clip(text: string, max = DESCRIPTION_MAX): string {
  if (text.length <= max)
    return text
  const cut = text.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.–-]+$/, '')}…`
}

/** Opens slide `n`, waits until it and its diagrams are drawn, and returns its snapshot. */
async function capture(page: Page, url: string, n: number, previewFile: string): Promise<Capture> {
  await page.goto(url)
  const slide = page.locator(`#slide-content .slidev-page-${n}`)
  await slide.waitFor({ state: 'visible', timeout: 60_000 })
  await page.waitForFunction((n) => {
    const el = document.querySelector(`#slide-content .slidev-page-${n}`)
    const wanted = el?.querySelectorAll('.mermaid, [code-lz], [data-mermaid]').length ?? 0
    const drawn = [
      ...el?.querySelectorAll('*') ?? [],
    ].filter(e => e.shadowRoot?.querySelector('svg')).length
    return document.fonts.status === 'loaded' && !!el?.firstElementChild && drawn >= wanted
  }, n, { timeout: 60_000, polling: 100 })
  // Two frames, so transitions that started on load have settled.
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))
  // Only the slide: not the "caching for offline" badge that floats over it.
  await page.locator('#slide-content').screenshot({ path: previewFile, animations: 'disabled', style: '.slidev-pwa-indicator { display: none !important }' })

  // innerText, not textContent: the words as a reader sees them (no hidden parts, CSS text-transform).
  /* eslint-disable unicorn/prefer-dom-node-text-content */
  return page.evaluate((n) => {
    const fonts = performance.getEntriesByType('resource')
      .map(e => new URL(e.name))
      .filter(u => u.origin === location.origin && /\.woff2?$/.test(u.pathname))
      .map(u => u.pathname)

    const container = document.getElementById('slide-container')!
    const current = container.querySelector<HTMLElement>(`.slidev-page-${n}`)!
    const title = (current.querySelector('h1')?.innerText ?? '').replace(/\s+/g, ' ').trim()
    const BLOCKS = 'p, li, td, th, blockquote, figcaption'
    const text = [
      ...current.querySelectorAll<HTMLElement>(BLOCKS),
    ]
      .filter(el => !el.parentElement?.closest(BLOCKS) && el.checkVisibility({ opacityProperty: true }))
      .map(el => el.innerText.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' ')
    const allText = current.innerText.replace(/\s+/g, ' ').trim().replace(title, '').trim()
    const hosts = [
      ...current.querySelectorAll('*'),
    ].filter(el => el.shadowRoot)
    const diagramText = hosts.flatMap(h => [
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
    for (const el of container.querySelectorAll('[frontmatter]'))
      el.removeAttribute('frontmatter')
    container.querySelector<HTMLElement>('.slidev-slide-content')!.style.removeProperty('--slidev-slide-scale')
    for (const host of hosts)
      host.classList.add('lp-shadow-host')
    // Mermaid writes coordinates to 15 digits; whole pixels look the same and weigh a third.
    for (const el of [...hosts].flatMap(h => [
      ...h.shadowRoot!.querySelectorAll('[d], [points], [transform]'),
    ])) {
      for (const name of ['d', 'points', 'transform']) {
        const value = el.getAttribute(name)
        if (value)
          el.setAttribute(name, value.replace(/-?\d+\.\d+(e-?\d+)?/g, x => String(Math.round(Number(x)))))
      }
    }
    // getHTML() serializes an element's children; the container itself is wanted too.
    const wrapper = document.createElement('div')
    container.before(wrapper)
    wrapper.append(container)
    const html = wrapper.getHTML({
      serializableShadowRoots: false,
      shadowRoots: hosts.map(h => h.shadowRoot!),
    })

    // The CSS this snapshot needs: every rule of the page's stylesheets that matches one
    // of its elements (or <html>, <body>) in light or dark, @font-face and custom
    // properties. Interaction states and pseudo-elements are matched without the pseudo part.
    const elements = [
      document.documentElement,
      document.body,
      document.getElementById('page-root')!,
      container,
      ...container.querySelectorAll('*'),
    ]
    const DYNAMIC = /::?(?:hover|focus-visible|focus-within|focus|active|visited|link|checked|disabled|enabled|before|after|placeholder|selection|marker|backdrop|first-letter|first-line|-webkit-[\w-]+|-moz-[\w-]+)(?![\w-])/g
    const root = document.documentElement
    const scheme = (dark: boolean) => {
      root.classList.toggle('dark', dark)
      root.classList.toggle('light', !dark)
    }
    const matchesAny = (selector: string) => {
      const bare = selector.replace(DYNAMIC, '').replace(/([>+~\s,(]|^)\s*(?=[,)]|$)/g, '$1*')
      try {
        if (elements.some(el => el.matches(bare)))
          return true
        scheme(true)
        const dark = elements.some(el => el.matches(bare))
        scheme(false)
        return dark
      }
      catch {
        return true
      }
    }
    const keep = (rules: CSSRuleList): string => [...rules].map((rule) => {
      if (rule instanceof CSSStyleRule) {
        const selector = rule.selectorText.replaceAll('#page-root', '#lp-snapshot')
        if (!selector.includes('#lp-snapshot') && !matchesAny(rule.selectorText))
          return ''
        return rule.cssText.replace(rule.selectorText, selector)
      }
      if (rule instanceof CSSFontFaceRule)
        return rule.cssText
      if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule || rule instanceof CSSLayerBlockRule) {
        const inner = keep(rule.cssRules)
        if (!inner)
          return ''
        const head = rule.cssText.slice(0, rule.cssText.indexOf('{'))
        return `${head}{${inner}}`
      }
      if (rule instanceof CSSLayerStatementRule)
        return rule.cssText
      return ''
    }).join('')
    scheme(false)
    const css = [...document.styleSheets].map(s => keep(s.cssRules)).join('\n')
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
  /* eslint-enable unicorn/prefer-dom-node-text-content */
}

/** The CSS that places the snapshot where the app will draw the slide, at the scale it will use. */
function snapshotCss(rules: string): string {
  return [
    rules,
    // Slidev's scale: the slide fits the window (SlideContainer.vue), here in CSS.
    '#lp-snapshot{position:fixed;inset:0;z-index:10;pointer-events:none}',
    '#lp-snapshot .slidev-slide-content{--slidev-slide-scale:min(calc(100vw / 980px), calc(100dvh / 552px))}',
    '.lp-no-snapshot #lp-snapshot{display:none}',
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

function page(shell: string, base: string, n: number, shot: Capture, deckTitle: string): string {
  let html = shell
  if (n > 1) {
    // The slide's own words: its heading, then its paragraphs and lists, else its
    // diagrams' descriptions, else whatever else it shows, else the heading again.
    const description = clip(squash(shot.text) || squash(shot.diagramText) || squash(shot.allText) || shot.title)
    html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(`${shot.title} · ${deckTitle}`)}</title>`)
    html = setMeta(html, 'description', description)
    html = setMeta(html, 'og:title', shot.title)
    html = setMeta(html, 'og:description', description)
    html = setMeta(html, 'og:image', `${base}og/${n}.png`)
  }
  // The app's own stylesheets load without holding up the first paint (the snapshot
  // carries the rules it needs); setup/main.ts turns them on before the app mounts.
  html = html.replace(/<link rel="stylesheet"([^>]*)>/g, '<link rel="stylesheet"$1 media="print" data-lp-deferred>')
  // The app's code is fetched after what paints (Chrome's priorities; Lighthouse's
  // simulation counts high-priority scripts as blocking the first paint), and
  // public/prerendered.js starts it once the page has been painted.
  html = html.replace(/<link rel="modulepreload" /g, '<link rel="modulepreload" fetchpriority="low" ')
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)
  if (!entry)
    throw new Error('the built index.html has no module script to start the app with')
  html = html.replace(entry[0], `<link rel="modulepreload" fetchpriority="low" crossorigin href="${entry[1]}">`)
  const head = [
    ...shot.fonts.map(f => `<link rel="preload" href="${f}" as="font" type="font/woff2" crossorigin>`),
    `<style>${snapshotCss(shot.css)}</style>`,
    `<script src="${base}prerendered.js" data-slide="${n}" data-entry="${entry[1]}"></script>`,
  ].join('\n')
  html = html.replace('</head>', `${head}\n</head>`)
  const snapshot = `<div id="lp-snapshot" class="grid grid-cols-[1fr_max-content]" data-slide="${n}">${shot.html}</div>`
  // Inside #app, the page's main landmark, for readers without JavaScript; setup/main.ts
  // moves it out before Vue mounts (which empties #app).
  return html.replace('<div id="app"></div>', `<div id="app" role="main">${snapshot}</div>`)
}

/** The service worker precaches index.html by revision; the snapshot changed it. */
function updatePrecacheRevision(dir: string, file: string): void {
  const sw = join(dir, 'sw.js')
  let text: string
  try {
    text = readFileSync(sw, 'utf8')
  }
  catch {
    return
  }
  const revision = createHash('md5').update(readFileSync(join(dir, file))).digest('hex')
  const entry = new RegExp(`(url:\\s*"${file.replace('.', '\\.')}",\\s*revision:\\s*")[0-9a-f]+(")`)
  if (!entry.test(text))
    throw new Error(`${file} is not in ${sw}'s precache list`)
  writeFileSync(sw, text.replace(entry, `$1${revision}$2`))
}

/** How many slides the deck in `entry` shows (hidden and disabled ones are not served). */
async function slideCount(entry: string): Promise<number> {
  const file = resolve(entry)
  const userRoot = resolve(file, '..')
  const { slides } = await load({
    userRoot,
    roots: [userRoot],
  }, file)
  return slides.filter(s => !s.frontmatter.hide && !s.frontmatter.disabled).length
}

/** Pre-renders every slide of the site built in `dir` for `base`, with the Chromium at `executablePath`. */
export async function prerender(dir: string, base: string, executablePath: string, entry = 'slides.md'): Promise<void> {
  const total = await slideCount(entry)
  const shell = readFileSync(join(dir, 'index.html'), 'utf8')
  const deckTitle = shell.match(/<title>([^<]*)<\/title>/)?.[1] ?? ''
  const site = await serve(dir, { base })
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({
      viewport: CANVAS,
      deviceScaleFactor: PREVIEW_SCALE,
      colorScheme: 'light',
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    })
    // tsx keeps function names with a helper, `__name`, that the page does not have.
    await context.addInitScript('globalThis.__name = f => f')
    const tab = await context.newPage()
    const problems: string[] = []
    tab.on('pageerror', e => problems.push(String(e)))
    mkdirSync(join(dir, 'og'), { recursive: true })
    const pages = new Map<string, string>()
    for (let n = 1; n <= total; n++) {
      const shot = await capture(tab, `${site.url}/${n}`, n, join(dir, 'og', `${n}.png`))
      if (!shot.title)
        throw new Error(`slide ${n} has no heading (h1) to title its page with`)
      pages.set(`${n}.html`, page(shell, base, n, shot, deckTitle))
    }
    if (problems.length)
      throw new Error(`the site threw while pre-rendering:\n${problems.join('\n')}`)
    await context.close()
    pages.set('index.html', pages.get('1.html')!)
    for (const [file, html] of pages)
      writeFileSync(join(dir, file), html)
    updatePrecacheRevision(dir, 'index.html')
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
