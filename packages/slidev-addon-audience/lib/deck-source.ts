import type { Headmatter } from '@slidev/types'
// What the deck's Markdown says each slide should show, read with Slidev's own
// parser: the tests compare the built site against this, not against copies, and
// the scripts count and name slides with it.
import { existsSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseTimeString } from '@slidev/parser'
import { load } from '@slidev/parser/fs'

export interface SourceSlide {
  /** 1-based slide number, as in the URL. */
  no: number
  title: string
  note: string
  file: string
  /** `file` relative to the repository's root, as problems name it. */
  path: string
  /** The 1-based line in `file` where the slide's text begins (its frontmatter's `---` where it has one). */
  line: number
  /** The slide's text in `file` as written, from `line` on: frontmatter, content and notes. */
  raw: string
  /** The 1-based line in `file` where the slide's content begins, after its frontmatter. */
  contentLine: number
  /** As Slidev reads it: an imported slide's own, under what its `src:` slide sets; a deck's own keys as it writes them. */
  frontmatter: Record<string, any>
  layout?: string
  content: string
  /** Mermaid blocks on the slide, in order, with their `accTitle`. */
  diagrams: { accTitle: string, code: string }[]
  /** How many times each of our components is used on the slide. */
  components: Record<string, number>
}

export interface Deck {
  slides: SourceSlide[]
  headmatter: Headmatter
  duration: number
  /** The entry Markdown file relative to the repository's root. */
  entry: string
}

/** The components a slide may use: the deck's own (components/ beside its slides.md) and the addon's. */
function componentNames(userRoot: string): string[] {
  return [
    join(userRoot, 'components'),
    fileURLToPath(new URL('../components', import.meta.url)),
  ].filter(existsSync).flatMap(dir => readdirSync(dir)
    .filter(f => f.endsWith('.vue'))
    .map(f => f.replace(/\.vue$/, '')))
}

/** Where the paths in problems start: the folder the command runs in, the deck's. */
const ROOT = process.cwd()

export async function loadDeck(entry = 'slides.md'): Promise<Deck> {
  const file = resolve(entry)
  const userRoot = resolve(file, '..')
  const data = await load({
    userRoot,
    roots: [userRoot],
  }, file)
  const headmatter = data.headmatter as Headmatter
  const names = componentNames(userRoot)
  const slides = data.slides
    .filter(s => !s.frontmatter.hide && !s.frontmatter.disabled)
    .map((s, i) => {
      const diagrams = [
        ...s.content.matchAll(/```mermaid[^\n]*\n([\s\S]*?)```/g),
      ].map(m => ({
        code: m[1],
        accTitle: /accTitle:\s*(.+)/.exec(m[1])?.[1].trim() ?? '',
      }))
      const components = Object.fromEntries(names.map(c => [
        c,
        (s.content.match(new RegExp(`<${c}[\\s/>]`, 'g')) ?? []).length,
      ]))
      return {
        no: i + 1,
        title: s.title ?? '',
        note: s.note ?? '',
        file: s.source.filepath,
        path: relative(ROOT, s.source.filepath),
        line: s.source.start + 1,
        raw: s.source.raw,
        contentLine: s.source.contentStart + 1,
        frontmatter: s.frontmatter,
        layout: s.frontmatter.layout,
        content: s.content,
        diagrams,
        components,
      }
    })
  // Slidev's default when the headmatter names no duration.
  const duration = parseTimeString(headmatter.duration ?? '30min').seconds
  return {
    slides,
    headmatter,
    duration,
    entry: relative(ROOT, file),
  }
}
