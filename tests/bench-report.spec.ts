import type { BenchResults, RoomBench } from 'slidev-addon-audience/lib/bench/report'
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { renderReadme } from 'slidev-addon-audience/lib/bench/report'

// bench/README.md is written from the bench's JSON, so no figure in it can disagree
// with the measurements: this fails when either was edited by hand.
test('bench/README.md is what the benches write from bench/results.json, bench/before.json and bench/room.json', () => {
  const read = <T = BenchResults>(file: string): T => JSON.parse(readFileSync(file, 'utf8'))
  expect(readFileSync('bench/README.md', 'utf8'), 'run `npm run bench -- --report` to write it again')
    .toBe(renderReadme(read('bench/results.json'), read('bench/before.json'), read<RoomBench[]>('bench/room.json')))
})
