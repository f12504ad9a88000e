import type { Page } from '@playwright/test'
import type { Step } from './walk'
// The visual regression gate: each slide, complete, in light and dark, against the
// baseline committed in tests/__screenshots__/ (made with Debian's Chromium at 1280×720).
// `npm run test:update-screenshots` rewrites the baselines on purpose.
import { expect } from '@playwright/test'
import { where } from './walk'

/**
 * Per-pixel colour tolerance (0–1, YIQ) absorbs anti-aliasing; the share of pixels that
 * may differ (0.1 % of 1280×720, about 900 pixels) is less than a box moved by a few pixels.
 */
export const SHOT = {
  threshold: 0.2,
  maxDiffPixelRatio: 0.001,
  animations: 'disabled',
  caret: 'hide',
  scale: 'css',
  stylePath: 'tests/support/screenshot.css',
} as const

/** The baseline's path segments: tests/__screenshots__/[<prefix>/]<scheme>/<NN>.png. */
export function shotName(step: Pick<Step, 'slide' | 'scheme'>, prefix?: string): string[] {
  return [
    ...(prefix
      ? [prefix]
      : []),
    step.scheme,
    `${String(step.slide.no).padStart(2, '0')}.png`,
  ]
}

/** Compares the page with the slide's baseline; `soft` lets a walk report every slide that changed. */
export async function expectLooksApproved(page: Page, step: Step, options: { soft?: boolean, prefix?: string } = {}): Promise<void> {
  // Park the mouse off the nav bar, which appears on hover.
  await page.mouse.move(640, 10)
  const check = options.soft
    ? expect.soft(page, `${where(step)} looks different from its baseline`)
    : expect(page, `${where(step)} looks different from its baseline`)
  await check.toHaveScreenshot(shotName(step, options.prefix), SHOT)
}
