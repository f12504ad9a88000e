import type { Page } from '@playwright/test'
import type { SourceSlide } from 'slidev-addon-audience/lib/deck-source'
import type { StageUse } from './stage'
import type { Step } from './walk'
import { accessibilityProblems } from './accessibility'
// The slide gates, all measured in one walk of a deck (→ through every click of every
// slide) instead of one walk each: the walk is the slow part. Each gate keeps its own
// list of problems, every line naming slide, file, click and scheme, so a failure still
// says which gate, where. The walk runs with reduced motion, which the motion gate needs
// and which makes every other step quicker (the state after a step is the same).
import { squash } from './deck'
import { focusProblems } from './keyboard'
import { backRowProblems, inspect } from './layout'
import { motionProblems, recordMotion } from './motion'
import { nameProblems } from './names'
import { deckStageProblems, measureStageUse, slideStageProblems } from './stage'
import { report, settle, walkDeck } from './walk'

export const GATES = [
  'keyboard: → reaches every slide and shows its title',
  'reduced motion: nothing slides or fades',
  'accessibility: axe and diagram contrast',
  'back row: text size and word budget',
  'canvas: nothing sticks out',
  'names: diagrams and images are named',
  'stage: slides use the canvas, diagrams are heroes',
  'focus: every control shows a ring',
] as const
export type Gate = typeof GATES[number]

export interface Walked {
  problems: Record<Gate, string[]>
  /** Slides seen complete (every v-click shown), in order. */
  complete: number[]
  stage: { bottom: number, coverage: number }
  steps: number
  /** The most controls Tab reached on one slide. */
  controls: number
}

export interface GateWalkOptions {
  slides: SourceSlide[]
  base?: string
  /** Called at each slide's last step, after the gates (the visual comparison). */
  atLast?: (step: Step) => Promise<void>
}

/** Walks the deck once, measuring every gate at every step. */
export async function walkGates(page: Page, { slides, base = '', atLast }: GateWalkOptions): Promise<Walked> {
  const problems = Object.fromEntries(GATES.map(g => [g, [] as string[]])) as Record<Gate, string[]>
  const add = (gate: Gate, step: Step, found: string[]) => problems[gate].push(...report(step, found))
  const uses: StageUse[] = []
  const complete: number[] = []
  let controls = 0
  await recordMotion(page)
  const steps = await walkDeck(page, { slides, base, still: false }, async (step) => {
    // Before waiting for anything: with reduced motion the step must already be still.
    add('reduced motion: nothing slides or fades', step, await motionProblems(page, step.slide.no))
    await settle(page, step.slide)
    const no = step.slide.no
    if (step.click === 0) {
      const heading = (await page.locator(`.slidev-page-${no} h1`).first().textContent()) ?? ''
      add('keyboard: → reaches every slide and shows its title', step, squash(heading) === squash(step.slide.title)
        ? []
        : [`shows the title "${squash(heading)}", not "${squash(step.slide.title)}"`])
    }
    add('accessibility: axe and diagram contrast', step, await accessibilityProblems(page, no))
    const inspection = await inspect(page, no)
    add('back row: text size and word budget', step, backRowProblems(inspection, step.last))
    add('canvas: nothing sticks out', step, inspection.overflow)
    add('names: diagrams and images are named', step, await nameProblems(page, step.slide))
    if (step.last) {
      const use = await measureStageUse(page, no)
      uses.push(use)
      add('stage: slides use the canvas, diagrams are heroes', step, slideStageProblems(use))
      complete.push(no)
      await atLast?.(step)
    }
    // Last: Tab moves focus and shows the nav bar, which the measures above must not see.
    if (step.click === 0) {
      const focus = await focusProblems(page)
      controls = Math.max(controls, focus.controls)
      add('focus: every control shows a ring', step, focus.problems)
    }
  })
  const stage = deckStageProblems(uses)
  problems['stage: slides use the canvas, diagrams are heroes'].push(...stage.problems)
  return {
    problems,
    complete,
    stage: { bottom: stage.bottom, coverage: stage.coverage },
    steps,
    controls,
  }
}
