// The project's own source files and what each imports, read the way TypeScript reads
// them (ts.preProcessFile: static imports, re-exports and import() calls); a .vue file
// by its <script> blocks. For the source-level specs on how the code hangs together.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * The project's files as git sees them: tracked, or new and not ignored (so not dist/, the
 * reference deck or a scratch folder), that still exist, relative to the project. Not the
 * fixture decks: they are broken on purpose and are Slidev decks of their own.
 */
export function projectFiles(): string[] {
  return execFileSync('git', [
    'ls-files',
    '--cached',
    '--others',
    '--exclude-standard',
  ], { encoding: 'utf8' })
    .split('\n')
    .filter(f => f && !f.startsWith('tests/fixtures/') && existsSync(f))
}

export interface SourceFile {
  /** Relative to the project, with forward slashes: `reading/page/main.ts`. */
  file: string
  /** Each import as written: `../lib/run`, `@slidev/client/env.ts`. */
  specifiers: string[]
  /** The project files the relative ones and the addon's by its package name point at, relative to the project (no extension). */
  local: string[]
}

/** Where the addon lives in the project, and the name a deck imports it by. */
export const ADDON = 'packages/slidev-addon-audience'
export const ADDON_PACKAGE = 'slidev-addon-audience'

function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.vue'))
    return text
  return [
    ...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g),
  ].map(m => m[1]).join('\n')
}

/** Every .ts and .vue file of ours, with its imports. */
export function sourceFiles(): SourceFile[] {
  const top = resolve('.')
  return projectFiles().filter(f => /\.(?:ts|vue)$/.test(f) && !f.endsWith('.d.ts')).map((file) => {
    const info = ts.preProcessFile(scriptOf(file, readFileSync(file, 'utf8')), true, true)
    const specifiers = info.importedFiles.map(f => f.fileName)
    const local = specifiers
      .filter(s => s.startsWith('.') || s.startsWith(`${ADDON_PACKAGE}/`))
      .map(s => s.startsWith('.')
        ? relative(top, resolve(dirname(file), s))
        : `${ADDON}${s.slice(ADDON_PACKAGE.length)}`)
      .map(s => s.replace(/\\/g, '/').replace(/\.(?:ts|vue)$/, ''))
    return { file, specifiers, local }
  })
}

/** The folder a file sits in: the talk's (`components`, …, `.` at the top) or the addon's (`packages/slidev-addon-audience/lib`, …, the addon's own top). */
export function folderOf(file: string): string {
  const [top, path] = file.startsWith(`${ADDON}/`)
    ? [
        `${ADDON}/`,
        file.slice(ADDON.length + 1),
      ]
    : ['', file]
  return path.includes('/')
    ? `${top}${path.slice(0, path.indexOf('/'))}`
    : top ? ADDON : '.'
}
