// The stage-use gate: does a slide use the projector's canvas, or sit as a small block
// under its title? Measured in each slide's final click state, inside the browser: the
// box around what the room sees (text, diagrams, images, shapes; not the corner labels)
// against the 980×552 canvas, and each diagram's size.
import type { Page } from '@playwright/test'
import type { Step } from './walk'
import './in-page'

/** Median over the deck: the content's lowest edge, as a share of the canvas height. */
export const MIN_MEDIAN_BOTTOM = 0.72
/** Median over the deck: the content box's area, as a share of the canvas. */
export const MIN_MEDIAN_COVERAGE = 0.5
/** Every slide: below this lowest edge or coverage, it is a block stuck under its title. */
export const MIN_SLIDE_BOTTOM = 0.6
export const MIN_SLIDE_COVERAGE = 0.25
/** Every diagram spans this share of the canvas width, or `DIAGRAM_HEIGHT` of its height. */
export const DIAGRAM_WIDTH = 0.8
export const DIAGRAM_HEIGHT = 0.7

/** Corner labels and chrome that are not the slide's content. */
const NOT_CONTENT = '.talk-framing, .slidev-pwa-indicator'

export interface StageUse {
  /** Lowest edge of the content box, 0 (top) … 1 (bottom of the canvas). */
  bottom: number
  /** Area of the content box over the canvas area. */
  coverage: number
  /** Each Mermaid diagram's width and height as shares of the canvas. */
  diagrams: { width: number, height: number }[]
}

/** Runs in the browser: the content box and the diagrams of slide `n`. */
function measure({ n, skip }: { n: number, skip: string }): StageUse {
  const canvas = document.querySelector('#slide-content')!.getBoundingClientRect()
  const slide = document.querySelector(`.slidev-page-${n}`)!
  const shown = (el: Element) => !el.closest(skip) && window.__lp.shown(el)
  const box = {
    left: Infinity,
    top: Infinity,
    right: -Infinity,
    bottom: -Infinity,
  }
  const add = (r: DOMRect) => {
    if (r.width < 2 || r.height < 2)
      return
    box.left = Math.min(box.left, r.left)
    box.top = Math.min(box.top, r.top)
    box.right = Math.max(box.right, r.right)
    box.bottom = Math.max(box.bottom, r.bottom)
  }
  const whole = canvas.width * canvas.height
  for (const el of slide.querySelectorAll('*')) {
    if (!shown(el) || (el.closest('svg') !== el && el.closest('svg')))
      continue
    const r = el.getBoundingClientRect()
    if ([
      'svg',
      'IMG',
      'CANVAS',
      'VIDEO',
      'TABLE',
      'PRE',
    ].includes(el.tagName)) {
      add(r)
      continue
    }
    const st = getComputedStyle(el)
    const tinted = !['rgba(0, 0, 0, 0)', 'transparent'].includes(st.backgroundColor)
    const bordered = (['Top', 'Right', 'Bottom', 'Left'] as const)
      .filter(s => Number.parseFloat(st[`border${s}Width`]) > 0 && st[`border${s}Style`] !== 'none')
      .length >= 2
    // A tinted or framed shape is content; a backdrop as large as the slide is not.
    if ((tinted || bordered) && r.width * r.height < 0.9 * whole)
      add(r)
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim())
        continue
      const range = document.createRange()
      range.selectNodeContents(node)
      add(range.getBoundingClientRect())
    }
  }
  // Mermaid draws inside the shadow root of its `.mermaid` host.
  const diagrams = [
    ...slide.querySelectorAll('.mermaid'),
  ]
    .map(el => el.shadowRoot?.querySelector('svg') ?? el.querySelector('svg'))
    .filter((svg): svg is SVGSVGElement => !!svg && shown(svg.getRootNode() instanceof ShadowRoot
      ? (svg.getRootNode() as ShadowRoot).host
      : svg))
    .map((svg) => {
      const r = svg.getBoundingClientRect()
      add(r)
      return { width: r.width / canvas.width, height: r.height / canvas.height }
    })
  if (box.left === Infinity)
    return { bottom: 0, coverage: 0, diagrams }
  const clip = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))
  const w = clip(box.right, canvas.left, canvas.right) - clip(box.left, canvas.left, canvas.right)
  const h = clip(box.bottom, canvas.top, canvas.bottom) - clip(box.top, canvas.top, canvas.bottom)
  return { bottom: (box.bottom - canvas.top) / canvas.height, coverage: (w * h) / whole, diagrams }
}

export async function measureStageUse(page: Page, no: number): Promise<StageUse> {
  return page.evaluate(measure, { n: no, skip: NOT_CONTENT })
}

const pct = (v: number) => `${Math.round(v * 100)} %`

/** Problems of one slide in its final state: a small block, or a diagram that is not the hero. */
export function slideStageProblems(use: StageUse): string[] {
  const problems: string[] = []
  if (use.bottom < MIN_SLIDE_BOTTOM || use.coverage < MIN_SLIDE_COVERAGE) {
    problems.push(`content is a small block under the title: it ends at ${pct(use.bottom)} of the canvas height `
      + `(floor ${pct(MIN_SLIDE_BOTTOM)}) and covers ${pct(use.coverage)} of the canvas (floor ${pct(MIN_SLIDE_COVERAGE)})`)
  }
  use.diagrams.forEach((d, i) => {
    if (d.width < DIAGRAM_WIDTH && d.height < DIAGRAM_HEIGHT) {
      problems.push(`diagram ${i + 1} spans ${pct(d.width)} of the width and ${pct(d.height)} of the height, `
        + `under ${pct(DIAGRAM_WIDTH)} and ${pct(DIAGRAM_HEIGHT)}`)
    }
  })
  return problems
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2
    ? s[(s.length - 1) / 2]
    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** The deck's medians, and a problem for each one under its floor. */
export function deckStageProblems(uses: StageUse[]): { bottom: number, coverage: number, problems: string[] } {
  const bottom = median(uses.map(u => u.bottom))
  const coverage = median(uses.map(u => u.coverage))
  const problems: string[] = []
  if (bottom < MIN_MEDIAN_BOTTOM)
    problems.push(`median lowest edge of the content at ${pct(bottom)} of the canvas height, under ${pct(MIN_MEDIAN_BOTTOM)}`)
  if (coverage < MIN_MEDIAN_COVERAGE)
    problems.push(`median coverage of the canvas ${pct(coverage)}, under ${pct(MIN_MEDIAN_COVERAGE)}`)
  return { bottom, coverage, problems }
}

/** For `walkProblems`: measures a slide once, at its final click step, into `uses`. */
export function stageCheck(page: Page, uses: StageUse[]): (step: Step) => Promise<string[]> {
  return async (step) => {
    if (!step.last)
      return []
    const use = await measureStageUse(page, step.slide.no)
    uses.push(use)
    return slideStageProblems(use)
  }
}
