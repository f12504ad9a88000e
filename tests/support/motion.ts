// The motion gate: with prefers-reduced-motion, every change a click or a slide
// makes must be instant. The page records each CSS transition and animation as it
// starts (they finish too fast to catch otherwise); the gate reads the record per step.
import type { Page } from '@playwright/test'
import './in-page'

interface Motion { what: string, ms: number, endless: boolean }

declare global {
  interface Window { __motion?: Motion[] }
}

/** Start recording motion in every page `page` loads from now on. */
export async function recordMotion(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: Motion[] = []
    window.__motion = log
    const describe = (el: Element) => window.__lp.describe(el, { text: false })
    const note = (el: Element, what: string, pick: (a: Animation) => boolean) => {
      const a = el.getAnimations().find(pick)
      const t = a?.effect?.getComputedTiming()
      log.push({ what: `${what} on ${describe(el)}`, ms: Number(t?.duration ?? 0) + Number(t?.delay ?? 0), endless: t?.iterations === Infinity })
    }
    document.addEventListener('transitionrun', (e) => {
      note(e.target as Element, `transition of ${e.propertyName}`, a => (a as CSSTransition).transitionProperty === e.propertyName)
    }, true)
    document.addEventListener('animationstart', (e) => {
      note(e.target as Element, `animation "${e.animationName}"`, a => (a as CSSAnimation).animationName === e.animationName)
    }, true)
  })
}

/**
 * What moved since the last call, plus animations running now, and v-click elements
 * shown at this step that are not yet fully opaque. Empty when everything is instant.
 */
export async function motionProblems(page: Page, no: number): Promise<string[]> {
  return page.evaluate(async (n) => {
    // Let the step's style changes start their transitions, if any.
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
    const problems: string[] = []
    for (const m of window.__motion?.splice(0) ?? []) {
      if (m.ms > 0) {
        problems.push(`${m.what} ${m.endless
          ? 'runs forever'
          : `lasts ${Math.round(m.ms)} ms`}`)
      }
    }
    // Running now, whether or not its start event has been dispatched yet: an endless
    // animation is named as the record names it, so its wording does not hang on timing.
    for (const a of document.getAnimations()) {
      const t = a.effect?.getComputedTiming()
      const target = (a.effect as KeyframeEffect | null)?.target
      if (a.playState === 'running' && t && Number(t.duration) > 0 && target) {
        const what = a instanceof CSSTransition
          ? `transition of ${a.transitionProperty}`
          : `animation "${(a as CSSAnimation).animationName ?? 'animation'}"`
        problems.push(`${what} on ${window.__lp.describe(target, { text: false })} ${t.iterations === Infinity
          ? 'runs forever'
          : 'still running'}`)
      }
    }
    for (const el of document.querySelectorAll(`.slidev-page-${n} .slidev-vclick-target:not(.slidev-vclick-hidden)`)) {
      const opacity = Number(getComputedStyle(el).opacity)
      if (opacity < 1)
        problems.push(`a revealed element is at opacity ${opacity.toFixed(2)}, not shown at once: ${(el.textContent ?? '').trim().slice(0, 40)}`)
    }
    return [
      ...new Set(problems),
    ]
  }, no)
}
