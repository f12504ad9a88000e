// `npm run chromium`            prints the Chromium the project drives (lib/chromium.ts),
//                                or says how to get one (exit 1)
// `npm run chromium -- --install` the same, but downloads Playwright's Chromium when there
//                                is none (what a deploy host's build runs first)
import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { findChromium, requireChromium } from '../lib/chromium'

if (!findChromium() && process.argv.includes('--install'))
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
console.log(requireChromium())
