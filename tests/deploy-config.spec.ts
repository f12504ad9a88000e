import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllHeaders } from '@netlify/headers-parser'
import { expect, test } from '@playwright/test'
import { cleanUrlsSchema, headersSchema, redirectsSchema, rewritesSchema, routesSchema, trailingSlashSchema } from '@vercel/routing-utils'
import Ajv from 'ajv'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import { SLIDES_PDF } from '../lib/deck-files'
import { copyOfProject } from '../lib/project-copy'
import { run } from '../lib/run'

// The deploy configurations checked for what they do: each host's build command is run
// as written, with that host's environment variables set to sample values, in a fresh
// copy of the project, and its publish folder must then hold the built site. Their
// PDF exports take turns on Slidev's fixed port (lib/run.ts); the rest may overlap.

/** Runs `command` in a shell in `cwd`, as a host's build step does; fails with its output. */
function runAsHost(command: string, cwd: string, env: Record<string, string>): void {
  const result = run('sh', ['-c', command], { cwd, env, quiet: true })
  expect(result.status, `\`${command}\` failed:\n${(result.stdout + result.stderr).slice(-2000)}`).toBe(0)
}

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
  const vercel = JSON.parse(readFileSync('vercel.json', 'utf8'))
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
  const netlify = parseToml(readFileSync('netlify.toml', 'utf8')) as { build: { command: string, publish: string, environment: Record<string, string> } }
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

test('Netlify\'s build command, run as written, publishes the built site', () => {
  test.setTimeout(300_000)
  const netlify = parseToml(readFileSync('netlify.toml', 'utf8')) as { build: { command: string, publish: string } }
  const dir = copyOfProject('.', 'lp-deploy-')
  try {
    runAsHost(netlify.build.command, dir, { URL: 'https://layered-paradox.netlify.app', NETLIFY: 'true' })
    expectBuiltSite(join(dir, netlify.build.publish), 'https://layered-paradox.netlify.app/')
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('Vercel\'s build command, run as written, writes the output directory', () => {
  test.setTimeout(300_000)
  const vercel = JSON.parse(readFileSync('vercel.json', 'utf8'))
  const dir = copyOfProject('.', 'lp-deploy-')
  try {
    runAsHost(vercel.buildCommand, dir, { VERCEL: '1', VERCEL_PROJECT_PRODUCTION_URL: 'layered-paradox.vercel.app' })
    expectBuiltSite(join(dir, vercel.outputDirectory), 'https://layered-paradox.vercel.app/')
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the GitHub Pages workflow builds with Node 24 for the project page\'s sub-path and publishes that build', () => {
  test.setTimeout(300_000)
  const workflow = parseYaml(readFileSync('.github/workflows/pages.yml', 'utf8'))
  expect(workflow.on.push.branches).toEqual(['main'])
  const steps = workflow.jobs.build.steps as { run?: string, with?: Record<string, string | number>, env?: Record<string, string>, uses?: string }[]
  expect(steps.find(s => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(24)
  const pages = { base_path: '/layered-paradox', base_url: 'https://example.github.io/layered-paradox' }
  const expand = (text: string) => text.replace(/\$\{\{\s*steps\.pages\.outputs\.(\w+)\s*\}\}/g, (_, key: keyof typeof pages) => pages[key])
  const build = steps.find(s => s.run?.startsWith('npm run build'))!
  const dir = copyOfProject('.', 'lp-deploy-')
  try {
    runAsHost(expand(build.run!), dir, Object.fromEntries(Object.entries(build.env ?? {}).map(([k, v]) => [
      k,
      expand(v),
    ])))
    const published = steps.find(s => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path as string
    expectBuiltSite(join(dir, published), `${pages.base_url}/`, `${pages.base_path}/`)
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
