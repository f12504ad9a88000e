#!/usr/bin/env node
// `slidev-audience <command> [arguments]`, run in the deck's folder: the addon's
// command-line tools, each a TypeScript file in scripts/ (`build`, `present`, `export`,
// `serve`, `print-at-rest`, `chromium`, `bench/room`, …), run in this process with tsx.
import { existsSync, readdirSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

const scripts = new URL('../scripts/', import.meta.url)
const command = process.argv[2] ?? ''
const file = new URL(`${command}.ts`, scripts)
if (!/^[\w-]+(?:\/[\w-]+)?$/.test(command) || !existsSync(file)) {
  const names = readdirSync(fileURLToPath(scripts), { recursive: true })
    .map(String)
    .filter(f => f.endsWith('.ts'))
    .map(f => f.replace(/\.ts$/, ''))
    .sort()
  console.error(`usage: slidev-audience <command> [arguments]\ncommands: ${names.join(', ')}`)
  process.exit(2)
}
// The script reads its own arguments from process.argv.slice(2), as when run on its own.
process.argv.splice(2, 1)
register()
await import(file.href)
