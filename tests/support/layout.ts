// Two gates that measure what a slide draws, inside the browser:
// - overflow: nothing visible leaves the slide canvas (#slide-content, 980×552) or the
//   box that holds it (a bordered or tinted box, a diagram shape, a scrolling or clipping box);
// - back row: no visible text smaller than about 20 px on the 980 px canvas (small print
//   such as credits and corner labels: 16 px), and a word budget per slide.
import type { Page } from '@playwright/test'
import { CANVAS } from 'slidev-addon-audience/lib/canvas'
import './in-page'

/** Body text floor in canvas px ("about 20 px": sub-pixel rounding is allowed). */
export const MIN_TEXT_PX = 20
/** Floor for small print: footnotes, the source credit, corner labels. */
export const MIN_SMALL_PRINT_PX = 16
/** Words a slide may show at its last click step; the story lives in the notes. */
export const WORD_BUDGET = 40

/**
 * Small print, which may go down to 16 px: credits and labels the audience does not
 * need to read to follow the talk. The selectors match the element that holds the text,
 * or, for `pseudo`, the element whose ::after draws it.
 */
export const SMALL_PRINT: { selector: string, pseudo?: '::after', what: string }[] = [
  { selector: '.footnote', what: 'footnotes' },
  { selector: '.source-card', what: 'the credit for the article (SourceCard)' },
  { selector: '.talk-framing', what: 'the "talk\'s own framing" tag in the corner (TalkFraming)' },
  { selector: '.slidev-layout.field-ai, .slidev-layout.field-crypto', pseudo: '::after', what: 'the AI / crypto section label in the corner' },
]

export interface TextRun { text: string, px: number, small: boolean, where: string }
export interface Inspection { runs: TextRun[], overflow: string[] }

/**
 * Runs in the browser (serialised by page.evaluate, so it uses nothing from outside):
 * the visible text runs of slide `n` with their size in canvas px, and what sticks out.
 */
function inspectSlide({ n, small, canvasWidth }: { n: number, small: typeof SMALL_PRINT, canvasWidth: number }): Inspection {
  const canvas = document.querySelector('#slide-content')!.getBoundingClientRect()
  const scale = canvas.width / canvasWidth
  const slide = document.querySelector(`.slidev-page-${n}`)!
  const { up, shown, describe, allElements, pseudoTexts } = window.__lp
  // Every element of the slide, the inside of diagrams' shadow roots included.
  const all = allElements(slide)
  const skip = new Set([
    'STYLE',
    'SCRIPT',
    'TITLE',
    'DESC',
    'style',
    'title',
    'desc',
  ])
  // Text nodes a person can see, with the element that styles them.
  const texts: { el: Element, node: Node, rect: DOMRect }[] = []
  for (const el of all) {
    if (skip.has(el.tagName) || !shown(el))
      continue
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim())
        continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const rect = range.getBoundingClientRect()
      if (rect.width >= 2 && rect.height >= 2) // else visually hidden (sr-only)
        texts.push({ el, node, rect })
    }
  }
  // How much an element is scaled on the canvas beyond the slide's own scale (SVG viewBox, transforms).
  const scaleOf = (el: Element) => {
    if (el instanceof HTMLElement && el.offsetWidth > 0)
      return el.getBoundingClientRect().width / el.offsetWidth / scale
    const ctm = el instanceof SVGGraphicsElement
      ? el.getScreenCTM()
      : null
    return ctm
      ? Math.hypot(ctm.a, ctm.b) / scale
      : 1
  }
  const hostOf = (el: Element) => (el.getRootNode() as ShadowRoot).host as Element | undefined
  const isSmall = (el: Element) => small.some(s => !s.pseudo && (el.closest(s.selector) || hostOf(el)?.closest(s.selector)))

  const runs: TextRun[] = texts.map(({ el, node }) => ({
    text: node.textContent!.replace(/\s+/g, ' ').trim(),
    px: Number.parseFloat(getComputedStyle(el).fontSize) * scaleOf(el),
    small: isSmall(el),
    where: describe(el),
  }))
  for (const el of [slide, ...all]) {
    if (!shown(el))
      continue
    for (const { pseudo, text, style } of pseudoTexts(el)) {
      runs.push({
        text,
        px: Number.parseFloat(style.fontSize) * scaleOf(el),
        small: small.some(s => s.pseudo === pseudo && el.matches(s.selector)),
        where: describe(el) + pseudo,
      })
    }
  }

  const overflow: string[] = []
  const reported = new Set<Element>()
  const px = (v: number) => `${Math.round(v)} px`
  const past = (r: DOMRect, box: DOMRect) => [
    r.left < box.left - 1 && `${px((box.left - r.left) / scale)} past the left edge`,
    r.right > box.right + 1 && `${px((r.right - box.right) / scale)} past the right edge`,
    r.top < box.top - 1 && `${px((box.top - r.top) / scale)} past the top edge`,
    r.bottom > box.bottom + 1 && `${px((r.bottom - box.bottom) / scale)} past the bottom edge`,
  ].filter(Boolean) as string[]
  const underReported = (el: Element) => {
    for (let e: Element | null = el; e; e = up(e)) {
      if (reported.has(e))
        return true
    }
    return false
  }
  // 1. Nothing visible outside the slide canvas.
  for (const el of all) {
    if (!shown(el) || underReported(el))
      continue
    const r = el.getBoundingClientRect()
    if (r.width < 1 || r.height < 1)
      continue
    const out = past(r, canvas)
    if (out.length) {
      overflow.push(`${describe(el)} extends ${out.join(', ')} of the slide`)
      reported.add(el)
    }
  }
  // 2. Nothing clipped by, or scrolling inside, a box that hides its overflow.
  for (const el of all) {
    if (!shown(el) || !(el instanceof HTMLElement) || el.getBoundingClientRect().width < 2)
      continue
    const st = getComputedStyle(el)
    if ((st.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
      || (st.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1)) {
      overflow.push(`${describe(el)} clips its content (${el.scrollWidth}×${el.scrollHeight} px of content in a `
        + `${el.clientWidth}×${el.clientHeight} px box with overflow: ${st.overflow})`)
    }
  }
  // 3. No text sticking out of the box that holds it: a bordered or tinted box, or a diagram label's shape.
  const boxOf = (el: Element): Element | null => {
    for (let e: Element | null = el; e && e !== slide; e = up(e)) {
      if (e.tagName === 'foreignObject')
        return e
      if (!(e instanceof HTMLElement))
        continue
      const st = getComputedStyle(e)
      const tinted = !['rgba(0, 0, 0, 0)', 'transparent'].includes(st.backgroundColor)
      const sides = (['Top', 'Right', 'Bottom', 'Left'] as const)
        .filter(s => Number.parseFloat(st[`border${s}Width`]) > 0 && st[`border${s}Style`] !== 'none')
        .length
      if ((tinted || sides >= 2) && st.display !== 'inline')
        return e
    }
    return null
  }
  for (const { el, rect } of texts) {
    const box = boxOf(el)
    if (!box || reported.has(box))
      continue
    const out = past(rect, box.getBoundingClientRect())
    if (out.length) {
      overflow.push(`text of ${describe(el)} sticks out of its box ${describe(box)}: ${out.join(', ')}`)
      reported.add(box)
    }
  }
  return { runs, overflow }
}

export async function inspect(page: Page, no: number): Promise<Inspection> {
  return page.evaluate(inspectSlide, { n: no, small: SMALL_PRINT, canvasWidth: CANVAS.width })
}

const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0
}

/**
 * Back-row problems of one inspection: text under its floor at every step; the word
 * budget only at a slide's `last` step, when everything is shown.
 */
export function backRowProblems({ runs }: Inspection, last: boolean): string[] {
  const problems: string[] = []
  for (const run of runs) {
    const floor = run.small ? MIN_SMALL_PRINT_PX : MIN_TEXT_PX
    if (run.px < floor - 0.5)
      problems.push(`text "${run.text.slice(0, 40)}" renders at ${run.px.toFixed(1)} px, below ${floor} px (${run.where})`)
  }
  const words = runs.reduce((sum, r) => sum + countWords(r.text), 0)
  if (last && words > WORD_BUDGET)
    problems.push(`${words} visible words, over the budget of ${WORD_BUDGET}; move the story into the notes`)
  return [
    ...new Set(problems),
  ]
}
