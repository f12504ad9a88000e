import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readChunkMap } from './chunk-map'

/** The modules of the live client, which only a page in a live talk loads (lib/live/app.ts), by their paths in the chunk map. */
const LIVE_CLIENT = /^(?:mqtt\/|(?:.*\/)?slidev-addon-audience\/lib\/live\/(?:connect|sync)\.ts$)/

/**
 * The built files that hold only the live client (MQTT.js and the sync over it): not an
 * entry, every module the client's. Read from the build's chunk map.
 */
export function liveClientFiles(dir: string): string[] {
  return Object.entries(readChunkMap(dir))
    .filter(([, c]) => !c.entry && c.modules.length > 0 && c.modules.every(m => LIVE_CLIENT.test(m)))
    .map(([file]) => file)
}

/** `file` as a regular expression that matches it and nothing else. */
const literal = (file: string) => file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * The service worker precaches by revision: index.html (changed here), and the reading
 * page and its script (written here), so that they too open offline. `leaveOut` comes
 * off its list: the live client, which a talk online loads when it needs it.
 */
export function precache(dir: string, files: string[], leaveOut: string[] = []): void {
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
    const entry = new RegExp(`(\\{url:\\s*"${literal(file)}",\\s*revision:\\s*")[0-9a-f]+("\\})`)
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
  for (const file of leaveOut) {
    const entry = new RegExp(`\\{url:\\s*"${literal(file)}",\\s*revision:\\s*(?:null|"[0-9a-f]+")\\},?`)
    if (!entry.test(text))
      throw new Error(`${sw} does not precache ${file}, which it should leave out`)
    // A trailing comma left in the list is still an array literal.
    text = text.replace(entry, '')
  }
  writeFileSync(sw, text)
}
