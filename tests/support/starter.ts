// Slidev's starter deck, as `npm create slidev` writes it: the create-slidev package's
// template (pinned in package.json), copied whole into STARTER_DIR, with only what a deck
// adds to take the addon written into its headmatter (STARTER_ADDS). tests/support/sites.ts
// builds it with the addon's build, as the deck's own `npx slidev-audience build` would.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const STARTER_DIR = 'test-sites/starter'
export const STARTER_TEMPLATE = join(dirname(createRequire(import.meta.url).resolve('create-slidev/package.json')), 'template')
/**
 * The headmatter lines the starter gains: the addon, and Slidev's own offline switch
 * (its service worker, whose precache the addon extends; an addon cannot turn it on).
 */
export const STARTER_ADDS = ['addons: [audience]', 'pwa: true']

/** The template's slides.md with STARTER_ADDS after its first headmatter line. */
export function starterSlides(template: string): string {
  const lines = template.split('\n')
  const at = lines.indexOf('---') + 1
  return [
    ...lines.slice(0, at),
    ...STARTER_ADDS,
    ...lines.slice(at),
  ].join('\n')
}

/** Writes STARTER_DIR afresh from the template. */
export function makeStarter(): void {
  rmSync(STARTER_DIR, { recursive: true, force: true })
  cpSync(STARTER_TEMPLATE, STARTER_DIR, { recursive: true })
  const slides = join(STARTER_DIR, 'slides.md')
  writeFileSync(slides, starterSlides(readFileSync(slides, 'utf8')))
}
