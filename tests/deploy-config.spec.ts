import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllHeaders } from '@netlify/headers-parser'
import { expect, test } from '@playwright/test'
import { cleanUrlsSchema, headersSchema, redirectsSchema, rewritesSchema, routesSchema, trailingSlashSchema } from '@vercel/routing-utils'
import Ajv from 'ajv'
import { SLIDES_PDF } from 'slidev-addon-audience/lib/deck-files'
import { deckUrlFromEnv } from 'slidev-addon-audience/lib/options'
import { copyOfProject } from 'slidev-addon-audience/lib/project-copy'
import { netlifyBuild, netlifyToml, pagesBuild, pagesWorkflow, runAsHost, vercelBuild, vercelJson } from './support/hosts'
import { SUB_BUILT_BY, SUB_DECK_URL, SUB_DIST, SUB_PAGES, SUB_PATH } from './support/servers'

// The deploy configurations checked for what they do: each host's build command is run
// as written (tests/support/hosts.ts), with that host's environment variables set to
// sample values, in a fresh copy of the project, and its publish folder must then hold
// the built site. Netlify's and Vercel's are one command, run once here; the GitHub Pages
// workflow's step builds the suite's sub-path site (tests/support/sites.ts).

/** The built site in `dir`: the app, its 404 fallback, the PDF, and `deckUrl` in the QR code's chunk. */
function expectBuiltSite(dir: string, deckUrl: string, base = '/'): void {
  for (const file of [
    'index.html',
    '404.html',
    SLIDES_PDF,
    'sw.js',
    'og/1.png',
  ])
    expect(existsSync(join(dir, file)), `${dir}/${file}`).toBe(true)
  // The app's entry: a script tag, or on a pre-rendered page the module prerendered.js starts.
  expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(new RegExp(`(?:src|data-entry)="${base}assets/`))
  const chunks = readdirSync(join(dir, 'assets'), { recursive: true }).map(String).filter(f => f.endsWith('.js'))
  expect(chunks.some(f => readFileSync(join(dir, 'assets', f), 'utf8').includes(deckUrl)), `DECK_URL ${deckUrl} is built in`).toBe(true)
}

test('vercel.json is valid by the schemas Vercel validates it with, and rewrites deep links to the app', () => {
  // Vercel's CLI checks routing keys with these schemas from @vercel/routing-utils.
  const schema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      installCommand: { type: 'string' },
      buildCommand: { type: 'string' },
      outputDirectory: { type: 'string' },
      cleanUrls: cleanUrlsSchema,
      trailingSlash: trailingSlashSchema,
      headers: headersSchema,
      rewrites: rewritesSchema,
      redirects: redirectsSchema,
      routes: routesSchema,
    },
  }
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
  const vercel = vercelJson()
  expect(validate(vercel)
    ? []
    : validate.errors).toEqual([])
  expect(vercel.rewrites).toEqual([
    { source: '/(.*)', destination: '/index.html' },
  ])
  // The check can fail: a header without its value, or an unknown key, is refused.
  expect(validate({
    ...vercel,
    headers: [
      {
        source: '/(.*)',
        headers: [
          { key: 'X-Frame-Options' },
        ],
      },
    ],
  })).toBe(false)
  expect(validate({ ...vercel, outputDir: 'dist' })).toBe(false)
})

test('netlify.toml parses, with headers Netlify accepts and Node 24', async () => {
  const netlify = netlifyToml()
  expect(netlify.build.environment.NODE_VERSION).toBe('24')
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [],
    netlifyConfigPath: 'netlify.toml',
    configHeaders: undefined,
    minimal: false,
  })
  expect(errors).toEqual([])
  expect(headers.length).toBeGreaterThan(0)
})

test('Netlify and Vercel run one build command; run as written with Netlify\'s variables, it publishes the built site where both hosts look', () => {
  test.setTimeout(300_000)
  const netlify = netlifyBuild('https://layered-paradox.netlify.app')
  const vercel = vercelBuild('layered-paradox.vercel.app')
  // One command, one folder: what differs is each host's variables, read by deckUrlFromEnv (below).
  expect(vercel.command).toBe(netlify.command)
  expect(vercel.published).toBe(netlify.published)
  const dir = copyOfProject('.', 'lp-deploy-')
  try {
    const ran = runAsHost(netlify, dir)
    expect(ran.ok, `\`${netlify.command}\` failed:\n${ran.output}`).toBe(true)
    expectBuiltSite(join(dir, netlify.published), 'https://layered-paradox.netlify.app/')
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the build takes the deck\'s address from each host\'s own variables, and DECK_URL over them', () => {
  expect(deckUrlFromEnv(netlifyBuild('https://layered-paradox.netlify.app').env)).toBe('https://layered-paradox.netlify.app/')
  expect(deckUrlFromEnv(vercelBuild('layered-paradox.vercel.app').env)).toBe('https://layered-paradox.vercel.app/')
  expect(deckUrlFromEnv({
    ...vercelBuild('layered-paradox.vercel.app').env,
    DECK_URL: 'https://talks.example/lp/',
  })).toBe('https://talks.example/lp/')
  expect(deckUrlFromEnv({})).toBeUndefined()
  // A variable of the same name elsewhere is not taken for an address.
  expect(deckUrlFromEnv({ URL: 'https://somewhere.example' })).toBeUndefined()
})

test('the GitHub Pages workflow builds with Node 24 for the project page\'s sub-path and publishes that build', () => {
  const workflow = pagesWorkflow()
  expect(workflow.on.push.branches).toEqual(['main'])
  const steps = workflow.jobs.build.steps as { with?: Record<string, string | number>, uses?: string }[]
  expect(steps.find(s => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(24)
  // The suite's sub-path site is this step, run as written in a fresh copy of the project
  // (tests/support/sites.ts), with what configure-pages would give it for that address.
  expect(JSON.parse(readFileSync(SUB_BUILT_BY, 'utf8'))).toEqual(pagesBuild(SUB_PAGES))
  expectBuiltSite(SUB_DIST, SUB_DECK_URL, SUB_PATH)
})
