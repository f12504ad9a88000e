import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { SLIDEV_INTERNALS } from '../lib/slidev-internals'

// Every import of a Slidev private module is listed, with why, in lib/slidev-internals.ts.
const SOURCES = [
  'components',
  'layouts',
  'lib',
  'reading',
  'setup',
  'snippets',
  '.',
]

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(d => d.isFile() && /\.(?:ts|vue)$/.test(d.name))
    .map(d => join(dir, d.name))
}

test('each Slidev private module the deck imports is listed in lib/slidev-internals.ts, and each listed one is imported', () => {
  const imported = new Map<string, string[]>()
  for (const file of SOURCES.flatMap(files).filter(f => !f.endsWith('slidev-internals.ts'))) {
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(@slidev\/client\/[^']+)'/g)) {
      imported.set(path!, [
        ...imported.get(path!) ?? [],
        file,
      ])
    }
  }
  const unlisted = [...imported].filter(([path]) => !(path in SLIDEV_INTERNALS)).map(([path, where]) => `${path} (${where.join(', ')})`)
  expect(unlisted, 'private Slidev modules imported without a line in lib/slidev-internals.ts').toEqual([])
  expect(Object.keys(SLIDEV_INTERNALS).filter(path => !imported.has(path)), 'listed but no longer imported').toEqual([])
})
