// Haotian's article as the talk cites it (snippets/layered-paradox.md), split the way
// slides' `article: [n]` frontmatter counts: paragraph 0 is the title and byline, 1 to 10
// the body. The quote checks read it here.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const ARTICLE_FILE = fileURLToPath(new URL('../../snippets/layered-paradox.md', import.meta.url))

/** The body paragraphs the slides' `article:` numbers count. */
export const BODY_PARAGRAPHS = 10

export interface Sentence {
  /** The paragraph it is in: 0 for the title and byline, 1 to 10 for the body. */
  paragraph: number
  text: string
}

export interface Article {
  /** Index 0 the title and byline (one line each), 1 to 10 the body paragraphs. */
  paragraphs: string[]
  sentences: Sentence[]
}

/** The article in a copy like snippets/layered-paradox.md: a credit header, `---`, then the text. */
export function parseArticle(markdown: string): Article {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  const rule = lines.findIndex(l => l.trimEnd() === '---')
  const blocks = lines.slice(rule + 1).join('\n').trim().split(/\n\s*\n/).map(b => b.trim())
  const byline = blocks.findIndex(b => /^Author:/i.test(b))
  const body = blocks.slice(byline + 1)
  // A paragraph more or less would silently renumber every slide's `article:` list.
  if (rule < 0 || byline < 0 || body.length !== BODY_PARAGRAPHS)
    throw new Error(`The article should have a title, a byline ending in "Author:" and ${BODY_PARAGRAPHS} paragraphs after "---"; found ${body.length} paragraphs after the byline`)
  const paragraphs = [
    blocks.slice(0, byline + 1).join('\n'),
    ...body,
  ]
  const sentences = paragraphs.flatMap((text, paragraph) => splitSentences(text, paragraph === 0)
    .map(s => ({ paragraph, text: s })))
  return { paragraphs, sentences }
}

function splitSentences(paragraph: string, byLine: boolean): string[] {
  if (byLine)
    return paragraph.split('\n').map(l => l.trim()).filter(Boolean)
  return paragraph
    .replace(/\s+/g, ' ')
    // "vs." in the title is not a sentence's end.
    .split(/(?<!\bvs\.)(?<=[.?!])\s+(?=["“(\p{Lu}\d])/u)
    .map(s => s.trim())
    .filter(Boolean)
}

export const ARTICLE: Article = parseArticle(readFileSync(ARTICLE_FILE, 'utf8'))

const QUOTE_MARKS = /["'`\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2032\u2033\u02BC]/g

/**
 * Text as a quote is compared: case, whitespace and quote marks aside. Quote marks
 * (apostrophes too) go on both sides, so `"issuing coins"` inside a quote that drops
 * the inner quotes still matches, and `one’s` matches `one's`.
 */
export function normaliseQuote(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(QUOTE_MARKS, '').replace(/\s+/g, ' ').trim()
}

const WORD = /[\p{L}\p{N}]/u

/** Where `needle` occurs in `hay` from `from` on, as whole words at its ends; -1 where it does not. */
function indexOfWords(hay: string, needle: string, from: number): number {
  for (let i = hay.indexOf(needle, from); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1] ?? ' '
    const after = hay[i + needle.length] ?? ' '
    if (!(WORD.test(needle[0]) && WORD.test(before)) && !(WORD.test(needle.at(-1)!) && WORD.test(after)))
      return i
  }
  return -1
}

/**
 * Whether the quote is the article's words, case, whitespace and quote marks aside.
 * An ellipsis (`…`, `...`, `[…]`) in the quote leaves words out: each part must be in
 * the same paragraph, in order.
 */
export function quoteInArticle(quote: string, article: Article = ARTICLE): boolean {
  const parts = quote.split(/\[?(?:\.\.\.|…)\]?/).map(normaliseQuote).filter(Boolean)
  if (!parts.length)
    return false
  return article.paragraphs.map(normaliseQuote).some((paragraph) => {
    let at = 0
    for (const part of parts) {
      const i = indexOfWords(paragraph, part, at)
      if (i < 0)
        return false
      at = i + part.length
    }
    return true
  })
}

/** Words as the nearest sentence compares them: lower case, no quote marks, a plural's `s` off. */
function words(text: string): string[] {
  return (normaliseQuote(text).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [])
    .map(w => w.length > 3 && w.endsWith('s') && !w.endsWith('ss')
      ? w.slice(0, -1)
      : w)
}

/**
 * The article's sentence most like the quote: the words they share, each weighted by
 * how few sentences use it (so "by" and "the" count for little), over both sentences' weights.
 */
export function nearestSentence(quote: string, article: Article = ARTICLE): Sentence {
  const sets = article.sentences.map(s => new Set(words(s.text)))
  const df = new Map<string, number>()
  for (const set of sets) {
    for (const w of set)
      df.set(w, (df.get(w) ?? 0) + 1)
  }
  const weight = (w: string) => Math.log((sets.length + 1) / ((df.get(w) ?? 0) + 0.5))
  const total = (set: Set<string>) => [...set].reduce((sum, w) => sum + weight(w), 0)
  const q = new Set(words(quote))
  const qTotal = total(q)
  let best = 0
  let bestScore = -1
  sets.forEach((set, i) => {
    const shared = [...q].filter(w => set.has(w)).reduce((sum, w) => sum + weight(w), 0)
    const score = shared / Math.sqrt((qTotal || 1) * (total(set) || 1))
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  })
  return article.sentences[best]
}
