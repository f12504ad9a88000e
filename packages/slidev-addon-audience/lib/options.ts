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

/**
 * The deck's address for its QR code: DECK_URL when it is set, otherwise where the host
 * building the site says it will be (Netlify's URL, Vercel's production domain), so
 * both hosts run one build command. Undefined elsewhere: no QR code.
 */
export function deckUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.DECK_URL)
    return env.DECK_URL
  if (env.NETLIFY === 'true' && env.URL)
    return `${env.URL.replace(/\/+$/, '')}/`
  if (env.VERCEL === '1' && env.VERCEL_PROJECT_PRODUCTION_URL)
    return `https://${env.VERCEL_PROJECT_PRODUCTION_URL.replace(/\/+$/, '')}/`
  return undefined
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
