import { expect, test } from '@playwright/test'
import { loadDeck } from '../lib/deck-source'

const CUE = /\[~(\d+(?:\.\d+)?) (s|min)\]/g

test('every slide has speaker notes whose time cues add up to the duration', async () => {
  const { slides, headmatter, duration } = await loadDeck()
  let seconds = 0
  for (const slide of slides) {
    expect(slide.note.trim(), `notes of slide ${slide.no} ("${slide.title}")`).not.toBe('')
    const cues = [...slide.note.matchAll(CUE)]
    expect(cues.length, `time cue like [~1 min] in the notes of slide ${slide.no}`).toBeGreaterThan(0)
    for (const [, n, unit] of cues)
      seconds += Number(n) * (unit === 'min' ? 60 : 1)
  }
  expect(headmatter.duration, 'duration in the headmatter').toBeTruthy()
  expect(seconds).toBe(duration)
})

test('the talk fits a 15–20 minute slot with 14 to 30 slides', async () => {
  const { slides, duration } = await loadDeck()
  expect(slides.length).toBeGreaterThanOrEqual(14)
  expect(slides.length).toBeLessThanOrEqual(30)
  const minutes = duration / 60
  expect(minutes).toBeGreaterThanOrEqual(15)
  expect(minutes).toBeLessThanOrEqual(20)
})
