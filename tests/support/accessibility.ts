import type { Page } from '@playwright/test'
// The accessibility gate: axe-core at one click step of one slide, plus the contrast
// axe cannot judge: Mermaid text, lines and arrowheads inside the diagrams' shadow roots,
// and text drawn by CSS (::before/::after), such as the section labels in the corner.
import AxeBuilder from '@axe-core/playwright'
import { AA, contrastOver } from './contrast'
import { AXE_EXEMPTIONS } from './exemptions'
import './in-page'

export const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'best-practice',
]
const BLOCKING = new Set(['serious', 'critical'])

export interface AxeFinding { rule: string, impact: string, target: string, exempt: boolean, text: string }

/** Serious and critical axe violations on the page now, one per element. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  // Legacy mode runs axe in the page itself; the default opens a helper page per run,
  // which is slow, to merge results from iframes, and slides have none.
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze()
  const findings: AxeFinding[] = []
  for (const v of results.violations.filter(v => BLOCKING.has(v.impact ?? ''))) {
    for (const n of v.nodes) {
      const target = n.target.join(' ')
      const exempt = await page.evaluate(({ target, selectors }) => {
        const el = document.querySelector(target)
        return !!el && selectors.some(s => el.matches(s))
      }, {
        target,
        selectors: AXE_EXEMPTIONS.filter(e => e.rule === v.id).map(e => e.selector),
      })
      findings.push({
        rule: v.id,
        impact: v.impact!,
        target,
        exempt,
        text: `${v.id} (${v.impact}): ${v.help} at ${target}; ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`,
      })
    }
  }
  return findings
}

interface Pair { what: string, fg: string, bg: string, base: string, need: number }

/** Colour pairs axe skips on slide `no`: diagram text, lines and arrowheads, and CSS-drawn text. */
async function pairsAxeCannotSee(page: Page, no: number): Promise<Pair[]> {
  return page.evaluate(({ n, text, graphic }) => {
    const pairs: Pair[] = []
    const slide = document.querySelector(`.slidev-page-${n}`)
    if (!slide)
      return pairs
    const { backdrop, shown, pseudoTexts } = window.__lp
    const label = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)

    for (const host of slide.querySelectorAll('.mermaid')) {
      const root = host.shadowRoot
      if (!root || !shown(host))
        continue
      const base = backdrop(host)
      const shapeOf = (g: Element) => [
        ...g.querySelectorAll('rect, polygon, circle, ellipse, path'),
      ]
        .find(s => !s.closest('foreignObject') && getComputedStyle(s).fill !== 'none') ?? g.querySelector('rect, polygon, path')
      // A label is SVG text (coloured by its fill) or HTML in a foreignObject (by its colour).
      const textColourOf = (words: Element) => words.tagName.toLowerCase() === 'text'
        ? getComputedStyle(words).fill
        : getComputedStyle(words).color
      // A fill that is not a colour (none, a url() pattern) shows what is behind it.
      const paint = (fill: string) => fill.startsWith('rgb')
        ? fill
        : 'transparent'
      for (const node of root.querySelectorAll('g.node')) {
        const shape = shapeOf(node)
        const words = node.querySelector('.nodeLabel, text')
        if (!shape || !words)
          continue
        const fill = getComputedStyle(shape).fill
        pairs.push({
          what: `diagram node text "${label(words)}"`,
          fg: textColourOf(words),
          bg: fill,
          base,
          need: text,
        })
        const stroke = getComputedStyle(shape).stroke
        // A shape is seen by its outline, or by its fill where the outline is missing.
        if (stroke && stroke !== 'none' && Number.parseFloat(getComputedStyle(shape).strokeWidth) > 0) {
          pairs.push({
            what: `outline of diagram node "${label(words)}"`,
            fg: stroke,
            bg: 'transparent',
            base,
            need: graphic,
          })
        }
        else {
          pairs.push({
            what: `fill of diagram node "${label(words)}"`,
            fg: paint(fill),
            bg: 'transparent',
            base,
            need: graphic,
          })
        }
      }
      for (const cluster of root.querySelectorAll('g.cluster')) {
        const rect = cluster.querySelector('rect')
        const words = cluster.querySelector('.nodeLabel, text')
        if (!rect || !words)
          continue
        pairs.push({
          what: `diagram group title "${label(words)}"`,
          fg: textColourOf(words),
          bg: paint(getComputedStyle(rect).fill),
          base,
          need: text,
        })
        pairs.push({
          what: `outline of diagram group "${label(words)}"`,
          fg: getComputedStyle(rect).stroke,
          bg: 'transparent',
          base,
          need: graphic,
        })
      }
      root.querySelectorAll('path.flowchart-link, .edgePath path.path').forEach((edge, i) => {
        pairs.push({
          what: `diagram arrow ${i + 1}`,
          fg: getComputedStyle(edge).stroke,
          bg: 'transparent',
          base,
          need: graphic,
        })
      })
      root.querySelectorAll('marker path').forEach((head, i) => {
        if (i === 0) {
          pairs.push({
            what: 'diagram arrowheads',
            fg: getComputedStyle(head).fill,
            bg: 'transparent',
            base,
            need: graphic,
          })
        }
      })
      for (const edgeLabel of root.querySelectorAll('.edgeLabel')) {
        const words = [
          ...edgeLabel.querySelectorAll('p, span'),
        ].find(e => label(e)) ?? edgeLabel
        if (!label(words))
          continue
        pairs.push({
          what: `diagram arrow label "${label(words)}"`,
          fg: getComputedStyle(words).color,
          bg: backdrop(words),
          base,
          need: text,
        })
      }
    }

    // Text drawn with CSS `content`, which axe does not check.
    for (const el of [
      slide,
      ...slide.querySelectorAll('*'),
    ]) {
      if (!shown(el))
        continue
      for (const { pseudo, style } of pseudoTexts(el)) {
        pairs.push({
          what: `text ${style.content} drawn by ${pseudo}`,
          fg: style.color,
          bg: 'transparent',
          base: backdrop(el),
          need: text,
        })
      }
    }
    return pairs
  }, { n: no, text: AA.text, graphic: AA.graphic })
}

/** Diagram and CSS-drawn colour pairs on slide `no` that miss WCAG AA. */
export async function contrastProblems(page: Page, no: number): Promise<string[]> {
  const problems: string[] = []
  for (const p of await pairsAxeCannotSee(page, no)) {
    const ratio = contrastOver(p.fg, p.bg, p.base)
    if (ratio === undefined) {
      problems.push(`cannot read the colours of ${p.what} (${p.fg} on ${p.bg})`)
    }
    else if (ratio < p.need) {
      problems.push(`contrast of ${p.what} is ${ratio.toFixed(2)}:1 (${p.fg} on ${p.bg === 'transparent'
        ? p.base
        : p.bg}), needs ${p.need}:1`)
    }
  }
  return [
    ...new Set(problems),
  ]
}

/** Everything the accessibility gate finds at the current step of slide `no`. */
export async function accessibilityProblems(page: Page, no: number): Promise<string[]> {
  const axe = (await axeFindings(page)).filter(f => !f.exempt).map(f => f.text)
  return [
    ...new Set(axe),
    ...await contrastProblems(page, no),
  ]
}
