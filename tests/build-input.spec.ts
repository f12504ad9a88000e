import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { script as addonScript, tsx } from 'slidev-addon-audience/lib/run'

// Bad input stops with one clear line and writes nothing.
function run(script: string, args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const result = tsx(addonScript(script), args, { cwd, env, quiet: true })
  return {
    status: result.status,
    lines: result.stderr.trim().split('\n').filter(Boolean),
  }
}

test('a --base without its slashes is refused before anything is built', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'lp-build-')), 'dist')
  for (const base of ['talks/layered-paradox', '/talks/layered-paradox', 'talks/']) {
    const { status, lines } = run('build.ts', ['--base', base, '--out', out])
    expect(status, `--base ${base}`).toBe(2)
    expect(lines).toEqual([
      expect.stringMatching(/--base must start and end with a slash/),
    ])
    expect(existsSync(out)).toBe(false)
    expect(existsSync(`${out}.partial`)).toBe(false)
  }
})

test('a DECK_URL that is not an address is refused before anything is built', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'lp-build-')), 'dist')
  const { status, lines } = run('build.ts', ['--out', out], { DECK_URL: 'layered-paradox.example' })
  expect(status).toBe(2)
  expect(lines).toEqual([
    expect.stringMatching(/DECK_URL must be an absolute http\(s\) address/),
  ])
  expect(existsSync(out)).toBe(false)
})

test('a LIVE_URL that is not a secure WebSocket address is refused before anything is built', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'lp-build-')), 'dist')
  for (const url of ['ws://192.168.1.20:3030/live', 'https://mqtt.example.org/mqtt', 'wss://']) {
    const { status, lines } = run('build.ts', ['--out', out], { LIVE_URL: url })
    expect(status, `LIVE_URL=${url}`).toBe(2)
    expect(lines).toEqual([
      expect.stringMatching(/LIVE_URL must name secure WebSocket addresses, wss:\/\/… .*served over HTTPS/),
    ])
    expect(existsSync(out)).toBe(false)
  }
})

test('an export with no browser available stops with one line and writes no PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lp-export-'))
  const { status, lines } = run('export.ts', ['pdf'], {
    CHROMIUM_PATH: join(dir, 'no-such-chromium'),
  }, dir)
  expect(status).toBe(1)
  expect(lines).toEqual([
    expect.stringMatching(/^✖ No Chromium found\..*Nothing was exported\.$/),
  ])
  expect(readdirSync(dir)).toEqual([])
})
