// Helpers the gates use inside the page, written once and injected into every page
// before its own scripts (by the fixtures in deck.ts): `window.__lp.describe(el)` etc.
// Functions passed to page.evaluate are serialised on their own, so they reach these
// through `window.__lp` instead of importing them.

function inPageHelpers() {
  /** `div.box.tinted "first words…"`: enough to find an element in a report. */
  const describe = (el: Element, { text = true } = {}): string => {
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''
    const words = text ? (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40) : ''
    return el.tagName.toLowerCase() + cls + (words ? ` "${words}"` : '')
  }
  /** The parent element, stepping out of a shadow root to its host. */
  const up = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)
  /** Shown to the audience now: not behind a click still to come, not hidden or transparent. */
  const shown = (el: Element): boolean => !el.closest('.slidev-vclick-hidden')
    && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  /** Every element under `root`, the inside of open shadow roots included. */
  const allElements = (root: Element | ShadowRoot): Element[] => {
    const found: Element[] = []
    for (const el of root.children) {
      found.push(el)
      if (el.shadowRoot)
        found.push(...allElements(el.shadowRoot))
      found.push(...allElements(el))
    }
    return found
  }
  /** Text that CSS draws with `content` on the element's ::before and ::after. */
  const pseudoTexts = (el: Element): { pseudo: '::before' | '::after', text: string, style: CSSStyleDeclaration }[] => {
    const texts = []
    for (const pseudo of ['::before', '::after'] as const) {
      const style = getComputedStyle(el, pseudo)
      if (!/^["']/.test(style.content) || style.content.length <= 2 || style.display === 'none')
        continue
      const text = style.content.slice(1, -1)
      texts.push({ pseudo, text: style.textTransform === 'uppercase' ? text.toUpperCase() : text, style })
    }
    return texts
  }
  /** The first opaque background behind `el`, crossing shadow roots. */
  const backdrop = (el: Element | null): string => {
    for (let e = el; e; e = up(e)) {
      const bg = getComputedStyle(e).backgroundColor
      if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg))
        return bg
    }
    return 'rgb(255, 255, 255)'
  }
  return { describe, up, shown, allElements, pseudoTexts, backdrop }
}

export type InPage = ReturnType<typeof inPageHelpers>

declare global {
  interface Window { __lp: InPage }
}

/** The init script that defines `window.__lp`: the helpers' source, as the test runner compiled it. */
export const IN_PAGE_HELPERS = `window.__lp = (${inPageHelpers.toString()})()`
