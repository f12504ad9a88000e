import { execFileSync } from 'node:child_process'
// A copy of the project as a fresh checkout has it (tracked and new, unignored files, as
// they are now), with this checkout's node_modules linked in: where the deploy tests run
// each host's build command, and where the print-at-rest proof builds while edits go on.
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

export function copyOfProject(root = '.', prefix = 'lp-copy-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const files = execFileSync('git', [
    'ls-files',
    '-co',
    '--exclude-standard',
    '-z',
  ], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
  for (const file of files) {
    const from = join(root, file)
    // Deleted since the last commit, or a link (such as a linked node_modules).
    if (!existsSync(from) || !lstatSync(from).isFile())
      continue
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    cpSync(from, join(dir, file))
  }
  symlinkSync(resolve(root, 'node_modules'), join(dir, 'node_modules'))
  return dir
}
