// The keyboard gate's focus check: Tab through every control on the page (Slidev's
// nav bar, the presenter view's buttons, anything on the slide) and require that the
// focused control can be seen, and that a focus ring or shadow shows it is focused.
import type { Page } from '@playwright/test'

interface Focused { what: string, visible: boolean, ring: boolean, key: string }

/**
 * The focused control, judged once every animation has run its course: controls that
 * fade in on focus (Slidev's nav bar) are seen as they end up. One round trip a Tab.
 */
async function focused(page: Page): Promise<Focused | undefined> {
  return page.evaluate(async () => {
    const moving = () => document.getAnimations().some(a => a.playState === 'running'
      && a.effect?.getComputedTiming().iterations !== Infinity)
    while (moving())
      await new Promise(requestAnimationFrame)
    let el = document.activeElement
    while (el?.shadowRoot?.activeElement)
      el = el.shadowRoot.activeElement
    if (!el || el === document.body || el === document.documentElement)
      return undefined
    const st = getComputedStyle(el)
    const outline = st.outlineStyle !== 'none' && Number.parseFloat(st.outlineWidth) >= 2 && !/rgba\(.*,\s*0\)$/.test(st.outlineColor)
    const shadow = st.boxShadow !== 'none'
    const r = el.getBoundingClientRect()
    const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight
    const name = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)
    // Stable identity for "have we come round": the path of child indexes from the body.
    const path: number[] = []
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      path.unshift([
        ...(e.parentElement?.children ?? []),
      ].indexOf(e))
    }
    return {
      what: `${el.tagName.toLowerCase()}${name
        ? ` "${name}"`
        : ''}`,
      visible: onScreen && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      ring: outline || shadow,
      key: path.join('/'),
    }
  })
}

/**
 * Tabs through the page's controls from the start (at most `max`), and lists those whose
 * focus a person cannot see. Leaves focus on the page body, so shortcuts work again.
 */
export async function focusProblems(page: Page, max = 40): Promise<{ problems: string[], controls: number }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const problems: string[] = []
  const seen = new Set<string>()
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (!f || seen.has(f.key))
      break
    seen.add(f.key)
    if (!f.visible)
      problems.push(`${f.what} takes keyboard focus but cannot be seen`)
    else if (!f.ring)
      problems.push(`${f.what} shows no focus ring (outline of 2 px or more, or a box-shadow)`)
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  return { problems, controls: seen.size }
}

/**
 * `key` pressed and released in one go, inside the page, where the focused element
 * (or the body) gets it. Slidev moves again for a key still down after a second (a key
 * held down); on a loaded test machine Playwright's own release can reach the page that
 * late, and one press then moves two slides (seen: /15 to /17 in the offline walk). For
 * walks that expect each press to move exactly one step.
 */
export async function tap(page: Page, key: 'ArrowDown' | 'ArrowRight' | 'ArrowUp' | 'ArrowLeft'): Promise<void> {
  await page.evaluate((key) => {
    const target = document.activeElement ?? document.body
    for (const type of ['keydown', 'keyup']) {
      target.dispatchEvent(new KeyboardEvent(type, {
        key,
        code: key,
        bubbles: true,
        cancelable: true,
      }))
    }
  }, key)
}
