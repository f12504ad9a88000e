// The palette in styles/deck.css, light and dark, meets WCAG AA for every pair the
// deck draws, in the slides and in the diagrams (setup/mermaid.ts uses these variables),
// so contrast holds even where a browser check cannot see it.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { AA, contrastOver } from './support/contrast'

const css = readFileSync('styles/deck.css', 'utf8')

function palette(selector: string): Record<string, string> {
  const block = new RegExp(`^${selector.replace('.', '\\.')} \\{([^}]*)\\}`, 'm').exec(css)?.[1] ?? ''
  return Object.fromEntries([
    ...block.matchAll(/--lp-([\w-]+):\s*([^;\s][^;]*);/g),
  ].map(m => [
    m[1],
    m[2].trim(),
  ]))
}

// [foreground, background, what draws it, minimum ratio]
const PAIRS: [string, string, string, number][] = [
  ['ink', 'bg', 'body text', AA.text],
  [
    'muted',
    'bg',
    'subtitles, table headers, framing tags',
    AA.text,
  ],
  [
    'ai',
    'bg',
    'AI labels and badges, section corner label',
    AA.text,
  ],
  [
    'crypto',
    'bg',
    'crypto labels and badges, section corner label',
    AA.text,
  ],
  [
    'ink',
    'surface',
    'diagram node and arrow labels, quotes, source card',
    AA.text,
  ],
  [
    'muted',
    'surface',
    'source card kicker and note',
    AA.text,
  ],
  [
    'ink',
    'ai-soft',
    'AI table cells, layer stack, diagram nodes',
    AA.text,
  ],
  [
    'ink',
    'crypto-soft',
    'crypto table cells, layer stack, diagram nodes',
    AA.text,
  ],
  [
    'ai',
    'ai-soft',
    'AI layer numbers in the layer stack',
    AA.text,
  ],
  [
    'crypto',
    'crypto-soft',
    'crypto layer numbers in the layer stack',
    AA.text,
  ],
  [
    'line',
    'bg',
    'diagram arrows, arrowheads and group outlines',
    AA.graphic,
  ],
  [
    'line',
    'surface',
    'outlines of plain diagram nodes',
    AA.graphic,
  ],
  [
    'ai',
    'bg',
    'outlines of AI diagram nodes and layer boxes',
    AA.graphic,
  ],
  [
    'crypto',
    'bg',
    'outlines of crypto diagram nodes and layer boxes',
    AA.graphic,
  ],
]

for (const [scheme, selector] of [
  ['light', ':root'],
  ['dark', 'html.dark'],
] as const) {
  test(`the ${scheme} palette meets WCAG AA for text and lines`, () => {
    const colours = {
      ...palette(':root'),
      ...palette(selector),
    }
    const failing: string[] = []
    for (const [fg, bg, what, need] of PAIRS) {
      expect(colours[fg], `--lp-${fg}`).toBeTruthy()
      expect(colours[bg], `--lp-${bg}`).toBeTruthy()
      const ratio = contrastOver(colours[fg], colours[bg], colours.bg)!
      if (ratio < need)
        failing.push(`--lp-${fg} ${colours[fg]} on --lp-${bg} ${colours[bg]} (${what}): ${ratio.toFixed(2)}:1, needs ${need}:1`)
    }
    expect(failing).toEqual([])
  })
}

test('the contrast arithmetic agrees with WCAG\'s reference values', () => {
  expect(contrastOver('#000', '#fff', '#fff')).toBeCloseTo(21, 5)
  expect(contrastOver('#777777', '#ffffff', '#ffffff')).toBeCloseTo(4.48, 2)
  expect(contrastOver('rgba(0, 0, 0, 0.5)', '#ffffff', '#ffffff')).toBeCloseTo(3.95, 1)
})
