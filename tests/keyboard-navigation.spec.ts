import { expect, plain, REDUCED_MOTION, squash, test } from './support/deck'
import { focusProblems } from './support/keyboard'
import { BROKEN_SLIDES_URL } from './support/servers'
import { loadDeck } from '../lib/deck-source'
import { report, walkDeck, where } from './support/walk'

test('every slide is reachable by keyboard from the first and shows its title', async ({ deck, page }) => {
  test.slow() // walks the whole talk, click by click
  await deck.open(1)
  for (const slide of deck.slides) {
    await expect(page, `→ should reach slide ${slide.no}`).toHaveURL(new RegExp(`/${slide.no}$`))
    const heading = deck.slide(slide.no).locator('h1').first()
    await expect(heading).toBeVisible()
    expect(squash(await heading.innerText())).toBe(squash(slide.title))
    if (slide.no === deck.slides.length)
      break
    // → steps through the slide's clicks (the URL gains ?clicks=N), then moves on;
    // bounded, so a deck that stops advancing fails here.
    for (let press = 0; press < 10 && !page.url().endsWith(`/${slide.no + 1}`); press++) {
      const before = page.url()
      await page.keyboard.press('ArrowRight')
      await expect(page).not.toHaveURL(before)
    }
  }
})

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
    const shown = step.click ? `/${step.slide.no}\\?clicks=${step.click}$` : `/${step.slide.no}(\\?clicks=0)?$`
    await expect(audience, `audience view at ${where(step)}`).toHaveURL(new RegExp(shown))
  })
  expect(steps).toBeGreaterThan(deck.slides.length)
  // ← steps back through the clicks too.
  await page.keyboard.press('ArrowLeft')
  await expect(audience).not.toHaveURL(new RegExp(`/${deck.slides.length}$`))
})

test('the presenter starts the countdown of the talk\'s duration with t, and pauses it with t', async ({ deck, page }) => {
  const minutes = deck.duration / 60
  // Playwright's clock: time moves only when the test says so.
  await page.clock.install()
  await page.goto('/presenter/1')
  const timer = page.locator('.grid-section.bottom .font-mono')
  await expect(timer).toHaveText(`${minutes}:00`)
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
test.describe('focus', { tag: REDUCED_MOTION }, () => {
  test('every control the deck shows has a visible focus ring, on every slide and in the presenter view', async ({ deck, page }) => {
    test.setTimeout(120_000)
    const problems: string[] = []
    let controls = 0
    await walkDeck(page, { slides: deck.slides }, async (step) => {
      if (step.click === 0) {
        const found = await focusProblems(page)
        controls = Math.max(controls, found.controls)
        problems.push(...report(step, found.problems))
      }
    })
    await page.goto('/presenter/1')
    await expect(page.locator('.slidev-note').first()).toBeVisible()
    const presenter = await focusProblems(page)
    problems.push(...presenter.problems.map(p => `presenter view: ${p}`))
    expect(controls, 'controls reached with Tab').toBeGreaterThan(5)
    expect(presenter.controls, 'presenter view controls reached with Tab').toBeGreaterThan(5)
    expect(problems).toEqual([])
  })

  plain('a button whose focus is invisible fails the focus check, which names slide, click and scheme', async ({ page }) => {
    plain.setTimeout(120_000)
    const { slides } = await loadDeck('tests/fixtures/broken-slides/slides.md')
    const problems: string[] = []
    await walkDeck(page, { slides, base: BROKEN_SLIDES_URL }, async (step) => {
      if (step.click === 0)
        problems.push(...report(step, (await focusProblems(page)).problems))
    })
    const broken = slides.find(s => s.title.startsWith('A button whose focus'))!
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^slide ${broken.no} \\(.*\\), click 0, light: button "Reveal" shows no focus ring`))])
  })
})
