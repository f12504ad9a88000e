// The files the deck's build publishes under names from its headmatter (slides.md):
// `exportFilename` names the slides PDF and the handout. Read once, here, for the
// scripts, the tests and vite.config.ts; the browser reads Slidev's `configs`.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { handoutFile } from './handout'

/** The deck's entry, beside lib/ (whatever the working directory). */
const ENTRY = fileURLToPath(new URL('../slides.md', import.meta.url))

function headmatter(): Record<string, unknown> {
  const text = readFileSync(ENTRY, 'utf8')
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? ''
  return (parse(block) ?? {}) as Record<string, unknown>
}

/** The headmatter's `exportFilename` (Slidev's default, `slides`, without one). */
export const EXPORT_NAME = String(headmatter().exportFilename ?? 'slides')
/** The slides PDF `npm run build` puts in the site, and `npm run export` writes. */
export const SLIDES_PDF = `${EXPORT_NAME}.pdf`
/** The handout PDF in the built site (scripts/handout.ts). */
export const HANDOUT_PDF = handoutFile(EXPORT_NAME)
