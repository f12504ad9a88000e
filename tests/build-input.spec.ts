import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

// Bad input stops with one clear line and writes nothing.
const TSX = join(process.cwd(), 'node_modules/.bin/tsx')
function run(script: string, args: string[], env: Record<string, string> = {}) {
  const cwd = process.cwd()
  const result = spawnSync(TSX, [join(cwd, script), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } })
  return { status: result.status, lines: result.stderr.trim().split('\n').filter(Boolean) }
}

test('a --base without its slashes is refused before anything is built', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'lp-build-')), 'dist')
  for (const base of ['talks/layered-paradox', '/talks/layered-paradox', 'talks/']) {
    const { status, lines } = run('scripts/build.ts', ['--base', base, '--out', out])
    expect(status, `--base ${base}`).toBe(2)
    expect(lines).toEqual([expect.stringMatching(/--base must start and end with a slash/)])
    expect(existsSync(out)).toBe(false)
    expect(existsSync(`${out}.partial`)).toBe(false)
  }
})

test('a DECK_URL that is not an address is refused before anything is built', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'lp-build-')), 'dist')
  const { status, lines } = run('scripts/build.ts', ['--out', out], { DECK_URL: 'layered-paradox.example' })
  expect(status).toBe(2)
  expect(lines).toEqual([expect.stringMatching(/DECK_URL must be an absolute http\(s\) address/)])
  expect(existsSync(out)).toBe(false)
})

test('an export with no browser available stops with one line and writes no PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lp-export-'))
  const result = spawnSync(TSX, [join(process.cwd(), 'scripts/export.ts'), 'pdf'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CHROMIUM_PATH: join(dir, 'no-such-chromium') },
  })
  expect(result.status).toBe(1)
  expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^✖ No Chromium found\..*Nothing was exported\.$/)])
  expect(readdirSync(dir)).toEqual([])
})
