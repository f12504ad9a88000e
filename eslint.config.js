// @antfu/eslint-config: lints and formats TypeScript, Vue, JSON, YAML and TOML in the
// style the code was written in (antfu/talks and Slidev use it). Slides are Slidev
// Markdown, not documents, so Markdown is left to Slidev.
import antfu from '@antfu/eslint-config'

export default antfu(
  {
    vue: true,
    typescript: true,
    markdown: false,
    ignores: ['dist/**', 'dist.partial/**', 'test-sites/**', 'test-results/**', 'bench/reference/**', 'tests/fixtures/*/dist/**', '.tools/**', 'shots/**'],
  },
  {
    // Command-line tools and the tests' site server: printing is their job, and a
    // top-level await is how an ES module script waits for its work.
    files: ['scripts/**/*.ts', 'lib/**/*.ts', 'tests/support/sites.ts'],
    rules: {
      'no-console': 'off',
      'antfu/no-top-level-await': 'off',
    },
  },
)
