// Each host's build step as its configuration writes it (netlify.toml, vercel.json,
// .github/workflows/pages.yml): the command, the variables the host sets (sample values
// here) and the folder it publishes. tests/support/sites.ts builds the sub-path site with
// the workflow's step; tests/deploy-config.spec.ts runs the others and checks the outputs.
import { readFileSync } from 'node:fs'
import { run } from 'slidev-addon-audience/lib/run'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'

export interface HostBuild {
  command: string
  env: Record<string, string>
  /** The folder the host publishes, in the checkout. */
  published: string
}

interface Netlify { build: { command: string, publish: string, environment: Record<string, string> } }
interface Step { run?: string, with?: Record<string, string | number>, env?: Record<string, string>, uses?: string }

export const netlifyToml = (): Netlify => parseToml(readFileSync('netlify.toml', 'utf8')) as unknown as Netlify
export const vercelJson = () => JSON.parse(readFileSync('vercel.json', 'utf8'))
export const pagesWorkflow = () => parseYaml(readFileSync('.github/workflows/pages.yml', 'utf8'))

export function netlifyBuild(url: string): HostBuild {
  const { build } = netlifyToml()
  return {
    command: build.command,
    env: { NETLIFY: 'true', URL: url },
    published: build.publish,
  }
}

export function vercelBuild(domain: string): HostBuild {
  const vercel = vercelJson()
  return {
    command: vercel.buildCommand,
    env: { VERCEL: '1', VERCEL_PROJECT_PRODUCTION_URL: domain },
    published: vercel.outputDirectory,
  }
}

/** What actions/configure-pages gives the workflow: the project page's path and address, no trailing slash. */
export interface PagesOutputs { base_path: string, base_url: string }

export function pagesBuild(pages: PagesOutputs): HostBuild {
  const steps = pagesWorkflow().jobs.build.steps as Step[]
  const expand = (text: string) => text.replace(/\$\{\{\s*steps\.pages\.outputs\.(\w+)\s*\}\}/g, (_, key: keyof PagesOutputs) => pages[key])
  const build = steps.find(s => s.run?.startsWith('npm run build'))!
  return {
    command: expand(build.run!),
    env: Object.fromEntries(Object.entries(build.env ?? {}).map(([k, v]) => [
      k,
      expand(v),
    ])),
    published: steps.find(s => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path as string,
  }
}

/** Runs the host's command in a shell in `cwd`, as its build step does. */
export function runAsHost(build: HostBuild, cwd: string): { ok: boolean, output: string } {
  const result = run('sh', ['-c', build.command], { cwd, env: build.env, quiet: true })
  return {
    ok: result.status === 0,
    output: (result.stdout + result.stderr).slice(-2000),
  }
}
