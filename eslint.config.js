// @antfu/eslint-config: lints and formats TypeScript, Vue, JSON, YAML and TOML in the
// style the code was written in (antfu/talks and Slidev use it). Slides are Slidev
// Markdown, not documents, so Markdown is left to Slidev.
import antfu from '@antfu/eslint-config'

export default antfu(
  {
    vue: true,
    typescript: true,
    markdown: false,
    ignores: [
      'dist/**',
      'dist.partial/**',
      'test-sites/**',
      'test-results/**',
      'bench/reference/**',
      'tests/fixtures/*/dist/**',
      '.tools/**',
      'shots/**',
    ],
  },
  {
    // Command-line tools and the tests' site and room servers: printing is their job, and a
    // top-level await is how an ES module script waits for its work.
    files: [
      'packages/slidev-addon-audience/scripts/**/*.ts',
      'packages/slidev-addon-audience/lib/**/*.ts',
      'packages/slidev-addon-audience/bin/*.mjs',
      'tests/support/sites.ts',
      'tests/support/rooms.ts',
    ],
    rules: {
      'no-console': 'off',
      'antfu/no-top-level-await': 'off',
    },
  },
  {
    // In the specs `innerText()` is Playwright's Locator method (the text as rendered,
    // which the tests mean), not the DOM property this rule is written for.
    files: ['tests/**/*.ts'],
    rules: {
      'unicorn/prefer-dom-node-text-content': 'off',
    },
  },
)
