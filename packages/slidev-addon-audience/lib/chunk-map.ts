// dist/.vite/chunks.json, written by vite.config.ts in every build: for each built JS
// file, its modules (paths from node_modules/ or the project), the files it imports and
// its CSS. The precache reads it for the live client's files (./precache.ts), the budget
// tests for each library's (tests/support/chunks.ts).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const CHUNK_MAP = '.vite/chunks.json'

export interface Chunk {
  entry: boolean
  modules: string[]
  imports: string[]
  dynamicImports: string[]
  css: string[]
}

/** The chunk map of the build in `dist`, by dist-relative file name. */
export function readChunkMap(dist: string): Record<string, Chunk> {
  const path = join(dist, CHUNK_MAP)
  if (!existsSync(path))
    throw new Error(`${path} is missing: vite.config.ts writes it in every build`)
  return JSON.parse(readFileSync(path, 'utf8'))
}
