// Checks for what a user passes to `npm run build` / `npm run export`, so bad
// input stops with one clear line before anything is written.
import process from 'node:process'

/** Slidev's --base must be a path that starts and ends with a slash. */
export function checkBase(base: string | undefined): string | undefined {
  if (base === undefined)
    return undefined
  if (!/^\/(?:[^/\s]+\/)*$/.test(base))
    return `--base must start and end with a slash, like --base /talks/layered-paradox/ (got "${base}").`
  return undefined
}

/** DECK_URL, the address the QR code points at, must be an absolute http(s) URL. */
export function checkDeckUrl(url: string | undefined): string | undefined {
  if (!url)
    return undefined
  try {
    const { protocol } = new URL(url)
    if (protocol === 'http:' || protocol === 'https:')
      return undefined
  }
  catch {}
  return `DECK_URL must be an absolute http(s) address, like https://example.org/talks/layered-paradox/ (got "${url}").`
}

/** The value of `--name value` or `--name=value` in argv, if given. */
export function flagValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name)
      return argv[i + 1] ?? ''
    if (argv[i].startsWith(`${name}=`))
      return argv[i].slice(name.length + 1)
  }
  return undefined
}

/** Print one line and stop. */
export function fail(message: string, code = 1): never {
  console.error(`✖ ${message}`)
  process.exit(code)
}
