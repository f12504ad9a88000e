import type { Deck, SourceSlide } from 'slidev-addon-audience/lib/deck-source'
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { loadDeck } from 'slidev-addon-audience/lib/deck-source'
import { ARTICLE, nearestSentence, quoteInArticle } from './support/article'
import { layerNameProblems, MAX_SLIDES, paceProblems, provenanceProblems, quoteProblems } from './support/talk-checks'

// Source-level gates: no browser and no built site, only the Markdown, the article
// (snippets/layered-paradox.md) and the model (snippets/layers.ts).

test('every slide says where it comes from: the article\'s paragraphs or the talk\'s own', async () => {
  expect(provenanceProblems(await loadDeck())).toEqual([])
})

test('every quote on the slides and in the notes is the article\'s words', async () => {
  expect(quoteProblems(await loadDeck())).toEqual([])
})

test('the notes\' cues fit their words and add up to the duration, with time for the room', async () => {
  expect(paceProblems(await loadDeck())).toEqual([])
})

test('every `L1 · Name` on the slides names the layer as the model does', async () => {
  expect(layerNameProblems(await loadDeck())).toEqual([])
})

test('quotes compare with case, whitespace and quote marks aside; an ellipsis leaves words out', () => {
  expect(quoteInArticle('crypto stratification is  kidnapped by tokenomic')).toBe(true)
  expect(quoteInArticle('as if all the solutions are just for the purpose of “issuing coins”')).toBe(true)
  expect(quoteInArticle('depends on one’s own opinion')).toBe(true)
  expect(quoteInArticle('Everyone says … this L1-L2-L3 nesting game')).toBe(true)
  expect(quoteInArticle('kidnapped by tokenomics')).toBe(false)
  expect(quoteInArticle('idnapped by Tokenomic'), 'a quote starts and ends on whole words').toBe(false)
  expect(quoteInArticle('this L1-L2-L3 nesting game … Everyone says'), 'the parts in order').toBe(false)
  expect(nearestSentence('kidnapped by tokenomics').paragraph).toBe(8)
  expect(ARTICLE.paragraphs[1]).toMatch(/^Everyone says/)
  expect(ARTICLE.paragraphs[10]).toMatch(/^Of course, this abstract analogy/)
})

// tests/fixtures/broken-talk: one slide per way of straying from the article, a control
// slide that none of them reports, and a deck that has no slide for questions.
const BROKEN = 'tests/fixtures/broken-talk/slides.md'
const fixtureLines = readFileSync(BROKEN, 'utf8').split('\n')

async function broken() {
  const deck = await loadDeck(BROKEN)
  const slide = (title: string) => deck.slides.find(s => s.title.startsWith(title))!
  return { deck, slide }
}

/** How a problem with a slide starts, at its first line or at the line with `text`. */
function at(slide: SourceSlide, text?: string): string {
  const line = text
    ? fixtureLines.findIndex((l, i) => i >= slide.line - 1 && l.includes(text)) + 1
    : slide.line
  return `${slide.path}:${line} slide ${slide.no} "${slide.title}"`
}

const startingWith = (prefix: string) => expect.stringMatching(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))

test('a slide without `article:` or `own:` is reported, and only it', async () => {
  const { deck, slide } = await broken()
  expect(provenanceProblems(deck)).toEqual([
    startingWith(`${at(slide('A slide that says nothing'))}: says neither`),
  ])
})

test('frontmatter outside the contract is reported', async () => {
  const { deck, slide } = await broken()
  const control = slide('A slide no check reports')
  const wrong = {
    'article: [11]': {
      article: [11],
    },
    'article: []': { article: [] },
    'article: "3"': { article: '3' },
    'own: "opinion"': { own: 'opinion' },
    'audience: "chat"': { own: 'question', audience: 'chat', audienceTime: '3min' },
    'audience: "discussion" needs': { own: 'question', audience: 'discussion' },
    'audienceTime: "3min" without': {
      article: [1],
      audienceTime: '3min',
    },
  }
  for (const [problem, frontmatter] of Object.entries(wrong)) {
    const slides = [
      { ...control, frontmatter } as SourceSlide,
    ]
    expect(provenanceProblems({ ...deck, slides }), problem).toEqual([
      expect.stringContaining(problem),
    ])
  }
})

test('a misquote is reported where it is, with the article\'s nearest sentence', async () => {
  const { deck, slide } = await broken()
  const nearest = ARTICLE.sentences.find(s => s.text.includes('kidnapped by Tokenomic'))!
  expect(quoteProblems(deck)).toEqual([
    `${at(slide('A slide that misquotes'), '"kidnapped by tokenomics"')}: "kidnapped by tokenomics" is not in the article; `
    + `nearest in the article (paragraph ${nearest.paragraph}): ${nearest.text}`,
  ])
})

test('a cue that disagrees with its words, a backup before the end and no time to hear answers back or for questions are reported', async () => {
  const { deck, slide } = await broken()
  const problems = paceProblems(deck)
  expect(problems).toHaveLength(4)
  expect(problems).toEqual(expect.arrayContaining([
    startingWith(`${at(slide('A slide whose cue disagrees'), '[~1 min]')}: 40 words in 60 s of cues is 40 words a minute`),
    startingWith(`${at(slide('A backup before the end'), 'backup: true')}: a backup slide before the end of the talk`),
    startingWith(`${BROKEN}:2 the deck: no slide gives the room 60 s or more of report-back`),
    startingWith(`${BROKEN}:2 the deck: no slide gives the room 120 s or more of questions`),
  ]))
})

test('cues that do not add up to the duration, a slide without a cue and too many slides are reported', async () => {
  const { deck, slide } = await broken()
  const before = paceProblems(deck)
  const added = (changed: Deck) => paceProblems(changed).filter(p => !before.includes(p))

  expect(added({ ...deck, duration: deck.duration + 60 })).toEqual([
    startingWith(`${BROKEN}:2 the deck: the slides' time (cues and the room's own) adds up to 340 s (5:40), not the duration's 400 s (6:40)`),
  ])

  const silent = slide('A slide that says nothing')
  const slides = deck.slides.map(s => s === silent
    ? {
        ...s,
        note: s.note.replace(/\[~20 s\]/, ''),
      }
    : s)
  expect(added({ ...deck, slides })).toEqual([
    startingWith(`${at(silent, '<!--')}: the notes have no time cue`),
    startingWith(`${BROKEN}:2 the deck: the slides' time`),
  ])

  const control = slide('A slide no check reports')
  const many = Array.from({ length: MAX_SLIDES + 1 }, (_, i) => ({ ...control, no: i + 1 }))
  expect(added({ ...deck, slides: many }).filter(p => p.includes(`at most ${MAX_SLIDES}`))).toEqual([
    startingWith(`${control.path}:${control.line} slide ${MAX_SLIDES + 1} "${control.title}": the talk has ${MAX_SLIDES + 1} slides`),
  ])
})

test('layer names that stray from the model are reported, on slides and in Mermaid', async () => {
  const { deck, slide } = await broken()
  const stray = slide('A slide whose layer names stray')
  expect(layerNameProblems(deck)).toEqual([
    `${at(stray, '**L2 · Reasoning models**')}: "L2 · Reasoning models" does not name the model's L2 (crypto: "Rollups"; snippets/layers.ts)`,
    `${at(stray, 'C1["L1 · Chains')}: "L1 · Chains" (node C1) does not name the model's L1 (crypto: "Public chains"; snippets/layers.ts)`,
  ])
})

test('the control slide, which quotes, names layers and times itself rightly, is reported by no check', async () => {
  const { deck, slide } = await broken()
  const control = ` slide 1 "${slide('A slide no check reports').title}"`
  for (const check of [
    provenanceProblems,
    quoteProblems,
    paceProblems,
    layerNameProblems,
  ])
    expect(check(deck).filter(p => p.includes(control)), check.name).toEqual([])
})
