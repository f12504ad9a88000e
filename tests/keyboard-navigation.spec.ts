import { expect, squash, test } from './support/deck'
import { focusProblems } from './support/keyboard'
import { walkDeck, where } from './support/walk'

test('the whole talk can be given from the presenter view with → alone, and the audience view follows', async ({ deck, page, context }) => {
  test.setTimeout(120_000)
  const audience = await context.newPage()
  await audience.goto('/1')
  await expect(audience.locator('.slidev-page-1 .slidev-layout')).toBeVisible()
  const notes = page.locator('.slidev-note').first()
  let steps = 0
  await walkDeck(page, { slides: deck.slides, view: '/presenter', still: false }, async (step) => {
    steps++
    await expect(notes, `notes at ${where(step)}`).toContainText(squash(step.slide.note.replace(/\[click\]/g, '')).slice(0, 60))
    const shown = step.click
      ? `/${step.slide.no}\\?clicks=${step.click}$`
      : `/${step.slide.no}(\\?clicks=0)?$`
    await expect(audience, `audience view at ${where(step)}`).toHaveURL(new RegExp(shown))
  })
  expect(steps).toBeGreaterThan(deck.slides.length)
  // ← steps back through the clicks too.
  await page.keyboard.press('ArrowLeft')
  await expect(audience).not.toHaveURL(new RegExp(`/${deck.slides.length}$`))
})

test('the presenter starts the countdown of the talk\'s duration with t, and pauses it with t', async ({ deck, page }) => {
  const minutes = deck.duration / 60
  // Playwright's clock, paused: time moves only when the test says so.
  const start = new Date('2026-01-01T18:00:00Z')
  await page.clock.install({ time: start })
  await page.goto('/presenter/1')
  const timer = page.locator('.grid-section.bottom .font-mono')
  await expect(timer).toHaveText(`${minutes}:00`)
  await page.clock.pauseAt(new Date(start.getTime() + 60_000))
  await page.keyboard.press('t')
  await page.clock.runFor(61_000)
  await expect(timer).toHaveText(`${minutes - 2}:59`)
  await page.keyboard.press('t')
  await expect(page.locator('.grid-section.bottom .i-carbon\\:play')).toHaveCount(1)
  await page.clock.runFor(120_000)
  await expect(timer, 'two minutes later, a paused timer shows the same time').toHaveText(`${minutes - 2}:59`)
  await page.keyboard.press('t')
  await page.clock.runFor(2_000)
  await expect(timer, 'and t carries on from there').toHaveText(`${minutes - 2}:57`)
})

// Tab, then look: reduced motion lets Slidev's nav bar appear at once instead of
// fading in over 300 ms, which keeps a Tab through every slide quick.
test('every control of the presenter view has a visible focus ring', async ({ page }) => {
  // The slides' controls are checked at every slide in tests/walking-the-talk.spec.ts.
  await page.goto('/presenter/1')
  await expect(page.locator('.slidev-note').first()).toBeVisible()
  const { problems, controls } = await focusProblems(page)
  expect(controls, 'presenter view controls reached with Tab').toBeGreaterThan(5)
  expect(problems).toEqual([])
})
