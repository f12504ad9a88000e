import { expect, test } from '@playwright/test'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'

// The notes' time cues, their pace and their total are checked with the rest of the
// talk's source in the-talk-follows-the-article.spec.ts (paceProblems).

test('every slide has speaker notes', async () => {
  const { slides } = await loadDeck()
  const silent = slides.filter(s => !s.note.trim()).map(s => `${s.path}:${s.line} slide ${s.no} "${s.title}"`)
  expect(silent).toEqual([])
})

test('the talk fits a 15–20 minute slot', async () => {
  const { headmatter, duration } = await loadDeck()
  expect(headmatter.duration, 'duration in the headmatter').toBeTruthy()
  expect(duration / 60).toBeGreaterThanOrEqual(15)
  expect(duration / 60).toBeLessThanOrEqual(20)
})
