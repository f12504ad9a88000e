import { BOTH_SCHEMES, expect, REDUCED_MOTION, test } from './support/deck'
import { GATES, walkGates } from './support/gates'
import { expectLooksApproved } from './support/visual'

// The talk as a presenter gives it, → through every click of every slide, once per colour
// scheme, with every slide gate measured at every step (tests/support/gates.ts) and each
// complete slide compared with its approved screenshot (tests/__screenshots__/). Each gate
// reports on its own: a failure names the gate, then slide, file, click and scheme. The
// whole walk also runs under the Content-Security-Policy the host sends, and the shared
// fixture fails it on any violation, console error or off-site request.

test('every gate holds at every click of every slide, and every complete slide looks approved', {
  tag: [BOTH_SCHEMES, REDUCED_MOTION],
}, async ({ deck }) => {
  test.setTimeout(400_000)
  let shots = 0
  const walked = await walkGates(deck.page, {
    slides: deck.slides,
    atLast: async (step) => {
      await expectLooksApproved(deck.page, step, { soft: true })
      shots++
    },
  })
  const pct = (x: number) => `${Math.round(x * 100)} %`
  test.info().annotations.push({ type: 'stage use', description: `median lowest edge ${pct(walked.stage.bottom)}, median coverage ${pct(walked.stage.coverage)}` })
  for (const gate of GATES)
    expect.soft(walked.problems[gate], gate).toEqual([])
  expect(walked.complete, '→ reaches every slide complete').toEqual(deck.slides.map(s => s.no))
  expect(shots, 'slides compared with their screenshots').toBe(deck.slides.length)
  expect(walked.controls, 'controls reached with Tab').toBeGreaterThan(5)
})
