// The project's own source files and what each imports, read the way TypeScript reads
// them (ts.preProcessFile: static imports, re-exports and import() calls); a .vue file
// by its <script> blocks. For the source-level specs on how the code hangs together.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/** Folders of our own code (the fixture decks and the reference deck are not ours to shape). */
const SKIP = new Set([
  'node_modules',
  'dist',
  'fixtures',
  'reference',
  'test-results',
  'shots',
  '.tools',
])

export interface SourceFile {
  /** Relative to the project, with forward slashes: `reading/page/main.ts`. */
  file: string
  /** Each import as written: `../lib/run`, `@slidev/client/env.ts`. */
  specifiers: string[]
  /** The project files the relative ones point at, relative to the project (no extension). */
  local: string[]
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name)
    if (d.isDirectory()) {
      return SKIP.has(d.name) || d.name.startsWith('.')
        ? []
        : walk(path)
    }
    return /\.(?:ts|vue)$/.test(d.name) && !d.name.endsWith('.d.ts')
      ? [path]
      : []
  })
}

function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.vue'))
    return text
  return [
    ...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g),
  ].map(m => m[1]).join('\n')
}

/** Every .ts and .vue file of ours under `root`, with its imports. */
export function sourceFiles(root = '.'): SourceFile[] {
  const top = resolve(root)
  return walk(top).map((path) => {
    const info = ts.preProcessFile(scriptOf(path, readFileSync(path, 'utf8')), true, true)
    const specifiers = info.importedFiles.map(f => f.fileName)
    const local = specifiers
      .filter(s => s.startsWith('.'))
      .map(s => relative(top, resolve(dirname(path), s)).replace(/\\/g, '/').replace(/\.(?:ts|vue)$/, ''))
    return {
      file: relative(top, path).replace(/\\/g, '/'),
      specifiers,
      local,
    }
  })
}

/** The project folder a file sits in (`reading`, `lib`, …), or `.` at the top. */
export function folderOf(file: string): string {
  return file.includes('/')
    ? file.slice(0, file.indexOf('/'))
    : '.'
}
