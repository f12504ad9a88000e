import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The service worker precaches by revision: index.html (changed here), and the reading
 * page and its script (written here), so that they too open offline.
 */
export function precache(dir: string, files: string[]): void {
  const sw = join(dir, 'sw.js')
  let text: string
  try {
    text = readFileSync(sw, 'utf8')
  }
  catch {
    return
  }
  for (const file of files) {
    const revision = createHash('md5').update(readFileSync(join(dir, file))).digest('hex')
    const entry = new RegExp(`(\\{url:\\s*"${file.replace('.', '\\.')}",\\s*revision:\\s*")[0-9a-f]+("\\})`)
    if (entry.test(text)) {
      text = text.replace(entry, `$1${revision}$2`)
      continue
    }
    const first = /\{url:\s*"index\.html",\s*revision:\s*"[0-9a-f]+"\}/.exec(text)
    if (!first)
      throw new Error(`${sw} has no precache list with index.html in it`)
    const at = first.index + first[0].length
    text = `${text.slice(0, at)},{url:"${file}",revision:"${revision}"}${text.slice(at)}`
  }
  writeFileSync(sw, text)
}
