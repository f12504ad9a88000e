import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
// The plain Slidev deck the benchmark and the budget tests compare ours with:
// default theme and settings, three slides, one Mermaid flowchart on slide 2.
// Written fresh on every run, so nobody tunes it by hand.
// `tsx scripts/reference-deck.ts [dir]` writes it (default bench/reference/).

export const REFERENCE_DIR = 'bench/reference'

export const REFERENCE_SLIDES = `---
theme: default
title: Reference deck
---

# A plain Slidev deck

Default theme, three slides, one diagram.

---

# A diagram on slide 2

\`\`\`mermaid
flowchart LR
  A["Start"] --> B["Middle"] --> C["End"]
\`\`\`

---

# The end
`

/** Writes the reference deck to `dir` and returns the path of its slides.md. */
export function writeReferenceDeck(dir = REFERENCE_DIR): string {
  mkdirSync(dir, { recursive: true })
  const entry = join(dir, 'slides.md')
  writeFileSync(entry, REFERENCE_SLIDES)
  return resolve(entry)
}
