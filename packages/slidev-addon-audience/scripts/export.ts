import { mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
// `npm run export`        the PDF, one page per slide in its final click state, with an outline
// `npm run export:dark`   the same in the dark colour scheme
// `npm run export:notes`  a handout: each slide's speaker notes (Slidev's presenter print view)
// Every mode uses the Chromium that lib/chromium.ts finds, and stops with one
// clear line when there is none, before anything is written.
import process from 'node:process'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, requireChromium } from '../lib/chromium'
import { EXPORT_NAME } from '../lib/deck-files'
import { fail } from '../lib/options'
import { script, slidev, tsx } from '../lib/run'
import { serve } from '../lib/serve'

/** Print Slidev's notes view (`/presenter/print`) of the site at `siteUrl` to `output`. */
async function printNotes(siteUrl: string, output: string, executablePath: string): Promise<void> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.goto(new URL('presenter/print', siteUrl).href, { waitUntil: 'networkidle' })
    await page.locator('#page-root').waitFor()
    await page.emulateMedia({ media: 'screen' })
    const partial = `${output}.partial`
    await page.pdf({
      path: partial,
      printBackground: true,
      preferCSSPageSize: true,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
    })
    renameSync(partial, output)
  }
  finally {
    await browser.close()
  }
}

async function main(mode: string, extra: string[]): Promise<void> {
  const executablePath = requireChromium('Nothing was exported.')

  if (mode === 'notes') {
    const output = resolve(`${EXPORT_NAME}-notes.pdf`)
    const site = mkdtempSync(join(tmpdir(), 'layered-paradox-notes-'))
    try {
      if (!tsx(script('build.ts'), ['--out', site, ...extra]).ok)
        fail('building the site for the notes failed.')
      const server = await serve(site)
      try {
        await printNotes(`${server.url}/`, output, executablePath)
      }
      finally {
        await server.close()
      }
    }
    finally {
      rmSync(site, { recursive: true, force: true })
    }
    console.log(`✔ exported ${output}`)
    return
  }

  const dark = mode === 'dark'
  const output = `${EXPORT_NAME}${dark ? '-dark' : ''}.pdf`
  const args = [
    'export',
    '--executable-path',
    executablePath,
    '--with-toc',
    '--timeout',
    '120000',
    '--output',
    output,
    ...extra,
  ]
  if (!slidev(dark
    ? [...args, '--dark']
    : args).ok) {
    fail('slidev export failed.')
  }
  console.log(`✔ exported ${resolve(output)}`)
}

const [mode = 'pdf', ...extra] = process.argv.slice(2)
if (!['pdf', 'dark', 'notes'].includes(mode))
  fail(`unknown export "${mode}": use pdf, dark or notes.`, 2)
await main(mode, extra)
