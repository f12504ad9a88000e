import { existsSync, readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { ADDON, projectFiles } from './support/imports'

// What the README and the comments say of the project's files stays true when files move:
// every file of ours they name by its path exists. (A file named bare, `handout.ts`, is not
// checked: that is prose.) A path is the project's or the addon's (packages/slidev-addon-audience:
// the talk's files name its lib/, reading/, scripts/ as its own files do). And the README stays
// short enough to read.
const FILES = projectFiles().filter(f => /\.(?:ts|vue|css|md|ya?ml|toml|js)$/.test(f) || f === '.ci/run')
const FOLDERS = 'scripts|lib|reading|setup|components|layouts|tests|styles|public|snippets|bench|docs|pages'
const NAMED = new RegExp(`(?<![\\w./-])((?:${FOLDERS})/[\\w./-]*?\\.(?:json|ts|vue|css|md|js|mjs|png|jpg|yml))\\b`, 'g')

test('every project file the README, the docs and the comments name by its path exists', () => {
  const missing = FILES.flatMap(file => [
    ...readFileSync(file, 'utf8').matchAll(NAMED),
  ]
    .map(m => m[1]!)
    .filter(path => !existsSync(path) && !existsSync(`${ADDON}/${path}`))
    .map(path => `${file} names ${path}`))
  expect(FILES.length, 'files read').toBeGreaterThan(100)
  expect([
    ...new Set(missing),
  ]).toEqual([])
})

test('the README is at most 160 lines', () => {
  expect(readFileSync('README.md', 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(160)
})
