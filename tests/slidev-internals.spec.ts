import { expect, test } from '@playwright/test'
import { SLIDEV_INTERNALS } from 'slidev-addon-audience/lib/slidev-internals'
import { sourceFiles } from './support/imports'

// Every import of a Slidev private module is listed, with why, in lib/slidev-internals.ts.
test('each Slidev private module the deck imports is listed in lib/slidev-internals.ts, and each listed one is imported', () => {
  const imported = new Map<string, string[]>()
  for (const { file, specifiers } of sourceFiles()) {
    for (const path of specifiers.filter(s => s.startsWith('@slidev/client/'))) {
      imported.set(path, [
        ...imported.get(path) ?? [],
        file,
      ])
    }
  }
  const unlisted = [...imported].filter(([path]) => !(path in SLIDEV_INTERNALS)).map(([path, where]) => `${path} (${where.join(', ')})`)
  expect(unlisted, 'private Slidev modules imported without a line in lib/slidev-internals.ts').toEqual([])
  expect(Object.keys(SLIDEV_INTERNALS).filter(path => !imported.has(path)), 'listed but no longer imported').toEqual([])
})
