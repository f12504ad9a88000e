// `npm run test:times`: the suite's time, per spec and in total, from the JSON report the
// last `npm test` wrote (playwright.config.ts), into bench/test-times.md beside the times
// before the suite was reshaped (bench/test-times-before.json), slowest first.
import { readFileSync, writeFileSync } from 'node:fs'
import process from 'node:process'

const REPORT = 'test-times/report.json'

interface Result { duration: number, retry: number, status: string }
interface Spec { title: string, file: string, tests: { projectName: string, results: Result[] }[] }
interface Suite { title: string, file: string, specs?: Spec[], suites?: Suite[] }
interface Report { stats: { startTime: string, duration: number, expected: number, unexpected: number, flaky: number, skipped: number }, suites: Suite[] }

interface Timed { test: string, file: string, project: string, seconds: number, retried: boolean }
interface Before { measured: string, total: number, slowest: { test: string, seconds: string }[] }

function tests(suite: Suite, path: string[] = []): Timed[] {
  const here = suite.title && suite.title !== suite.file
    ? [...path, suite.title]
    : path
  return [
    ...(suite.specs ?? []).flatMap(spec => spec.tests.map(t => ({
      test: [...here, spec.title].join(' › '),
      file: spec.file,
      project: t.projectName,
      seconds: t.results.reduce((sum, r) => sum + r.duration, 0) / 1000,
      retried: t.results.some(r => r.retry > 0),
    }))),
    ...(suite.suites ?? []).flatMap(s => tests(s, here)),
  ]
}

/** m:ss, rounded to the second first (479.6 s is 8:00, not 7:60). */
function clock(seconds: number): string {
  const s = Math.round(seconds)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report
const before = JSON.parse(readFileSync('bench/test-times-before.json', 'utf8')) as Before
const all = report.suites.flatMap(s => tests(s)).sort((a, b) => b.seconds - a.seconds)
const perFile = Object.entries(all.reduce<Record<string, number>>((sum, t) => ({ ...sum, [t.file]: (sum[t.file] ?? 0) + t.seconds }), {}))
  .sort((a, b) => b[1] - a[1])
const retries = all.some(t => t.retried)
const total = report.stats.duration / 1000
const testTime = all.reduce((sum, t) => sum + t.seconds, 0)

const md = `# The test suite's time

Written by \`npm run test:times\` from the JSON report of the last \`npm test\`
(\`${REPORT}\`); the wall time is Playwright's, from the start of the site builds to the
last test, on this machine, for the deck's tests (\`playwright test\`): the room specs
(\`npm run test:room\`), which \`npm test\` runs after them, have no JSON report. ${report.stats.expected} passed, ${report.stats.unexpected} failed,
${report.stats.flaky} flaky, ${report.stats.skipped} skipped${retries ? ', with retries' : ', no retries'}.

| | before (${before.measured}) | now (${report.stats.startTime.slice(0, 10)}) |
| --- | --- | --- |
| \`playwright test\` wall time, builds included | ${clock(before.total)} | ${clock(total)} |
| the tests' own time, added up | | ${clock(testTime)} |

## The ten slowest tests

| before | s | now | project | s |
| --- | --- | --- | --- | --- |
${Array.from({ length: 10 }, (_, i) => {
  const b = before.slowest[i]
  const n = all[i]
  return `| ${b ? b.test : ''} | ${b ? b.seconds : ''} | ${n
    ? `${n.test} (\`${n.file}\`)`
    : ''} | ${n?.project ?? ''} | ${n
    ? n.seconds.toFixed(1)
    : ''} |`
}).join('\n')}

## Per spec, now

| spec | s |
| --- | --- |
${perFile.map(([file, s]) => `| \`${file}\` | ${s.toFixed(1)} |`).join('\n')}
`
writeFileSync('bench/test-times.md', md)
console.log(`bench/test-times.md: ${clock(total)} wall, ${all.length} tests; slowest ${all[0]?.test} (${all[0]?.seconds.toFixed(1)} s)`)
process.exit(0)
