// Tags that choose the Playwright projects a test runs in (see playwright.config.ts):
// every test runs in the light colour scheme; BOTH_SCHEMES runs it in dark too;
// REDUCED_MOTION runs it with prefers-reduced-motion: reduce instead of without.
export const BOTH_SCHEMES = '@both-schemes'
export const REDUCED_MOTION = '@reduced-motion'

const has = (tag: string) => new RegExp(`${tag}\\b`)

/**
 * The projects, each a colour scheme and a motion setting, with the tests it runs. Reduced
 * motion first: its tests include the suite's longest (the walks of every click), and
 * started first they run beside the short ones instead of ending the run on their own.
 */
export const PROJECTS = [
  {
    name: 'light, reduced motion',
    use: { colorScheme: 'light' as const, reducedMotion: 'reduce' as const },
    grep: has(REDUCED_MOTION),
  },
  {
    name: 'dark, reduced motion',
    use: { colorScheme: 'dark' as const, reducedMotion: 'reduce' as const },
    grep: new RegExp(`^(?=.*${BOTH_SCHEMES}\\b)(?=.*${REDUCED_MOTION}\\b)`),
  },
  {
    name: 'light',
    use: { colorScheme: 'light' as const },
    grepInvert: has(REDUCED_MOTION),
  },
  {
    name: 'dark',
    use: { colorScheme: 'dark' as const },
    grep: has(BOTH_SCHEMES),
    grepInvert: has(REDUCED_MOTION),
  },
]
