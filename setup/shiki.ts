import { defineShikiSetup } from '@slidev/types'

// Code in high-contrast themes: every token meets WCAG AA (4.5:1) on the code
// background in light and dark, which Slidev's default (Vitesse) colours do not.
export default defineShikiSetup(() => ({
  themes: {
    light: 'github-light-high-contrast',
    dark: 'github-dark-high-contrast',
  },
}))
