import { expect, test } from '@playwright/test'
import { folderOf, sourceFiles } from './support/imports'

// How the code hangs together, as the README's layout says: scripts/ are command-line
// entry points and setup/ is Slidev's hooks, so nothing imports either (Slidev loads
// setup/, npm runs scripts/); vite.config.ts takes only lib/ and packages; lib/ is shared
// code that needs nothing of the deck's views but the reading wing's contract
// (reading/contract.ts, which imports nothing). And no two folders import each other.
const files = sourceFiles()

/** A file's node in the folder graph: its folder, but the reading wing's contract on its own. */
function node(file: string): string {
  return file.replace(/\.(?:ts|vue)$/, '') === 'reading/contract'
    ? 'reading/contract'
    : folderOf(file)
}

test('nothing imports scripts/ or setup/', () => {
  const wrong = files.flatMap(f => f.local
    .filter(to => /^(?:scripts|setup)\//.test(to))
    .map(to => `${f.file} → ${to}`))
  expect(wrong).toEqual([])
})

test('vite.config.ts imports only lib/ and packages', () => {
  const vite = files.find(f => f.file === 'vite.config.ts')!
  expect(vite.local.length, 'vite.config.ts imports something of ours').toBeGreaterThan(0)
  expect(vite.local.filter(to => !to.startsWith('lib/'))).toEqual([])
})

test('lib/ imports only lib/, snippets/ and the reading contract, which imports nothing', () => {
  const wrong = files.filter(f => f.file.startsWith('lib/')).flatMap(f => f.local
    .filter(to => !/^(?:lib|snippets)\//.test(to) && to !== 'reading/contract')
    .map(to => `${f.file} → ${to}`))
  expect(wrong).toEqual([])
  expect(files.find(f => f.file === 'reading/contract.ts')!.specifiers).toEqual([])
})

test('no two folders import each other, however far round', () => {
  const edges = new Map<string, Set<string>>()
  for (const f of files) {
    for (const to of f.local) {
      const [a, b] = [
        node(f.file),
        node(to),
      ]
      if (a !== b && a !== 'tests' && a !== '.') {
        edges.set(a, new Set([
          ...edges.get(a) ?? [],
          b,
        ]))
      }
    }
  }
  // Depth-first, reporting the first way back to a folder already on the path.
  const cycles: string[] = []
  const visit = (at: string, path: string[]) => {
    for (const next of edges.get(at) ?? []) {
      if (path.includes(next)) {
        cycles.push([
          ...path.slice(path.indexOf(next)),
          next,
        ].join(' → '))
      }
      else {
        visit(next, [...path, next])
      }
    }
  }
  for (const start of edges.keys())
    visit(start, [start])
  expect(edges.size, 'the folder graph was read').toBeGreaterThan(4)
  expect([
    ...new Set(cycles),
  ]).toEqual([])
})
