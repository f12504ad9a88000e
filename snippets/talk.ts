// What a slide's frontmatter says about the talk, read the same way by the deck in the
// browser (the "talk's own" mark, the pacing badge, the reading view) and by the tests.
//
//   article: [3, 4]        the article's paragraphs the slide paraphrases (0 is its title and byline)
//   own: gloss             the slide is the talk's own (framing, gloss, question, take-home); it shows the mark
//   audience: discussion   the room's own time on this slide (discussion, report-back or questions) ...
//   audienceTime: 3min     ... and how long; counted with the notes' cues
//   backup: true           after the end: outside the timing and the slide count
// Browser-safe: no Node imports.

/** What the talk adds of its own, with the mark a slide of that kind shows. */
export const OWN_KINDS = {
  'framing': 'The talk\'s own framing, not the article\'s',
  'gloss': 'The talk\'s gloss, not the article\'s',
  'question': 'The talk\'s questions, not the article\'s',
  'take-home': 'The talk\'s take-home, not the article\'s',
} as const
export type OwnKind = keyof typeof OWN_KINDS

export const AUDIENCE_KINDS = ['discussion', 'report-back', 'questions'] as const
export type AudienceKind = typeof AUDIENCE_KINDS[number]

export interface TalkFrontmatter {
  article?: number[]
  own?: OwnKind
  audience?: AudienceKind
  audienceTime?: string
  backup?: boolean
}

/** A time cue in the notes: `[~45 s]`, `[~1.5 min]`. */
export const CUE = /\[~(\d+(?:\.\d+)?) (s|min)\]/g

/** `45s`, `45 s`, `2.5min`, `3 min` in seconds; NaN for anything else. */
export function parseSeconds(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|min)$/.exec(text.trim())
  if (!m)
    return Number.NaN
  return Number(m[1]) * (m[2] === 'min'
    ? 60
    : 1)
}

/** The seconds the notes' time cues give the presenter's own words. */
export function cueSeconds(note: string): number {
  return [
    ...note.matchAll(CUE),
  ].reduce((sum, [, n, unit]) => sum + parseSeconds(`${n}${unit}`), 0)
}

/** The room's own seconds on a slide (0 where the room has none). */
export function audienceSeconds(frontmatter: TalkFrontmatter): number {
  return frontmatter.audience && frontmatter.audienceTime
    ? parseSeconds(frontmatter.audienceTime)
    : 0
}

/** A slide's share of the talk's time: what the presenter says, and what the room does. */
export function slideSeconds(note: string, frontmatter: TalkFrontmatter): number {
  return frontmatter.backup
    ? 0
    : cueSeconds(note) + audienceSeconds(frontmatter)
}

/** The words the presenter speaks: the notes without cues, click marks and markup. */
export function spokenText(note: string): string {
  return note
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(CUE, ' ')
    .replace(/\[click(?::\d+)?\]/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export function spokenWords(note: string): number {
  const text = spokenText(note)
  return text
    ? text.split(' ').filter(w => /[\p{L}\p{N}]/u.test(w)).length
    : 0
}
