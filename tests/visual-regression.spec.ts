import type { Step } from './support/walk'
import { existsSync } from 'node:fs'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { expect, plain } from './support/deck'
import { BROKEN_SLIDES_URL } from './support/servers'
import { expectLooksApproved, shotName } from './support/visual'
import { settle } from './support/walk'

plain('a box moved by a few pixels fails the comparison, which names slide, click and scheme', async ({ page }) => {
  const { slides } = await loadDeck('tests/fixtures/broken-slides/slides.md')
  const step: Step = {
    slide: slides[0],
    click: 0,
    last: true,
    scheme: 'light',
  }
  await page.goto(`${BROKEN_SLIDES_URL}/1`)
  await settle(page, step.slide)
  const updating = ['all', 'changed'].includes(plain.info().config.updateSnapshots)
  if (updating) {
    // `npm run test:update-screenshots` renews this baseline from the unbroken slide.
    await expectLooksApproved(page, step, { prefix: 'fixture' })
    return
  }
  // The typings list snapshotPath(...names) and snapshotPath(name, { kind }) apart; Playwright takes both at once.
  const snapshotPath = plain.info().snapshotPath.bind(plain.info()) as (...args: [...string[], { kind: 'screenshot' }]) => string
  expect(existsSync(snapshotPath(...shotName(step, 'fixture'), { kind: 'screenshot' })), 'fixture baseline').toBe(true)
  await page.addStyleTag({ content: '.slidev-page-1 ul { translate: 4px 0; }' })
  const check = expectLooksApproved(page, step, { prefix: 'fixture' })
  await expect(check).rejects.toThrow(/^slide 1 \(tests\/fixtures\/broken-slides\/slides\.md: ".*"\), click 0, light looks different from its baseline/)
  await expect(check).rejects.toThrow(/pixels \(ratio [\d.]+ of all image pixels\) are different/)
})
