// What the deck's Markdown says each slide should show, read with Slidev's own
// parser: the tests compare the built site against this, not against copies, and
// the scripts count and name slides with it.
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseTimeString } from '@slidev/parser'
import { load } from '@slidev/parser/fs'
import type { Headmatter } from '@slidev/types'

export interface SourceSlide {
  /** 1-based slide number, as in the URL. */
  no: number
  title: string
  note: string
  file: string
  layout?: string
  content: string
  /** Mermaid blocks on the slide, in order, with their `accTitle`. */
  diagrams: { accTitle: string, code: string }[]
  /** How many times each of our components is used on the slide. */
  components: Record<string, number>
}

/** The deck's own components, by file name in components/. */
export const COMPONENTS = readdirSync(fileURLToPath(new URL('../components', import.meta.url)))
  .filter(f => f.endsWith('.vue'))
  .map(f => f.replace(/\.vue$/, ''))

export async function loadDeck(entry = 'slides.md'): Promise<{ slides: SourceSlide[], headmatter: Headmatter, duration: number }> {
  const file = resolve(entry)
  const userRoot = resolve(file, '..')
  const data = await load({ userRoot, roots: [userRoot] }, file)
  const headmatter = data.headmatter as Headmatter
  const slides = data.slides
    .filter(s => !s.frontmatter.hide && !s.frontmatter.disabled)
    .map((s, i) => {
      const diagrams = [...s.content.matchAll(/```mermaid[^\n]*\n([\s\S]*?)```/g)].map(m => ({
        code: m[1],
        accTitle: /accTitle:\s*(.+)/.exec(m[1])?.[1].trim() ?? '',
      }))
      const components = Object.fromEntries(COMPONENTS.map(c => [
        c,
        (s.content.match(new RegExp(`<${c}[\\s/>]`, 'g')) ?? []).length,
      ]))
      return {
        no: i + 1,
        title: s.title ?? '',
        note: s.note ?? '',
        file: s.source.filepath,
        layout: s.frontmatter.layout,
        content: s.content,
        diagrams,
        components,
      }
    })
  // Slidev's default when the headmatter names no duration.
  const duration = parseTimeString(headmatter.duration ?? '30min').seconds
  return { slides, headmatter, duration }
}
