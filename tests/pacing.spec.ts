import { AA, contrastOver } from './support/contrast'
import { BOTH_SCHEMES, expect, test } from './support/deck'

// The presenter keeps time with a badge in the presenter view's nav bar: the timer
// against the notes' time cues up to the current slide. Playwright's clock plays the
// talk's minutes in milliseconds.

const CUE = /\[~(\d+(?:\.\d+)?) (s|min)\]/g
function seconds(note: string) {
  return [
    ...note.matchAll(CUE),
  ].reduce((sum, [, n, unit]) => sum + Number(n) * (unit === 'min'
    ? 60
    : 1), 0)
}
const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`

test('the presenter sees whether the talk is on time, behind or ahead of the notes\' cues', { tag: BOTH_SCHEMES }, async ({ deck, page }) => {
  await page.clock.install({
    time: new Date('2026-06-17T18:00:00Z'),
  })
  await page.goto('/presenter/1')
  const badge = page.locator('.pacing-badge')
  await expect(page.locator('.grid-section.bottom .font-mono')).toBeVisible()
  // From here the clock moves only when the test moves it, however busy the machine is.
  await page.clock.pauseAt(new Date('2026-06-17T18:01:00Z'))
  await expect(badge, 'no badge before the timer starts').toHaveCount(0)
  await page.locator('.grid-section.bottom .font-mono').hover()
  await page.locator('.grid-section.bottom .i-carbon\\:play').click()

  await expect(badge).toHaveText('on time')
  const [first, second, third] = deck.slides.map(s => seconds(s.note))
  // 1:20 past the end of slide 1's cue, still on slide 1.
  await page.clock.fastForward((first + 80) * 1000)
  await expect(badge).toHaveText('1:20 behind')
  await expect(badge).toHaveClass(/behind/)

  // Back to the start of the talk's clock: on slide 3 at 0:10, the cues of slides 1 and 2 are still to come.
  await page.locator('.grid-section.bottom .font-mono').hover()
  await page.locator('.grid-section.bottom .i-carbon\\:renew').click()
  await page.locator('.grid-section.bottom .i-carbon\\:play').click()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/\/presenter\/3$/)
  await page.clock.fastForward(10_000)
  await expect(badge).toHaveText(`${clock(first + second - 10)} ahead`)
  await expect(badge).toHaveClass(/ahead/)
  expect(third).toBeGreaterThan(0)

  // Colour plus text, and the text readable on its own fill.
  const { color, background } = await badge.evaluate((el) => {
    const st = getComputedStyle(el)
    return { color: st.color, background: st.backgroundColor }
  })
  expect(contrastOver(color, background, background)).toBeGreaterThanOrEqual(AA.text)
})

test('the audience never sees the pacing badge', async ({ page }) => {
  await page.clock.install({
    time: new Date('2026-06-17T18:00:00Z'),
  })
  await page.goto('/1')
  await page.locator('.slidev-page-1').hover()
  await expect(page.locator('.slidev-nav, nav').first()).toBeAttached()
  await expect(page.locator('.pacing-badge')).toHaveCount(0)
})
