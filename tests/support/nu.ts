// The Nu Html Checker (vnu.jar, from the vnu-jar package): what the W3C's validator
// says of built pages. It starts a Java VM, which takes seconds, and takes many files
// at once, so a spec checks its pages in one run.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { relative } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

interface NuMessage { type: string, url?: string, lastLine?: number, message: string }

/**
 * The checker's errors in `files`, each as `file:line: message` (the file relative to
 * the working directory). A file that is not there is an error too: the checker
 * passes over it in silence. Throws when java does not run it.
 */
export function nuErrors(files: string[]): string[] {
  const missing = files.filter(f => !existsSync(f)).map(f => `${f}:0: no such file`)
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')
  const run = spawnSync('java', [
    '-jar',
    jar,
    '--errors-only',
    '--format',
    'json',
    ...files,
  ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (run.error)
    throw new Error(`java (Debian: default-jre-headless) runs the checker: ${run.error.message}`)
  let messages: NuMessage[]
  try {
    messages = (JSON.parse(run.stderr) as { messages: NuMessage[] }).messages
  }
  catch {
    throw new Error(`the checker exited with ${run.status} and no report: ${run.stderr.slice(0, 500)}`)
  }
  const file = (url = '') => url.startsWith('file:')
    ? relative(process.cwd(), fileURLToPath(url))
    : url
  const errors = messages.filter(m => m.type === 'error' || m.type === 'non-document-error')
    .map(m => `${file(m.url)}:${m.lastLine ?? 0}: ${m.message}`)
  // It exits with 1 when it found errors; without any, a failure is its own.
  if (run.status !== 0 && !errors.length)
    throw new Error(`the checker exited with ${run.status}: ${run.stderr.slice(0, 500)}`)
  return [
    ...missing,
    ...errors,
  ]
}
