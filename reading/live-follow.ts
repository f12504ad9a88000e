import type { Ref } from 'vue'
// The reading view in a room (`npm run present`): which slide the presenter is on,
// and keeping it on the reader's screen until the reader scrolls away. The position
// is Slidev's shared `nav` state, which its dev server keeps in step on every device;
// a static host has no such server (`import.meta.hot` is undefined there), and then
// nothing here runs.
import { sharedState } from '@slidev/client/state/shared.ts'
import { usePreferredReducedMotion } from '@vueuse/core'
import { computed, onMounted, onUnmounted, ref, watch } from 'vue'
import { CLASS } from './contract'

/** The attribute on the reading view's slide being presented. */
export const LIVE_ATTRIBUTE = 'data-live'

export interface LiveFollow {
  /** The slide the presenter is on, or 0 before the presenter has moved. */
  live: Ref<number>
  /** Whether the page keeps the live slide on screen. */
  following: Ref<boolean>
  /** Follow again, from the slide being presented. */
  backToLive: () => void
}

/** The element of slide `no` once it is drawn (the view draws them one by one). */
function drawn(id: string, signal: { stopped: boolean }): Promise<HTMLElement | undefined> {
  return new Promise((resolve) => {
    const until = performance.now() + 30_000
    const look = () => {
      const el = document.getElementById(id)
      if (el || signal.stopped || performance.now() > until)
        return resolve(el ?? undefined)
      requestAnimationFrame(look)
    }
    look()
  })
}

export function useLiveFollow(anchor: (no: number) => string): LiveFollow {
  const live = computed(() => sharedState.lastUpdate?.type === 'presenter' && +sharedState.page >= 1
    ? +sharedState.page
    : 0)
  // A link to a slide (`/read#slide-12`) is where the reader wants to be.
  const following = ref(!location.hash)
  const motion = usePreferredReducedMotion()
  const signal = { stopped: false }
  let scrolling = 0

  function inView(el: HTMLElement): boolean {
    const bar = document.querySelector(`.${CLASS.bar}`)?.getBoundingClientRect().bottom ?? 0
    const box = el.getBoundingClientRect()
    return box.bottom > bar + 24 && box.top < window.innerHeight - 24
  }

  async function scrollToLive(): Promise<void> {
    const no = live.value
    const el = no && await drawn(anchor(no), signal)
    if (!el || !following.value || no !== live.value)
      return
    const run = ++scrolling
    const smooth = motion.value !== 'reduce'
    el.scrollIntoView({
      behavior: smooth ? 'smooth' : 'auto',
      block: 'start',
    })
    // Until the page settles, scroll events are this scroll's, not the reader's.
    const settled = () => {
      if (run !== scrolling)
        return
      scrolling = 0
      if (following.value && !inView(el))
        el.scrollIntoView({ block: 'start' })
    }
    window.addEventListener('scrollend', settled, { once: true })
    setTimeout(settled, smooth ? 1500 : 300)
  }

  // Pages move by themselves too (slides drawn, fonts loaded): only a scroll that
  // follows the reader's own wheel, touch or key stops the following.
  let touched = -Infinity
  const onInput = () => {
    touched = performance.now()
  }
  const INPUTS = [
    'wheel',
    'touchmove',
    'keydown',
    'pointerdown',
  ] as const

  function onScroll(): void {
    if (scrolling || !following.value || !live.value || performance.now() - touched > 1000)
      return
    const el = document.getElementById(anchor(live.value))
    if (el && !inView(el))
      following.value = false
  }

  function backToLive(): void {
    following.value = true
    scrollToLive()
  }

  async function mark(no: number): Promise<void> {
    const el = await drawn(anchor(no), signal)
    if (no === live.value)
      el?.setAttribute(LIVE_ATTRIBUTE, '')
  }

  watch(live, (no, old) => {
    if (old)
      document.getElementById(anchor(old))?.removeAttribute(LIVE_ATTRIBUTE)
    if (!no)
      return
    mark(no)
    scrollToLive()
  })
  // Slides drawn late, diagrams and fonts move the live slide after it was scrolled
  // to; while the reader follows, it is brought back.
  const resized = new ResizeObserver(() => {
    const el = following.value && !scrolling && live.value && document.getElementById(anchor(live.value))
    if (el && !inView(el))
      el.scrollIntoView({ block: 'start' })
  })

  onMounted(() => {
    const main = document.querySelector(`.${CLASS.main}`)
    if (main)
      resized.observe(main)
    window.addEventListener('scroll', onScroll, { passive: true })
    INPUTS.forEach(e => window.addEventListener(e, onInput, { passive: true }))
    if (live.value) {
      mark(live.value)
      scrollToLive()
    }
  })
  onUnmounted(() => {
    signal.stopped = true
    resized.disconnect()
    window.removeEventListener('scroll', onScroll)
    INPUTS.forEach(e => window.removeEventListener(e, onInput))
  })
  return { live, following, backToLive }
}
