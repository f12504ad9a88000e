import { spawn, spawnSync } from 'node:child_process'
// The one way the scripts and the tests start another program: synchronously, with
// its output shown (the default) or kept for a report (`quiet`), timed.
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
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
  const result = spawnSync(command, args, {
    cwd,
    env: {
      ...process.env,
      ...env,
    },
    encoding: 'utf8',
    stdio: quiet ? 'pipe' : 'inherit',
  })
  return {
    ok: result.status === 0,
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ms: performance.now() - start,
  }
}

/** As `run`, without waiting: for steps that may overlap. The output is shown, not kept. */
export function runAsync(command: string, args: string[], { env = {}, cwd }: Omit<RunOptions, 'quiet'> = {}): Promise<Pick<Ran, 'ok' | 'status' | 'ms'>> {
  const start = performance.now()
  const child = spawn(command, args, {
    cwd,
    env: {
      ...process.env,
      ...env,
    },
    stdio: 'inherit',
  })
  return new Promise((resolve) => {
    child.on('error', () => resolve({ ok: false, status: null, ms: performance.now() - start }))
    child.on('close', status => resolve({ ok: status === 0, status, ms: performance.now() - start }))
  })
}

/**
 * Whether `url` answers (2xx) within `timeout` ms, asked every 200 ms: for a server just
 * started. `gaveUp` ends the wait early (its process has exited, say).
 */
export async function answering(url: string, timeout: number, gaveUp = () => false): Promise<boolean> {
  const until = Date.now() + timeout
  while (Date.now() < until && !gaveUp()) {
    if (await fetch(url).then(r => r.ok, () => false))
      return true
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  return false
}

/** A package's command: in the nearest node_modules/.bin above the addon (the deck's, where npm hoists it). */
function bin(name: string): string {
  for (let dir = fileURLToPath(new URL('.', import.meta.url)); ; dir = dirname(dir)) {
    const found = join(dir, 'node_modules', '.bin', name)
    if (existsSync(found) || dirname(dir) === dir)
      return found
  }
}

/** One of the addon's command-line tools by its path in scripts/: `build.ts`, or a file in a folder there (scripts/bench/room.ts). */
export const script = (name: string): string => fileURLToPath(new URL(`../scripts/${name}`, import.meta.url))

// Slidev's export (and a build with the PDF download, which exports) serves the deck on a
// fixed port, 12445: two at once on one machine kill each other, so they take turns
// through a lock shared by every checkout here (util-linux's flock, where there is one).
const EXPORT_LOCK = join(tmpdir(), 'slidev-export-12445.lock')
const hasFlock = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0

/** Slidev's command line; `build` and `export` wait for the export port to be free. */
export function slidev(args: string[], options?: RunOptions): Ran {
  return hasFlock && ['build', 'export'].includes(args[0])
    ? run('flock', [
        EXPORT_LOCK,
        bin('slidev'),
        ...args,
      ], options)
    : run(bin('slidev'), args, options)
}

/** As `slidev`, without waiting; no lock, so not for an export or a build with the PDF. */
export function slidevAsync(args: string[], options?: Omit<RunOptions, 'quiet'>): ReturnType<typeof runAsync> {
  return runAsync(bin('slidev'), args, options)
}

/** A TypeScript file (one of the addon's scripts: `script(name)`), run with tsx, without waiting. */
export function tsxAsync(file: string, args: string[] = [], options?: Omit<RunOptions, 'quiet'>): ReturnType<typeof runAsync> {
  return runAsync(bin('tsx'), [file, ...args], options)
}

/** A TypeScript file (one of the addon's scripts: `script(name)`), run with tsx. */
export function tsx(file: string, args: string[] = [], options?: RunOptions): Ran {
  return run(bin('tsx'), [file, ...args], options)
}
