// Source-level gates that keep the talk to the article (snippets/talk.ts has the frontmatter
// contract): pure functions over the parsed deck that list what is wrong, each problem
// starting with the `file:line` to fix and naming the slide, so a failing test's message
// is the to-do list.

import type { Deck, SourceSlide } from 'slidev-addon-audience/lib/deck-source'
import type { Field } from '../../snippets/layers'
import type { TalkFrontmatter } from '../../snippets/talk'
import { ai, crypto } from '../../snippets/layers'
import { AUDIENCE_KINDS, CUE, cueSeconds, OWN_KINDS, parseSeconds, slideSeconds, spokenWords } from '../../snippets/talk'
import { ARTICLE, nearestSentence, quoteInArticle } from './article'

/** Words a minute the notes may ask of the presenter, for the time their cues give. */
export const PACE = { min: 120, max: 165 }
/** The room's own time the talk must leave, in seconds: to discuss, to hear answers back, to ask. */
export const ROOM = { 'discussion': 150, 'report-back': 60, 'questions': 120 }
export const MAX_SLIDES = 24

interface Range {
  from: number
  to: number
}

/** A slide's text, and where its parts are, as offsets into `slide.raw`. */
interface Layout {
  body: number
  fences: (Range & { info: string })[]
  comments: Range[]
  note?: Range
}

function layout(slide: SourceSlide): Layout {
  const { raw } = slide
  const lines = raw.split('\n')
  const starts: number[] = []
  for (let i = 0, at = 0; i < lines.length; at += lines[i].length + 1, i++)
    starts.push(at)
  const first = Math.min(Math.max(slide.contentLine - slide.line, 0), lines.length)
  const body = starts[first] ?? raw.length
  const fences: Layout['fences'] = []
  for (let i = first; i < lines.length; i++) {
    const line = lines[i].trimStart()
    const fence = /^(?:`{3,}|~{3,})/.exec(line)?.[0]
    if (!fence)
      continue
    // As Slidev's parser: a fence with no closing line is not a code block.
    const close = lines.findIndex((l, j) => j > i && l.trimStart().startsWith(fence))
    if (close < 0)
      continue
    fences.push({
      from: starts[i],
      to: starts[close] + lines[close].length,
      info: line.slice(fence.length).trim(),
    })
    i = close
  }
  const inFence = (i: number) => fences.some(f => i >= f.from && i < f.to)
  const comments = [
    ...raw.slice(body).matchAll(/<!--[\s\S]*?-->/g),
  ]
    .map(m => ({ from: body + m.index, to: body + m.index + m[0].length }))
    .filter(c => !inFence(c.from))
  // As Slidev's parser: the notes are the last comment, with nothing after it.
  const last = comments.at(-1)
  const note = last && !raw.slice(last.to).trim()
    ? last
    : undefined
  return { body, fences, comments, note }
}

function blank(text: string, { from, to }: Range): string {
  return text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to)
}

function blankAll(text: string, pattern: RegExp): string {
  return text.replace(pattern, m => m.replace(/[^\n]/g, ' '))
}

function lineOf(slide: SourceSlide, offset: number): number {
  return slide.line + (slide.raw.slice(0, offset).match(/\n/g)?.length ?? 0)
}

/** How a problem starts: the file and line to fix, and the slide. */
function at(slide: SourceSlide, offset = 0): string {
  return `${slide.path}:${lineOf(slide, offset)} slide ${slide.no} "${slide.title}"`
}

/** Where `key:` is in the slide's frontmatter; the slide's start where it is not there (set by a `src:` slide). */
function keyOffset(slide: SourceSlide, key: string): number {
  const frontmatter = slide.raw.slice(0, layout(slide).body)
  return new RegExp(`^${key}\\s*:`, 'm').exec(frontmatter)?.index ?? 0
}

/** Where a problem with the whole deck starts: the headmatter's `key:` line in the entry. */
function deckAt(deck: Deck, key: string): string {
  const head = deck.slides.find(s => s.path === deck.entry && s.line === 1)
  return `${deck.entry}:${head
    ? lineOf(head, keyOffset(head, key))
    : 1} the deck`
}

const fm = (slide: SourceSlide): TalkFrontmatter & Record<string, unknown> => slide.frontmatter
const show = (value: unknown) => JSON.stringify(value)
const LAST_PARAGRAPH = ARTICLE.paragraphs.length - 1

export function provenanceProblems(deck: Deck): string[] {
  const ownKinds = Object.keys(OWN_KINDS)
  return deck.slides.flatMap((slide) => {
    const { article, own, audience, audienceTime } = fm(slide)
    const problems: string[] = []
    if (article === undefined && own === undefined) {
      problems.push(`${at(slide)}: says neither which of the article's paragraphs it paraphrases `
        + `(article: [n, ...], 0 to ${LAST_PARAGRAPH}) nor that it is the talk's own (own: ${ownKinds.join(' | ')})`)
    }
    if (article !== undefined && !(Array.isArray(article) && article.length
      && article.every(n => Number.isInteger(n) && n >= 0 && n <= LAST_PARAGRAPH))) {
      problems.push(`${at(slide, keyOffset(slide, 'article'))}: article: ${show(article)} is not a list of the article's paragraphs (integers 0 to ${LAST_PARAGRAPH})`)
    }
    if (own !== undefined && !(typeof own === 'string' && Object.hasOwn(OWN_KINDS, own)))
      problems.push(`${at(slide, keyOffset(slide, 'own'))}: own: ${show(own)} is not one of ${ownKinds.join(', ')}`)
    if (audience !== undefined && !(AUDIENCE_KINDS as readonly unknown[]).includes(audience))
      problems.push(`${at(slide, keyOffset(slide, 'audience'))}: audience: ${show(audience)} is not one of ${AUDIENCE_KINDS.join(', ')}`)
    if (audience !== undefined && !(typeof audienceTime === 'string' && parseSeconds(audienceTime) > 0)) {
      problems.push(`${at(slide, keyOffset(slide, audienceTime === undefined
        ? 'audience'
        : 'audienceTime'))}: audience: ${show(audience)} needs audienceTime: like 3min or 90s, not ${show(audienceTime)}`)
    }
    // Without `audience:` the room's time counts for nothing in the timing.
    if (audience === undefined && audienceTime !== undefined)
      problems.push(`${at(slide, keyOffset(slide, 'audienceTime'))}: audienceTime: ${show(audienceTime)} without audience: ${AUDIENCE_KINDS.join(' | ')}`)
    return problems
  })
}

/** The slide's words as the audience reads them and the presenter says them: no frontmatter, code, tags or other comments. */
function quotableText(slide: SourceSlide): string {
  const { body, fences, comments, note } = layout(slide)
  let text = blank(slide.raw, { from: 0, to: body })
  for (const range of [
    ...fences,
    ...comments.filter(c => c !== note),
  ])
    text = blank(text, range)
  if (note) {
    text = blank(text, { from: note.from, to: note.from + 4 })
    text = blank(text, { from: note.to - 3, to: note.to })
  }
  text = blankAll(text, /<\/?[a-z][\w:.-]*(?:[\s/](?:"[^"]*"|'[^']*'|[^'">])*)?>/gi)
  return blankAll(text, /(`+)[^`]*\1/g)
}

/** Double-quoted runs within one paragraph: "…" or “…”. */
const QUOTE = /“((?:[^”\n]|\n(?!\s*\n))*)”|"((?:[^"\n]|\n(?!\s*\n))*)"/g

export function quoteProblems(deck: Deck): string[] {
  return deck.slides.flatMap((slide) => {
    return [
      ...quotableText(slide).matchAll(QUOTE),
    ].flatMap((m) => {
      const quote = (m[1] ?? m[2]).replace(/\*/g, '').replace(/\s+/g, ' ').trim()
      if (!/[\p{L}\p{N}]/u.test(quote) || quoteInArticle(quote))
        return []
      const nearest = nearestSentence(quote)
      return [`${at(slide, m.index)}: "${quote}" is not in the article; nearest in the article (paragraph ${nearest.paragraph}): ${nearest.text}`]
    })
  })
}

/** The frontmatter as the timing reads it, without values that would not parse. */
function timing(slide: SourceSlide): TalkFrontmatter {
  const { audience, audienceTime, backup } = fm(slide)
  return {
    audience,
    backup,
    audienceTime: typeof audienceTime === 'string'
      ? audienceTime
      : undefined,
  }
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`
}

export function paceProblems(deck: Deck): string[] {
  const { slides, duration } = deck
  const problems: string[] = []
  for (const slide of slides) {
    const { note } = layout(slide)
    const seconds = cueSeconds(slide.note)
    const words = spokenWords(slide.note)
    if (!seconds) {
      if (!timing(slide).backup)
        problems.push(`${at(slide, note?.from)}: the notes have no time cue like [~45 s] for their ${words} words`)
      continue
    }
    const wpm = words / (seconds / 60)
    if (wpm < PACE.min || wpm > PACE.max) {
      const cue = note
        ? slide.raw.indexOf(slide.note.match(CUE)![0], note.from)
        : -1
      problems.push(`${at(slide, cue < 0
        ? note?.from
        : cue)}: ${words} words in ${seconds} s of cues is ${Math.round(wpm)} words a minute, `
        + `not ${PACE.min}–${PACE.max}: cue ${Math.ceil(words / PACE.max * 60)}–${Math.floor(words / PACE.min * 60)} s for these words`)
    }
  }
  const talk = slides.filter(s => !timing(s).backup)
  const total = slides.reduce((sum, s) => sum + slideSeconds(s.note, timing(s)), 0)
  if (total !== duration) {
    problems.push(`${deckAt(deck, 'duration')}: the slides' time (cues and the room's own) adds up to ${total} s (${clock(total)}), `
      + `not the duration's ${duration} s (${clock(duration)})`)
  }
  for (const [kind, min] of Object.entries(ROOM)) {
    const given = talk.filter(s => s.frontmatter.audience === kind).map(s => parseSeconds(timing(s).audienceTime ?? ''))
    if (!given.some(s => s >= min)) {
      problems.push(`${deckAt(deck, 'duration')}: no slide gives the room ${min} s or more of ${kind} `
        + `(audience: ${kind}, audienceTime: ${min / 60}min)${given.length
          ? `; it has ${given.join(' s, ')} s`
          : ''}`)
    }
  }
  const last = slides.findLastIndex(s => !timing(s).backup)
  for (const slide of slides.slice(0, last).filter(s => timing(s).backup))
    problems.push(`${at(slide, keyOffset(slide, 'backup'))}: a backup slide before the end of the talk (slide ${slides[last].no} "${slides[last].title}"); backups go after it`)
  if (talk.length > MAX_SLIDES)
    problems.push(`${at(talk[MAX_SLIDES])}: the talk has ${talk.length} slides besides backups, at most ${MAX_SLIDES}; this is the ${MAX_SLIDES + 1}th`)
  return problems
}

const FIELDS: Field[] = [ai, crypto]

/** The field a slide's frontmatter puts it in (`field: ai`, `class: field-ai`), if any. */
function slideField(slide: SourceSlide): Field | undefined {
  const { field, class: classes } = fm(slide)
  const names = typeof classes === 'string'
    ? classes.split(/\s+/)
    : []
  return FIELDS.find(f => field === f.id || names.includes(`field-${f.id}`))
}

/** Mermaid node ids and their classes, from `class a,b ai` lines and `a["…"]:::ai`. */
function nodeClasses(code: string): Map<string, string[]> {
  const classes = new Map<string, string[]>()
  const add = (id: string, name: string) => classes.set(id, [
    ...classes.get(id) ?? [],
    name,
  ])
  for (const line of code.split('\n')) {
    const [keyword, ...rest] = line.replace(/;\s*$/, '').trim().split(/\s+/)
    if (keyword === 'class' && rest.length > 1)
      rest.slice(0, -1).join('').split(',').forEach(id => add(id, rest.at(-1)!))
  }
  for (const [, id, name] of code.matchAll(/([a-z_][\w-]*)\s*[[({](?:"[^"]*"|[^"\])}])*[\])}]+:::([\w-]+)/gi))
    add(id, name)
  return classes
}

/** `L1 · Name`: the level, and the name up to the end of a label or a line (`<br/>` ends it too). */
const LAYER = /\bL(\d+)[ \t]+·[ \t]+([^<"\]\n|)}]*)/g

export function layerNameProblems(deck: Deck): string[] {
  return deck.slides.flatMap((slide) => {
    const { body, fences, comments } = layout(slide)
    let text = blank(slide.raw, { from: 0, to: body })
    for (const comment of comments)
      text = blank(text, comment)
    return [
      ...text.matchAll(LAYER),
    ].flatMap((m) => {
      const level = `L${m[1]}`
      const written = m[2].trim()
      const mermaid = fences.find(f => m.index >= f.from && m.index < f.to && /^mermaid\b/.test(f.info))
      let fields = FIELDS
      let node = ''
      if (mermaid) {
        const line = slide.raw.slice(slide.raw.lastIndexOf('\n', m.index) + 1, m.index)
        node = /([a-z_][\w-]*)\s*[[({]+"?[^"[\](){}]*$/i.exec(line)?.[1] ?? ''
        const classes = nodeClasses(slide.raw.slice(mermaid.from, mermaid.to)).get(node) ?? []
        fields = FIELDS.filter(f => classes.includes(f.id))
      }
      if (fields.length !== 1)
        fields = [slideField(slide) ?? FIELDS].flat()
      const names = fields.map(f => ({ field: f.id, name: f.layers.find(l => l.level === level)?.name }))
      const fits = names.some(({ name }) => name && written.toLowerCase().startsWith(name.toLowerCase())
        && !/\p{L}/u.test(written[name.length] ?? ''))
      if (fits)
        return []
      const model = names.map(({ field, name }) => `${field}: ${name
        ? `"${name}"`
        : `no ${level}`}`).join(', ')
      const shown = /^[^*_`.,;:!?]*/.exec(written)![0].trim().slice(0, 40)
      return [`${at(slide, m.index)}: "${level} · ${shown}"${node
        ? ` (node ${node})`
        : ''} does not name the model's ${level} (${model}; snippets/layers.ts)`]
    })
  })
}
