import type { Page } from 'playwright-core'
// Capturing what a built page draws, in the build's Chromium (scripts/prerender.ts,
// reading/capture.ts): elements serialized with their shadow roots (declarative shadow
// DOM), the CSS rules they use in light and dark, and a wait until diagrams are drawn.

/**
 * Puts `__lpSnapshot` in the page: serializing elements with their shadow roots, and
 * picking the CSS rules a set of elements uses, in light and dark.
 */
export async function installHelpers(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // The site's own style sheets: another origin's (a deck's Google Fonts) are neither
    // readable nor there offline, and their text is left out.
    const sheets = [...document.styleSheets].filter(s => !s.href || new URL(s.href).origin === location.origin)
    // The stylesheets' own text, for what the CSSOM cannot give back.
    const sources = new Map(await Promise.all(sheets.filter(s => s.href).map(async s => [s.href!, await (await fetch(s.href!)).text()] as const)))
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
    /**
     * Mermaid writes coordinates to 15 digits; two decimals look the same and weigh a third.
     * Each number is read whole, compact path data included (`l.256.255` is two numbers), and
     * written after a space, so a number rounded to a whole one never runs into the next.
     */
    const roundShadowCoordinates = (hosts: Element[]) => {
      for (const el of hosts.flatMap(h => [
        ...h.shadowRoot!.querySelectorAll('[d], [points], [transform]'),
      ])) {
        for (const name of ['d', 'points', 'transform']) {
          const value = el.getAttribute(name)
          if (value)
            el.setAttribute(name, value.replace(/-?(?:\d+\.\d*|\.\d+)(?:e-?\d+)?/gi, x => ` ${Math.round(Number(x) * 100) / 100}`).trim())
        }
      }
    }
    /** `el`'s start tag with its attributes, and `extra` (more attributes) before the `>`. */
    const openTag = (el: Element, extra = ''): string =>
      `<${el.localName}${[...el.attributes].map(a => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('')}${extra}>`
    /** `el` itself and what it holds, shadow roots as declarative shadow DOM. */
    const outerHtml = (el: Element): string => {
      const hosts = hostsIn(el)
      roundShadowCoordinates(hosts)
      for (const host of hosts)
        host.classList.add('lp-shadow-host')
      const inner = el.getHTML({
        serializableShadowRoots: false,
        shadowRoots: hosts.map(h => h.shadowRoot!),
      })
      return `${openTag(el)}${inner}</${el.localName}>`
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
      const css = sheets.flatMap(s => keep(s.cssRules))
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
    /**
     * A <button> holds phrasing content and no other button, or a parser reads another
     * tree than the page's (a <button> start tag closes the open one). Slidev's nav bar
     * draws its icons as <div>s in buttons, and wraps a menu's button in another: those
     * <div>s, and a button holding a button, become <span>s with the display they had.
     */
    const phrasingButtons = (within: Element) => {
      const toSpan = (el: Element) => {
        const { display } = getComputedStyle(el)
        const span = document.createElement('span')
        for (const a of el.attributes)
          span.setAttribute(a.name, a.value)
        span.append(...el.childNodes)
        el.replaceWith(span)
        if (getComputedStyle(span).display !== display)
          span.style.display = display
      }
      within.querySelectorAll('button:has(button)').forEach(toSpan)
      within.querySelectorAll('button div').forEach(toSpan)
    }
    ;(window as any).__lpSnapshot = {
      openTag,
      outerHtml,
      usedCss,
      hostsIn,
      plainAttributes,
      phrasingButtons,
      text,
    }
  })
}

/** Waits until the fonts are in and every diagram host in `scope` has drawn its SVG. */
export async function drawn(page: Page, scope: string): Promise<void> {
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
