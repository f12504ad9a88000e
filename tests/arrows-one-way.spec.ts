import { expect, test } from '@playwright/test'
import { ADDON, ADDON_PACKAGE, folderOf, sourceFiles } from './support/imports'

// How the code hangs together, as the README's layout says. The talk (the top level)
// uses the addon (packages/slidev-addon-audience) as any deck would, by its package
// name; the addon never imports the talk. Inside the addon: scripts/ are command-line
// entry points and setup/ is Slidev's hooks, so nothing imports either (Slidev loads
// setup/, the `slidev-audience` command runs scripts/); its vite.config.ts takes only its
// lib/ and packages; its lib/ is shared code that needs nothing of the views but the
// reading wing's contract (reading/contract.ts, which imports nothing). And no two
// folders import each other.
const files = sourceFiles()
const CONTRACT = `${ADDON}/reading/contract`
const inAddon = (file: string) => file.startsWith(`${ADDON}/`)

/** A file's node in the folder graph: its folder, but the reading wing's contract on its own. */
function node(file: string): string {
  return file.replace(/\.(?:ts|vue)$/, '') === CONTRACT
    ? CONTRACT
    : folderOf(file)
}

test('the addon never imports the talk, and the talk reaches the addon only by its package name', () => {
  const addon = files.filter(f => inAddon(f.file))
  expect(addon.length, 'the addon\'s files were read').toBeGreaterThan(40)
  const intoTalk = addon.flatMap(f => f.local.filter(to => !inAddon(to)).map(to => `${f.file} → ${to}`))
  expect(intoTalk).toEqual([])
  const byPath = files.filter(f => !inAddon(f.file)).flatMap(f => f.specifiers
    .filter(s => s.startsWith('.') && s.includes('packages/'))
    .map(s => `${f.file} → ${s}`))
  expect(byPath).toEqual([])
  expect(files.some(f => !inAddon(f.file) && f.specifiers.some(s => s.startsWith(`${ADDON_PACKAGE}/`))), 'the talk uses the addon').toBe(true)
})

test('nothing imports scripts/ or setup/', () => {
  const wrong = files.flatMap(f => f.local
    .filter(to => /^(?:packages\/slidev-addon-audience\/)?(?:scripts|setup)\//.test(to))
    .map(to => `${f.file} → ${to}`))
  expect(wrong).toEqual([])
})

test('the addon\'s vite.config.ts imports only its lib/ and packages', () => {
  const vite = files.find(f => f.file === `${ADDON}/vite.config.ts`)!
  expect(vite.local.length, 'vite.config.ts imports something of the addon\'s').toBeGreaterThan(0)
  expect(vite.local.filter(to => !to.startsWith(`${ADDON}/lib/`))).toEqual([])
})

test('the addon\'s lib/ imports only lib/ and the reading contract, which imports nothing', () => {
  const wrong = files.filter(f => f.file.startsWith(`${ADDON}/lib/`)).flatMap(f => f.local
    .filter(to => !to.startsWith(`${ADDON}/lib/`) && to !== CONTRACT)
    .map(to => `${f.file} → ${to}`))
  expect(wrong).toEqual([])
  expect(files.find(f => f.file === `${CONTRACT}.ts`)!.specifiers).toEqual([])
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
