// The one way the scripts and the tests start another program: synchronously, with
// its output shown (the default) or kept for a report (`quiet`), timed.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface RunOptions {
  /** Added to this process's environment. */
  env?: Record<string, string | undefined>
  cwd?: string
  /** Keep the output instead of showing it. */
  quiet?: boolean
}

export interface Ran { ok: boolean, status: number | null, stdout: string, stderr: string, ms: number }

export function run(command: string, args: string[], { env = {}, cwd, quiet = false }: RunOptions = {}): Ran {
  const start = performance.now()
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit' })
  return { ok: result.status === 0, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', ms: performance.now() - start }
}

const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url))

/** Slidev's command line. */
export function slidev(args: string[], options?: RunOptions): Ran {
  return run(bin('slidev'), args, options)
}

/** A TypeScript file of this project, run with tsx. */
export function tsx(file: string, args: string[] = [], options?: RunOptions): Ran {
  return run(bin('tsx'), [file, ...args], options)
}
