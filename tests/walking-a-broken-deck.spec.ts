import type { Walked } from './support/gates'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { expect, plain, reportCspViolations } from './support/deck'
import { walkGates } from './support/gates'
import { IN_PAGE_HELPERS } from './support/in-page'
import { BROKEN_SLIDES_URL } from './support/servers'
import { REDUCED_MOTION } from './support/tags'

// Each slide gate must fail where it should: the fixture deck has one slide broken per
// gate and a good slide first. One walk of it, as tests/walking-the-talk.spec.ts walks the
// talk, then one test per gate on what it reported.

const fixture = loadDeck('tests/fixtures/broken-slides/slides.md')
const slideTitled = async (start: string) => (await fixture).slides.find(s => s.title.startsWith(start))!
const at = (no: number, click = 0) => new RegExp(`^slide ${no} \\(tests/fixtures/broken-slides/slides\\.md: ".*"\\), click ${click}, light: `)
const others = (problems: string[], ...nos: number[]) => problems.filter(p => !nos.some(no => p.startsWith(`slide ${no} `)))

plain.describe('walking the broken fixture deck', { tag: REDUCED_MOTION }, () => {
  plain.describe.configure({ mode: 'serial' })
  let walked: Walked

  plain.beforeAll(async ({ browser }) => {
    plain.setTimeout(300_000)
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      colorScheme: 'light',
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    })
    await reportCspViolations(context)
    await context.addInitScript(IN_PAGE_HELPERS)
    walked = await walkGates(await context.newPage(), { slides: (await fixture).slides, base: BROKEN_SLIDES_URL })
    await context.close()
  })

  plain('the good slide passes every gate', () => {
    for (const problems of Object.values(walked.problems))
      expect(problems.filter(p => p.startsWith('slide 1 '))).toEqual([])
  })

  plain('faint text and a faint diagram fail the accessibility gate', async () => {
    const problems = walked.problems['accessibility: axe and diagram contrast']
    const faint = await slideTitled('Faint text')
    const faintDiagram = await slideTitled('A faint diagram')
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(faint.no, 1).source}color-contrast \\(serious\\)`)))
    expect(problems.filter(p => p.startsWith(`slide ${faint.no} `) && p.includes(', click 0,'))).toEqual([])
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(faintDiagram.no).source}contrast of diagram node text .* needs 4.5:1`)))
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(faintDiagram.no).source}contrast of diagram arrow 1 .* needs 3:1`)))
  })

  plain('tiny text and a wordy slide fail the back-row gate', async () => {
    const problems = walked.problems['back row: text size and word budget']
    const tiny = await slideTitled('Small print')
    const wordy = await slideTitled('Far too many words')
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(tiny.no).source}text ".*" renders at 12.0 px, below 20 px`)))
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(wordy.no).source}\\d+ visible words, over the budget of 40`)))
  })

  plain('a list that runs off the slide and a box that clips its text fail the canvas gate', async () => {
    const problems = walked.problems['canvas: nothing sticks out']
    const long = await slideTitled('A list that runs off')
    const clipped = await slideTitled('A box that clips')
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(long.no).source}.* past the bottom edge of the slide`)))
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(clipped.no).source}div.* clips its content`)))
    expect(others(problems, long.no, clipped.no)).toEqual([])
  })

  plain('an unnamed diagram and an image without alt text fail the names gate', async () => {
    const problems = walked.problems['names: diagrams and images are named']
    const broken = await slideTitled('A diagram nobody can name')
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(broken.no).source}diagram 1 has no name: add accTitle`)))
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(broken.no).source}diagram 1 has no description: add accDescr`)))
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(broken.no).source}image /favicon.svg has no alt text`)))
    expect(others(problems, broken.no)).toEqual([])
  })

  plain('a small block under its title fails the stage gate, and so do the deck\'s medians', async () => {
    const problems = walked.problems['stage: slides use the canvas, diagrams are heroes']
    const small = await slideTitled('A small block under its title')
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(small.no).source}content is a small block under the title`)))
    expect(problems.filter(p => p.startsWith('median '))).not.toEqual([])
  })

  plain('a spinner and a slow fade fail the reduced-motion gate', async () => {
    const problems = walked.problems['reduced motion: nothing slides or fades']
    const moving = await slideTitled('A spinner')
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(moving.no).source}animation "spin[^"]*" on div.spinner runs forever`)))
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${at(moving.no, 1).source}transition of opacity on p.* lasts 1500 ms`)))
    expect(others(problems, moving.no)).toEqual([])
  })

  plain('a button whose focus is invisible fails the focus gate', async () => {
    const broken = await slideTitled('A button whose focus')
    expect(walked.problems['focus: every control shows a ring']).toEqual([
      expect.stringMatching(new RegExp(`${at(broken.no).source}button "Reveal" shows no focus ring`)),
    ])
  })

  plain('a slide whose heading is not its title fails the keyboard gate', async () => {
    const problems = walked.problems['keyboard: → reaches every slide and shows its title']
    const untitled = await slideTitled('A title the slide does not show')
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`${at(untitled.no).source}shows the title "A heading that is not the slide's title"`)),
    ])
  })
})
