// The files the deck's build publishes under names from its headmatter (slides.md):
// `exportFilename` names the slides PDF and the handout. Read once, here, for the
// scripts, the tests and vite.config.ts; the browser reads Slidev's `configs`.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { parse } from 'yaml'
import { handoutFile } from './handout'

/** The headmatter of `entry`; none where there is no such file (a command run outside a deck). */
function headmatter(entry: string): Record<string, unknown> {
  if (!existsSync(entry))
    return {}
  const text = readFileSync(entry, 'utf8')
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? ''
  return (parse(block) ?? {}) as Record<string, unknown>
}

/** The `exportFilename` in the headmatter of the deck in `root` (Slidev's default, `slides`, without one). */
export function exportName(root: string): string {
  return String(headmatter(join(root, 'slides.md')).exportFilename ?? 'slides')
}

/** The deck's, in the folder the command runs in (the scripts run in the deck's). */
export const EXPORT_NAME = exportName(process.cwd())
/** The slides PDF `npm run build` puts in the site, and `npm run export` writes. */
export const SLIDES_PDF = `${EXPORT_NAME}.pdf`
/** The handout PDF in the built site (scripts/handout.ts). */
export const HANDOUT_PDF = handoutFile(EXPORT_NAME)
