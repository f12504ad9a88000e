import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { parse } from 'yaml'

// The committed deploy configurations build the site the way `npm run build` does
// and publish what it writes. (They run on the hosts themselves; this checks they
// say what the README says.)

test('the GitHub Pages workflow builds with the project page\'s sub-path and publishes dist/', () => {
  const workflow = parse(readFileSync('.github/workflows/pages.yml', 'utf8'))
  const steps = workflow.jobs.build.steps as { run?: string, with?: Record<string, string>, env?: Record<string, string>, uses?: string }[]
  const build = steps.find(s => s.run?.startsWith('npm run build'))!
  expect(build.run).toContain('--base "${{ steps.pages.outputs.base_path }}/"')
  expect(build.env?.DECK_URL).toBe('${{ steps.pages.outputs.base_url }}/')
  expect(steps.find(s => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('dist')
  expect(workflow.on.push.branches).toEqual(['main'])
})

test('Netlify and Vercel run npm run build and publish dist/ with deep links rewritten', () => {
  const netlify = readFileSync('netlify.toml', 'utf8')
  expect(netlify).toMatch(/command = ".*npm run build"/)
  expect(netlify).toMatch(/publish = "dist"/)
  const vercel = JSON.parse(readFileSync('vercel.json', 'utf8'))
  expect(vercel.buildCommand).toMatch(/npm run build$/)
  expect(vercel.outputDirectory).toBe('dist')
  expect(vercel.rewrites).toEqual([{ source: '/(.*)', destination: '/index.html' }])
})
